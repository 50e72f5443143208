using Bargaining.Features.Rounds.Termination;
using Bargaining.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// Rescinding or terminating the contract in force (Art 39–41). Form in _Termination.cshtml.
public sealed partial class DetailModel
{
    /// <summary>The contract's rescission or termination as recorded, once it took effect; null before.</summary>
    public TerminationRecord? Termination { get; private set; }

    /// <summary>This side proposes to rescind or terminate the contract, with its evidence's file if one is chosen.</summary>
    public async Task<IActionResult> OnPostProposeTerminationAsync(Guid id, TerminationReason? reason, string? grounds, string? evidence, DateOnly? effectiveOn,
        IFormFile? evidenceFile)
    {
        var file = await UploadedAsync(evidenceFile);
        return await SendAsync(id, "解除（终止）合同的提议已提出，等待对方首席代表确认",
            new ProposeTerminationCommand(id, SideOrForbid(), reason ?? (TerminationReason)(-1), grounds ?? "", evidence, effectiveOn ?? default,
                file?.FileName, file?.ContentType, file?.Content));
    }

    /// <summary>The file of the termination's evidence.</summary>
    public async Task<IActionResult> OnGetTerminationEvidenceAsync(Guid id)
    {
        var file = await Mediator.Send(new TerminationEvidenceQuery(id));
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The other side confirms the proposal.</summary>
    public Task<IActionResult> OnPostConfirmTerminationAsync(Guid id) =>
        SendAsync(id, "已确认：合同已解除（终止）", new ConfirmTerminationCommand(id, SideOrForbid()));

    /// <summary>The other side declines the proposal, or the proposing side withdraws it.</summary>
    public Task<IActionResult> OnPostDeclineTerminationAsync(Guid id, string? reason) =>
        SendAsync(id, "解除（终止）合同的提议已撤回或不予同意，合同继续履行", new DeclineTerminationCommand(id, SideOrForbid(), reason ?? ""));
}
