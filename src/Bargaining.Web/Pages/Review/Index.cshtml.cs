using Bargaining.Features.Rounds.Views;
using MediatR;

namespace Bargaining.Web.Pages.Review;

/// <summary>
/// The labour-bureau reviewer's queue: contracts filed in its area under review, most urgent first. Each opens on
/// the round's page, where the objection is recorded; without one the contract takes effect when the 15 days run
/// out (Art 47).
/// </summary>
public sealed class IndexModel(IMediator mediator) : BargainingPage(mediator)
{
    /// <summary>The queue.</summary>
    public IReadOnlyList<ReviewQueueRow> Queue { get; private set; } = [];

    /// <summary>Lists.</summary>
    public async Task OnGetAsync() => Queue = await Mediator.Send(new ReviewQueueQuery());
}
