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

    /// <summary>The chief who signed the draft first and awaits the other's signature; null once the draft is formed.</summary>
    public Side? DraftSignedBy { get; private set; }
    /// <summary>How many positions the table held when <see cref="DraftSignedBy"/> signed; a later move lapses that signature.</summary>
    public int? DraftSignedPositions { get; private set; }

    /// <summary>
    /// A chief signs the draft made from the agreed clauses while the table holds <paramref name="positions"/> positions.
    /// The draft is formed, and its number returned, when the other chief has signed the same table (经双方协商代表协商一致的
    /// 草案, Art 36); otherwise this signature waits for the other chief's and null is returned.
    /// </summary>
    public int? Conclude(Side side, int positions, DateTimeOffset now)
    {
        if (CannotConclude(side, positions) is { } refusal) throw refusal;
        if (DraftSignedPositions == positions && DraftSignedBy is not null)
        {
            (DraftSignedBy, DraftSignedPositions, ConcludedAt) = (null, null, now);
            return ++Draft;
        }
        (DraftSignedBy, DraftSignedPositions) = (side, positions);
        return null;
    }

    /// <summary>Why <paramref name="side"/> may not sign the draft of a table holding <paramref name="positions"/> positions (it has already), or null.</summary>
    public DomainException? CannotConclude(Side side, int positions) => DraftSignedPositions == positions && DraftSignedBy == side
        ? DomainException.Conflict("draft.signed", $"{side.Chinese()}首席代表已签署合同草案，等待{side.Other().Chinese()}首席代表签署")
        : null;
}
