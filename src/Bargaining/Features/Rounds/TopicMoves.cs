using Bargaining.Domain;
using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds;

/// <summary>What the topic commands share: loading a topic with its thread, and the rule that moves are made at the table.</summary>
public static class TopicMoves
{
    /// <summary>The steps where positions are exchanged: the ordinary procedure's table and the simplified procedure's meeting (Art 34).</summary>
    public static readonly string[] AtTheTable = [Nodes.Bargaining, Nodes.Meeting];

    /// <summary>The topic with its positions and its round; conflict unless the round is at the table.</summary>
    public static async Task<(Topic Topic, Round Round)> LoadAtTheTableAsync(BargainingDbContext db, RoundWorkflow workflow, Guid topicId, string action, CancellationToken ct)
    {
        // The round first (locked on PostgreSQL), then the thread: two moves on one topic take turns, and the second
        // reads the positions the first added.
        var roundId = await db.Topics.Where(t => t.Id == topicId).Select(t => (Guid?)t.RoundId).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("该议题");
        var round = await db.RoundAsync(roundId, ct);
        var topic = await db.Topics.Include(t => t.Positions).FirstAsync(t => t.Id == topicId, ct);
        await workflow.EnsureAtAsync(round, action, ct, AtTheTable);
        return (topic, round);
    }
}
