// The city dashboard's two charts, from the figures the page embeds as JSON (#chart-data). Their numbers are the
// ranking table's, which screen readers are sent to (the charts' aria-label); bars are told apart by colours of at least
// 3:1 against the white ground (WCAG 1.4.11) and by patterns (decals), not by colour alone.
echarts.registerTheme('accessible', {
    color: ['#1565c0', '#2e7d32', '#a63c00', '#6a1b9a', '#00838f', '#ad1457'],
});
const aria = { enabled: true, label: { enabled: false }, decal: { show: true } };
const data = JSON.parse(document.getElementById('chart-data').textContent);
const funnel = echarts.init(document.getElementById('funnel-chart'), 'accessible', { renderer: 'svg' });
const stages = [['offers', '要约'], ['replies', '回应'], ['bargaining', '协商'], ['signed', '签订'], ['filed', '报送'], ['effective', '生效']];
funnel.setOption({
    aria,
    animation: false,
    title: { text: '各地协商进展（企业数）', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 70 },
    xAxis: { type: 'category', data: data.units, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: stages.map(([key, name]) => ({ name, type: 'bar', data: data.funnel[key] })),
});
const rates = echarts.init(document.getElementById('rate-chart'), 'accessible', { renderer: 'svg' });
rates.setOption({
    aria,
    animation: false,
    title: { text: '要约率与签订率（%）', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 96, top: 40, bottom: 70 },
    xAxis: { type: 'category', data: data.units, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', max: 100 },
    series: [
        { name: '要约率', type: 'bar', data: data.offerRate, markLine: { symbol: 'none', data: [{ yAxis: data.offerTarget, name: '要约目标' }], label: { position: 'end', formatter: '要约目标\n{c}%' } } },
        { name: '签订率', type: 'bar', data: data.signingRate, markLine: { symbol: 'none', data: [{ yAxis: data.signingTarget, name: '签订目标' }], label: { position: 'end', formatter: '签订目标\n{c}%' } } },
    ],
});
// Redrawn whenever their boxes change size: a narrower window, a phone turned, the page zoomed.
const resized = new ResizeObserver(() => { funnel.resize(); rates.resize(); });
for (const chart of [funnel, rates]) resized.observe(chart.getDom());
