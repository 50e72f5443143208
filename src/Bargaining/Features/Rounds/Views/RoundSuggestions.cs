using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Rules;
using MediatR;

namespace Bargaining.Features.Rounds.Views;

/// <summary>What a round's forms suggest before anyone has typed a date: the first meeting's day and the contract's term.</summary>
public sealed record RoundSuggestionsQuery(Guid RoundId) : IQuery<RoundSuggestions>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>
/// Suggestions, never stored: <see cref="MeetingOn"/> is a working day of the round's calendar (no weekend rest day, no
/// May Day holiday); the term is a year for a wage agreement and three years otherwise (<see cref="ContractTermRule.Suggested"/>).
/// </summary>
public sealed record RoundSuggestions(DateOnly MeetingOn, DateOnly TermStartsOn, DateOnly TermEndsOn);

/// <summary>Handles <see cref="RoundSuggestionsQuery"/>.</summary>
public sealed class RoundSuggestionsHandler(BargainingDbContext db, RoundWorkflow workflow) : IRequestHandler<RoundSuggestionsQuery, RoundSuggestions>
{
    /// <summary>Days of notice a suggested meeting leaves the sides to prepare (Art 33); a form's choice, not a statutory period.</summary>
    public const int MeetingNoticeDays = 3;

    public async Task<RoundSuggestions> Handle(RoundSuggestionsQuery request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var today = workflow.Today(round);
        var (startsOn, endsOn) = ContractTermRule.Suggested(round.Kind, today);
        return new RoundSuggestions(workflow.Profile(round).WorkingDayOnOrAfter(today.AddDays(MeetingNoticeDays)), startsOn, endsOn);
    }
}
