using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds.Congress;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Deputies;

/// <summary>
/// The union chair's roster of the enterprise's workers' deputies (职工代表名册): add, change, remove, import a file. It is
/// the enterprise's, kept from one congress to the next; a draft is put before the deputies on it.
/// </summary>
public sealed class IndexModel(IMediator mediator) : BargainingPage(mediator)
{
    /// <summary>The roster.</summary>
    public IReadOnlyList<DeputyView> Roster { get; private set; } = [];

    /// <summary>What the last import refused, row by row.</summary>
    public ImportReport? Report { get; private set; }

    private Guid Enterprise => Me.EnterpriseId ?? throw Domain.DomainException.Forbidden("只有企业工会主席可以维护职工代表名册");

    /// <summary>Shows the roster.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Adds a deputy.</summary>
    public Task<IActionResult> OnPostAddAsync(string? name, string? constituency, string? contact) =>
        DoAsync(() => Mediator.Send(new AddDeputyCommand(Enterprise, name ?? "", constituency ?? "", contact)), $"已添加职工代表：{name}");

    /// <summary>Changes a deputy.</summary>
    public Task<IActionResult> OnPostEditAsync(Guid deputyId, string? name, string? constituency, string? contact) =>
        DoAsync(() => Mediator.Send(new EditDeputyCommand(Enterprise, deputyId, name ?? "", constituency ?? "", contact)), $"已保存：{name}");

    /// <summary>Removes a deputy.</summary>
    public Task<IActionResult> OnPostRemoveAsync(Guid deputyId, string? name) =>
        DoAsync(() => Mediator.Send(new RemoveDeputyCommand(Enterprise, deputyId)), $"已从名册中移除：{name}");

    /// <summary>Imports a file.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file)
    {
        using var buffer = new MemoryStream();
        if (file is not null) await file.CopyToAsync(buffer);
        ImportReport? report = null;
        if (await TryAsync(async () => report = await Mediator.Send(new ImportDeputiesCommand(Enterprise, file?.FileName ?? "", buffer.ToArray()))) && !report!.Refused)
        {
            Notice = $"已导入{report.Imported}名职工代表";
            return RedirectToPage();
        }
        Report = report;
        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult> DoAsync(Func<Task> command, string notice)
    {
        if (await TryAsync(command))
        {
            Notice = notice;
            return RedirectToPage();
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Roster = await Mediator.Send(new DeputyRosterQuery(Enterprise));
}
