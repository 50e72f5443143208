using System.Text.Json.Serialization;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Workflows;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Views;

/// <summary>
/// A round at the table: who bargains for what, the meetings, and every topic's thread with both sides' latest
/// positions and the remaining gap — the screen both parties and the county union look at.
/// </summary>
public sealed record NegotiationTableQuery(Guid RoundId) : IQuery<NegotiationTable>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>The round's header, its meetings and its topics.</summary>
public sealed record NegotiationTable(
    Guid RoundId,
    Guid EnterpriseId,
    string Enterprise,
    string Organisation,
    RoundKind Kind,
    Procedure Procedure,
    Side OfferingSide,
    DateOnly? OfferReceivedOn,
    DateTimeOffset? RespondedAt,
    bool? Accepted,
    string? RefusalReason,
    int? CongressEntitled,
    int? CongressPresent,
    int? CongressInFavour,
    bool? CongressAdopted,
    DateOnly? FilingReceivedOn,
    string? ReviewOpinion,
    DateOnly? TermStartsOn,
    DateOnly? TermEndsOn,
    string? ContractNumber,
    IReadOnlyList<MeetingView> Meetings,
    IReadOnlyList<TopicHistory> Topics)
{
    /// <summary>The time rules of the round's jurisdiction: a move belongs to the meeting of its local day. Not sent by the API.</summary>
    [JsonIgnore]
    public Jurisdiction? Time { get; init; }

    /// <summary>The chief who has signed the draft and awaits the other's signature (Art 36); null when none waits.</summary>
    public Side? DraftSignedBy { get; init; }

    /// <summary>The employer's legal representative as named with its offer, reply or representatives, if named.</summary>
    public string? EmployerLegalRepresentative { get; init; }

    /// <summary>The meeting a move was made at or after (the latest meeting held on or before its day), or null before the first.</summary>
    public int? MeetingOf(TopicMove move)
    {
        var day = (Time ?? throw new InvalidOperationException("the negotiation table was read without its jurisdiction's time rules")).LocalDate(move.At);
        return Meetings.Where(m => m.Date <= day).Select(m => (int?)m.Number).LastOrDefault();
    }
}

/// <summary>A bargaining meeting.</summary>
public sealed record MeetingView(int Number, DateOnly Date, string Place, Side Chair, string Recorder, string? Agenda, string? Minutes);

/// <summary>Handles <see cref="NegotiationTableQuery"/>.</summary>
public sealed class NegotiationTableHandler(BargainingDbContext db, RoundWorkflow workflow) : IRequestHandler<NegotiationTableQuery, NegotiationTable>
{
    public async Task<NegotiationTable> Handle(NegotiationTableQuery request, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == request.RoundId, cancellationToken);
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == round.EnterpriseId, cancellationToken);
        var organisation = await db.Organisations.Where(o => o.Id == enterprise.OrganisationId).Select(o => o.Name).FirstAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.RoundId == round.Id).OrderBy(m => m.Number)
            .Select(m => new MeetingView(m.Number, m.Date, m.Place, m.Chair, m.Recorder, m.Agenda, m.Minutes)).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.RoundId == round.Id).ToListAsync(cancellationToken);
        var profile = workflow.Profile(round);
        return new NegotiationTable(round.Id, enterprise.Id, enterprise.Name, organisation, round.Kind, round.Procedure, round.OfferingSide, round.Offer.ReceivedOn,
            round.Response.GivenAt, round.Response.Accepted, round.Response.RefusalReason, round.Congress.Entitled, round.Congress.Present, round.Congress.InFavour, round.Congress.Adopted,
            round.Filing.ReceivedOn, round.Review.Opinion, round.Signing.TermStartsOn, round.Signing.TermEndsOn, round.Filing.ContractNumber, meetings,
            [.. topics.OrderBy(t => t.Positions.Min(p => p.At)).ThenBy(t => t.Code).Select(t => TopicHistoryHandler.Of(t, profile))])
        {
            Time = profile.Time,
            // A move after the first signature lapses it (RoundTableRecord.Conclude).
            DraftSignedBy = round.Table.DraftSignedPositions == topics.Sum(t => t.Positions.Count) ? round.Table.DraftSignedBy : null,
            EmployerLegalRepresentative = round.Representatives.EmployerLegalRepresentative,
        };
    }
}
