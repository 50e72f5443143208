using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Coordination;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// Dispute coordination (Arts 49-54): a party applies, the county's coordinator extends, settles or closes it.
// Forms in _Coordination.cshtml.
public sealed partial class DetailModel
{
    /// <summary>Applies for dispute coordination.</summary>
    public Task<IActionResult> OnPostCoordinationAsync(Guid id, string? grounds) =>
        SendAsync(id, "已申请协调处理", new ApplyForCoordinationCommand(id, SideOrForbid(), grounds ?? ""));

    /// <summary>Extends coordination once, by the days the coordinator chose.</summary>
    public Task<IActionResult> OnPostExtendAsync(Guid id, string? reason, int? days) =>
        SendAsync(id, "协调期限已延长", new ExtendCoordinationCommand(id, reason ?? "", days));

    /// <summary>
    /// Closes coordination without agreement (the coordinator), or a lapsed renewal (the county union): both are the
    /// workflow's <see cref="Signals.Close"/>, so one form serves them.
    /// </summary>
    public Task<IActionResult> OnPostCloseAsync(Guid id, string? reason) => Me.Role == Role.Coordinator
        ? SendAsync(id, "协调处理已终结", new CloseCoordinationCommand(id, reason ?? ""))
        : SendAsync(id, "已结案，不再续订", new CloseLapsedRenewalCommand(id, reason ?? ""));

    /// <summary>The coordinator records the coordination agreement; bargaining resumes.</summary>
    public Task<IActionResult> OnPostCoordinationAgreementAsync(Guid id, string? text, string? coordinators, string? workerChief, string? employerChief) =>
        SendAsync(id, "协调处理协议书已签署，恢复协商", new RecordCoordinationAgreementCommand(id, text ?? "",
            [.. (coordinators ?? "").Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], workerChief ?? "", employerChief ?? ""));
}
