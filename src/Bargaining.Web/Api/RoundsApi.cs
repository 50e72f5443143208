using Bargaining.Features.Rounds;
using Bargaining.Web.Api.Rounds;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api;

/// <summary>
/// A round (<c>/api/rounds</c>), one file per procedure phase in <c>Api/Rounds/</c> as in <c>Features/Rounds/</c>;
/// the closures that end a round in any phase are here.
/// </summary>
public static class RoundsApi
{
    /// <summary>Maps every phase of a round.</summary>
    public static void Map(RouteGroupBuilder rounds)
    {
        ViewsApi.Map(rounds);
        OfferApi.Map(rounds);
        RepresentativesApi.Map(rounds);
        TableApi.Map(rounds);
        CongressApi.Map(rounds);
        SigningApi.Map(rounds);
        FilingApi.Map(rounds);
        ReviewApi.Map(rounds);
        CoordinationApi.Map(rounds);
        RenewalApi.Map(rounds);
        TerminationApi.Map(rounds);
        ChangeApi.Map(rounds);
        SimplifiedApi.Map(rounds);
        rounds.MapPost("/{id:guid}/withdrawal", WithdrawOfferAsync);
        rounds.MapPost("/{id:guid}/escalation", EscalateToOrdinaryAsync);
        rounds.MapPost("/{id:guid}/lapse", CloseLapsedRenewalAsync);
    }

    private static Task<NoContent> WithdrawOfferAsync(Guid id, WithdrawOfferCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> EscalateToOrdinaryAsync(Guid id, EscalateToOrdinaryCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));

    private static Task<NoContent> CloseLapsedRenewalAsync(Guid id, CloseLapsedRenewalCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { RoundId = id }, ct));
}
