using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Rules;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Views;

/// <summary>A topic's thread, with the gap between the sides after each move on a numeric term.</summary>
public sealed record TopicHistoryQuery(Guid TopicId) : IQuery<TopicHistory>, IAuthorisedRequest
{
    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        var enterpriseId = await db.Topics.Where(t => t.Id == TopicId).Join(db.Rounds, t => t.RoundId, r => r.Id, (_, r) => (Guid?)r.EnterpriseId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("该议题");
        await RoundAccess.AuthoriseReaderAsync(user, db, enterpriseId, ct);
    }
}

/// <summary>
/// A topic and its moves, oldest first; for a pay topic, the minimum wage and the wage guideline (工资指导线) to show
/// beside the proposals.
/// </summary>
public sealed record TopicHistory(Guid TopicId, string Code, string Title, Side RaisedBy, TopicStatus Status, IReadOnlyList<TopicMove> Moves, MinimumWage? MinimumWage, WageGuideline? Guideline = null);

/// <summary>
/// One move. <see cref="Gap"/> is how far apart the sides' latest numbers are after it (worker minus employer), when
/// both sides have put a number in the same unit; zero once agreed. <see cref="AgainstGuideline"/> says where a
/// pay rise in % stands against the wage guideline.
/// </summary>
public sealed record TopicMove(int Sequence, PositionKind Kind, Side Side, string Clause, decimal? Number, string? Unit, DateTimeOffset At, string By, decimal? Gap, string? AgainstGuideline = null);

/// <summary>Handles <see cref="TopicHistoryQuery"/>.</summary>
public sealed class TopicHistoryHandler(BargainingDbContext db, RoundWorkflow workflow) : IRequestHandler<TopicHistoryQuery, TopicHistory>
{
    public async Task<TopicHistory> Handle(TopicHistoryQuery request, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking().Include(t => t.Positions).FirstOrDefaultAsync(t => t.Id == request.TopicId, cancellationToken)
            ?? throw DomainException.NotFound("该议题");
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == topic.RoundId, cancellationToken);
        return Of(topic, workflow.Profile(round));
    }

    /// <summary>The history of a loaded topic (with its positions) under the round's jurisdiction profile.</summary>
    public static TopicHistory Of(Topic topic, Jurisdictions.JurisdictionProfile profile)
    {
        var guideline = topic.Code == TopicCatalog.Pay ? profile.WageGuideline : null;
        var latest = new Dictionary<Side, (decimal Number, string Unit)>();
        var moves = new List<TopicMove>();
        foreach (var p in topic.Positions.OrderBy(p => p.Sequence))
        {
            if (p.Kind == PositionKind.Withdrawal) latest.Clear();
            else if (p.Number is { } n)
            {
                latest[p.Side] = (n, p.Unit!);
                if (p.Kind == PositionKind.Agreement) latest[p.Side.Other()] = (n, p.Unit!);
            }
            decimal? gap = latest.TryGetValue(Side.Worker, out var w) && latest.TryGetValue(Side.Employer, out var e) && w.Unit == e.Unit ? w.Number - e.Number : null;
            var note = guideline is not null && p.Number is { } rise && p.Unit?.Trim() == "%" ? guideline.Describe(rise) : null;
            moves.Add(new TopicMove(p.Sequence, p.Kind, p.Side, p.Clause, p.Number, p.Unit, p.At, p.By, gap, note));
        }
        var floor = topic.Code == TopicCatalog.Pay ? profile.MinimumWage : null;
        return new TopicHistory(topic.Id, topic.Code, topic.Title, topic.RaisedBy, topic.Status, moves, floor, guideline);
    }
}
