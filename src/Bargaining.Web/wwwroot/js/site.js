// The pages' few behaviours, from data attributes (the Content-Security-Policy allows no inline script):
//   <button data-fill="id=value;id2=value2">  fills those fields;
//   <input type="checkbox" data-select-all="name">  ticks or clears every checkbox of that name.
document.addEventListener('change', e => {
    if (e.target.matches('input[data-select-all]'))
        for (const box of document.querySelectorAll(`input[name="${e.target.dataset.selectAll}"]`)) box.checked = e.target.checked;
});
document.addEventListener('click', e => {
    const button = e.target.closest('[data-fill]');
    if (!button) return;
    for (const pair of button.dataset.fill.split(';')) {
        const [id, value] = pair.split('=');
        document.getElementById(id).value = value;
    }
});
