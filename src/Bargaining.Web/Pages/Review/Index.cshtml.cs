using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Views;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Review;

/// <summary>
/// The labour-bureau reviewer's queue: contracts filed in its area under review, most urgent first. A contract with
/// nothing to object to is cleared here (审查无异议, Art 47); an objection names the contested topics on the round's
/// page; without either the contract takes effect when the 15 days run out (Art 47).
/// </summary>
public sealed class IndexModel(IMediator mediator) : BargainingPage(mediator)
{
    public IReadOnlyList<ReviewQueueRow> Queue { get; private set; } = [];

    public async Task OnGetAsync() => Queue = await Mediator.Send(new ReviewQueueQuery());

    public async Task<IActionResult> OnPostClearAsync(Guid roundId, string? note)
    {
        if (await TryAsync(() => Mediator.Send(new RecordReviewClearanceCommand(roundId, note))))
        {
            Notice = "已确认审查无异议，集体合同即日生效";
            return RedirectToPage();
        }
        await OnGetAsync();
        return Page();
    }
}
