using Bargaining.Domain;
using Bargaining.Features.Rounds.Simplified;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// The simplified procedure's meeting: minutes or a memo signed on the spot, or no agreement. Forms in _Simplified.cshtml.
public sealed partial class DetailModel
{
    /// <summary>The simplified procedure: minutes or a memo signed on the spot.</summary>
    public Task<IActionResult> OnPostOnTheSpotAsync(Guid id, OnTheSpotRecord kind, MeetingMeans means, string? text, string? workerChief, string? employerChief) =>
        SendAsync(id, kind == OnTheSpotRecord.Memo ? "备忘录已当场签署" : "会议纪要已当场签署",
            new SignOnTheSpotCommand(id, SideOrForbid(), kind, means, text ?? "", workerChief ?? "", employerChief ?? ""));

    /// <summary>The simplified procedure's meeting ended without agreement.</summary>
    public Task<IActionResult> OnPostNoAgreementAsync(Guid id, MeetingMeans means, string? reason) =>
        SendAsync(id, "已记录未达成一致", new RecordNoAgreementCommand(id, SideOrForbid(), means, reason ?? ""));
}
