namespace Bargaining.Domain;

/// <summary>
/// One clause of a round's draft contract, taken from an agreed topic when the chiefs conclude (Art 34). Each
/// conclusion makes a new draft (<see cref="Draft"/> 1, 2, …); earlier drafts stay as they were voted on.
/// </summary>
public sealed class DraftClause
{
    private DraftClause() { }

    /// <summary>Clause <paramref name="sequence"/> of draft <paramref name="draft"/>, from an agreed topic.</summary>
    public DraftClause(Guid roundId, int draft, int sequence, Topic topic, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        RoundId = roundId;
        Draft = draft;
        Sequence = sequence;
        TopicId = topic.Id;
        Title = topic.Title;
        var agreed = topic.Last.Term;
        Clause = agreed.Clause;
        Number = agreed.Number;
        Unit = agreed.Unit;
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    /// <summary>Which draft of the round (1 for the first conclusion).</summary>
    public int Draft { get; private set; }
    /// <summary>1, 2, … within the draft.</summary>
    public int Sequence { get; private set; }
    /// <summary>The agreed topic.</summary>
    public Guid TopicId { get; private set; }
    /// <summary>The topic's title.</summary>
    public string Title { get; private set; } = "";
    /// <summary>The agreed clause.</summary>
    public string Clause { get; private set; } = "";
    /// <summary>Its number, if any.</summary>
    public decimal? Number { get; private set; }
    /// <summary>Its unit.</summary>
    public string? Unit { get; private set; }
}
