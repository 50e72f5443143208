using Bargaining.Features.Rounds;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// Rounds that end without a contract (Features/Rounds/RoundClosures.cs): the offering side gives up after a refusal,
// the county escalates an unanswered simplified round. Forms in _Closures.cshtml; a lapsed renewal is closed through
// the coordination's close form (Detail.Coordination.cs), the same workflow signal.
public sealed partial class DetailModel
{
    /// <summary>The offering side gives up after a refusal.</summary>
    public Task<IActionResult> OnPostWithdrawOfferAsync(Guid id, string? reason) =>
        SendAsync(id, "已结案：不再要求协商", new WithdrawOfferCommand(id, SideOrForbid(), reason ?? ""));

    /// <summary>The county union turns an unanswered simplified round into the ordinary procedure.</summary>
    public Task<IActionResult> OnPostEscalateAsync(Guid id, string? reason) =>
        SendAsync(id, "已转入普通程序，请为该企业发起普通程序协商", new EscalateToOrdinaryCommand(id, reason ?? ""));
}
