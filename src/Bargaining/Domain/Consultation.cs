namespace Bargaining.Domain;

/// <summary>
/// A draft put before the deputies ahead of the congress (阜宁县“筹备在线上，表决在线下”): the chair publishes draft
/// <see cref="Draft"/> to every deputy on the roster for a period, each deputy reads it through a personal link and may
/// comment on each article while it is open, and the chair answers every comment. The congress then votes in person
/// (Art 36). One consultation per draft.
/// </summary>
public sealed class Consultation
{
    private Consultation() { }

    /// <summary>Publishes <paramref name="draft"/> of a round, open from <paramref name="opensOn"/> to <paramref name="closesOn"/> (days in China).</summary>
    public Consultation(Guid roundId, int draft, DateOnly opensOn, DateOnly closesOn, DateOnly today, bool includesMinutes, bool includesHistory, string by, DateTimeOffset at)
    {
        if (opensOn < today) throw DomainException.Rule("consultation.opens-past", $"征求意见的开始日期（{opensOn:yyyy-MM-dd}）不能早于今天");
        if (closesOn < opensOn) throw DomainException.Rule("consultation.closes-first", $"征求意见的截止日期（{closesOn:yyyy-MM-dd}）不能早于开始日期（{opensOn:yyyy-MM-dd}）");
        Id = Guid.CreateVersion7(at);
        RoundId = roundId;
        Draft = draft;
        OpensOn = opensOn;
        ClosesOn = closesOn;
        IncludesMinutes = includesMinutes;
        IncludesHistory = includesHistory;
        PublishedBy = by;
        PublishedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    /// <summary>The draft published (<see cref="RoundTableRecord.Draft"/>).</summary>
    public int Draft { get; private set; }
    /// <summary>The first day deputies may comment.</summary>
    public DateOnly OpensOn { get; private set; }
    /// <summary>The last day deputies may comment.</summary>
    public DateOnly ClosesOn { get; private set; }
    /// <summary>Whether the deputies also see the bargaining meetings' minutes.</summary>
    public bool IncludesMinutes { get; private set; }
    /// <summary>Whether the deputies also see each topic's proposals and counterproposals.</summary>
    public bool IncludesHistory { get; private set; }
    /// <summary>Who published it.</summary>
    public string PublishedBy { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>Whether deputies may comment on <paramref name="today"/>.</summary>
    public bool IsOpen(DateOnly today) => OpensOn <= today && today <= ClosesOn;

    /// <summary>Why a comment cannot be left on <paramref name="today"/>, or null.</summary>
    public DomainException? CannotComment(DateOnly today) =>
        today < OpensOn ? DomainException.Rule("consultation.not-open", $"征求意见将于{OpensOn:yyyy年M月d日}开始，届时才能提交意见")
        : today > ClosesOn ? DomainException.Rule("consultation.closed", $"征求意见已于{ClosesOn:yyyy年M月d日}截止，不能再提交意见")
        : null;
}

/// <summary>A deputy's personal invitation to a consultation; the link's secret is kept only as its SHA-256.</summary>
public sealed class ConsultationInvitation
{
    private ConsultationInvitation() { }

    /// <summary>Invites <paramref name="deputy"/> with the link whose secret hashes to <paramref name="tokenHash"/>.</summary>
    public ConsultationInvitation(Guid consultationId, Deputy deputy, string tokenHash, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ConsultationId = consultationId;
        DeputyId = deputy.Id;
        Name = deputy.Name;
        Constituency = deputy.Constituency;
        TokenHash = tokenHash;
    }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    /// <summary>The deputy on the roster; null once removed from it (the invitation keeps the name).</summary>
    public Guid? DeputyId { get; private set; }
    /// <summary>The deputy's name when invited.</summary>
    public string Name { get; private set; } = "";
    /// <summary>The deputy's constituency when invited.</summary>
    public string Constituency { get; private set; } = "";
    /// <summary>SHA-256 of the link's secret, in hexadecimal.</summary>
    public string TokenHash { get; private set; } = "";
    /// <summary>When the deputy first opened the link (read the draft).</summary>
    public DateTimeOffset? FirstOpenedAt { get; private set; }

    /// <summary>Records the first reading.</summary>
    public void Open(DateTimeOffset at) => FirstOpenedAt ??= at;

    /// <summary>A new link: the old one stops working.</summary>
    public void Reissue(string tokenHash) => TokenHash = tokenHash;
}

/// <summary>How the chair handled a deputy's comment.</summary>
public enum CommentHandling
{
    /// <summary>采纳: the comment is taken into the draft or the bargaining.</summary>
    Adopted,
    /// <summary>解释说明: the chair explains why not, or what the article means.</summary>
    Explained,
}

/// <summary>A deputy's comment on one article of the draft, and the chair's answer.</summary>
public sealed class ConsultationComment
{
    private ConsultationComment() { }

    /// <summary>A comment on clause <paramref name="sequence"/> (article number) of the published draft.</summary>
    public ConsultationComment(ConsultationInvitation invitation, int sequence, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ConsultationId = invitation.ConsultationId;
        InvitationId = invitation.Id;
        Sequence = sequence;
        Text = text.Trim();
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    public Guid InvitationId { get; private set; }
    /// <summary>The article commented on (<see cref="DraftClause.Sequence"/>).</summary>
    public int Sequence { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    /// <summary>How the chair handled it; null until answered.</summary>
    public CommentHandling? Handling { get; private set; }
    /// <summary>The chair's answer, shown to the deputy.</summary>
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The chair answers (or changes the answer).</summary>
    public void Reply(CommentHandling handling, string answer, DateTimeOffset at) => (Handling, Answer, AnsweredAt) = (handling, answer.Trim(), at);
}
