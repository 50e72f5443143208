using Bargaining.Features.Rounds.Review;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// The bureau's review (Art 47) and the publication of the effective contract. Forms in _Review.cshtml.
public sealed partial class DetailModel
{
    /// <summary>The reviewer's objection.</summary>
    public Task<IActionResult> OnPostObjectAsync(Guid id, string? opinion, List<Guid> contested) =>
        SendAsync(id, "审查意见已送达双方", new RecordReviewObjectionCommand(id, opinion ?? "", contested));

    /// <summary>Records the publication to all workers.</summary>
    public Task<IActionResult> OnPostPublishAsync(Guid id, DateOnly? publishedOn, string? how) =>
        SendAsync(id, "已记录公布情况", new PublishCommand(id, publishedOn ?? Today, how ?? ""));
}
