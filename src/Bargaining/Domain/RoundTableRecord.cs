namespace Bargaining.Domain;

/// <summary>The bargaining at the table: suspensions (中止, Art 35), resumptions and the drafts the chiefs conclude.</summary>
public sealed class RoundTableRecord
{
    internal RoundTableRecord() { }

    /// <summary>When the parties last suspended bargaining (中止, Art 35).</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }
    /// <summary>The day of the next meeting the suspension fixed (Art 35).</summary>
    public DateOnly? NextMeetingOn { get; private set; }
    /// <summary>The place of the next meeting the suspension fixed.</summary>
    public string? NextMeetingPlace { get; private set; }
    /// <summary>The content of the next meeting the suspension fixed.</summary>
    public string? NextMeetingContent { get; private set; }
    /// <summary>When bargaining last resumed.</summary>
    public DateTimeOffset? ResumedAt { get; private set; }
    /// <summary>The current draft (0 before the first conclusion); its clauses are <see cref="DraftClause"/>s.</summary>
    public int Draft { get; private set; }
    /// <summary>When the chiefs last concluded a draft.</summary>
    public DateTimeOffset? ConcludedAt { get; private set; }

    /// <summary>Suspends bargaining by mutual agreement, fixing the next meeting (中止, Art 35).</summary>
    public void Suspend(DateTimeOffset now, DateOnly today, DateOnly nextOn, string place, string content)
    {
        if (nextOn <= today) throw DomainException.Rule("suspension.next-date", $"中止协商应约定今后的下次协商时间，{nextOn:yyyy-MM-dd}不在今天之后（《集体合同规定》第三十五条）");
        SuspendedAt = now;
        NextMeetingOn = nextOn;
        NextMeetingPlace = place.Trim();
        NextMeetingContent = content.Trim();
    }

    /// <summary>Resumes bargaining after a suspension.</summary>
    public void Resume(DateTimeOffset now) => ResumedAt = now;

    /// <summary>Starts a new draft from the agreed clauses; returns its number.</summary>
    public int Conclude(DateTimeOffset now)
    {
        ConcludedAt = now;
        return ++Draft;
    }
}
