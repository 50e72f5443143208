using Bargaining.Domain;
using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Change;

/// <summary>One article of a contract version: its number (第N条 of the agreed clauses), topic and text.</summary>
public sealed record VersionClause(int Number, string Code, string Title, string Clause, decimal? Value, string? Unit)
{
    /// <summary>The clause as an offer proposes it again.</summary>
    public TopicProposal Proposal => new(Code, Clause, Value, Unit, Title);
}

/// <summary>
/// The versions of a contract: a round's own agreed clauses; a change's (变更, Art 39–41) are the clauses of the
/// version it amends with the changed articles replaced, numbered as there. A round before its draft shows the
/// terms on the table, so a renewal or a change can be compared while it is bargained.
/// </summary>
public static class ContractVersions
{
    /// <summary>The clauses of <paramref name="roundId"/>'s version of the contract, in order.</summary>
    public static async Task<IReadOnlyList<VersionClause>> ClausesAsync(BargainingDbContext db, Guid roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw DomainException.NotFound("该轮协商");
        var own = await OwnAsync(db, round, ct);
        if (round.Change.AmendsRoundId is not { } amended) return own;
        var replaced = own.ToDictionary(c => (c.Code, c.Title));
        return [.. (await ClausesAsync(db, amended, ct)).Select(c => replaced.TryGetValue((c.Code, c.Title), out var now) ? now with { Number = c.Number } : c)];
    }

    /// <summary>The articles a change may bargain: those it named, as the amended version states them.</summary>
    public static async Task<IReadOnlyList<VersionClause>> ConcernedAsync(BargainingDbContext db, Round change, CancellationToken ct)
    {
        var numbers = change.Change.Numbers;
        return [.. (await ClausesAsync(db, change.Change.AmendsRoundId!.Value, ct)).Where(c => numbers.Contains(c.Number))];
    }

    /// <summary>
    /// Refuses a topic a change did not name (Art 41: the procedure runs on the articles concerned only), naming
    /// the articles it may bargain.
    /// </summary>
    public static async Task EnsureConcernedAsync(BargainingDbContext db, Round change, IEnumerable<Topic> topics, CancellationToken ct)
    {
        var concerned = await ConcernedAsync(db, change, ct);
        foreach (var topic in topics)
            if (!concerned.Any(c => c.Code == topic.Code && c.Title == topic.Title))
                throw DomainException.Rule("change.outside-articles",
                    $"议题“{topic.Title}”不在本次变更所涉条款之内；本次变更只能就{Names(concerned)}协商（《集体合同规定》第四十一条）");
    }

    /// <summary>第2条（劳动报酬）、第5条（休息休假）.</summary>
    public static string Names(IEnumerable<VersionClause> clauses) => string.Join("、", clauses.Select(c => $"第{c.Number}条（{c.Title}）"));

    /// <summary>The round's own clauses: its last draft, or before one the terms last put on the table.</summary>
    private static async Task<IReadOnlyList<VersionClause>> OwnAsync(BargainingDbContext db, Round round, CancellationToken ct)
    {
        if (round.Table.Draft > 0)
            return await db.DraftClauses.AsNoTracking().Where(c => c.RoundId == round.Id && c.Draft == round.Table.Draft).OrderBy(c => c.Sequence)
                .Join(db.Topics, c => c.TopicId, t => t.Id, (c, t) => new VersionClause(c.Sequence, t.Code, c.Title, c.Clause, c.Number, c.Unit))
                .ToListAsync(ct);
        var topics = await db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.RoundId == round.Id && t.Status != TopicStatus.Withdrawn).ToListAsync(ct);
        return [.. Topics.InOrder(topics).Select((t, i) =>
        {
            var term = t.Positions.Where(p => p.Kind is PositionKind.Proposal or PositionKind.Counterproposal or PositionKind.Agreement).MaxBy(p => p.Sequence)!;
            return new VersionClause(i + 1, t.Code, t.Title, term.Clause, term.Number, term.Unit);
        })];
    }
}

/// <summary>A round's version of the contract: what it changes or renews, the articles and reason of a change, and its clauses.</summary>
public sealed record ContractVersion(Guid RoundId, Guid? AmendsRoundId, Guid? RenewsRoundId, IReadOnlyList<int> Articles, string? Reason, IReadOnlyList<VersionClause> Clauses);

/// <summary>The contract version a round holds (<see cref="ContractVersions"/>), for its page and the API.</summary>
public sealed record ContractVersionQuery(Guid RoundId) : Infrastructure.IQuery<ContractVersion>, Infrastructure.IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>Handles <see cref="ContractVersionQuery"/>.</summary>
public sealed class ContractVersionHandler(BargainingDbContext db) : MediatR.IRequestHandler<ContractVersionQuery, ContractVersion>
{
    public async Task<ContractVersion> Handle(ContractVersionQuery request, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RoundId, cancellationToken) ?? throw DomainException.NotFound("该轮协商");
        return new ContractVersion(round.Id, round.Change.AmendsRoundId, round.Renewal.RenewsRoundId, round.Change.Numbers, round.Change.Reason,
            await ContractVersions.ClausesAsync(db, round.Id, cancellationToken));
    }
}
