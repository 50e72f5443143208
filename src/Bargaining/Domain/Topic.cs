
namespace Bargaining.Domain;

/// <summary>The bargaining topics of 《集体合同规定》 Art 8, with stable codes for exports and reports.</summary>
public static class TopicCatalog
{
    /// <summary>The code of 劳动报酬: its terms in 元/月 are checked against the minimum wage (LCL Art 55).</summary>
    public const string Pay = "pay";

    /// <summary>The code of a topic the parties name themselves; it needs a title.</summary>
    public const string Custom = "custom";

    /// <summary>Art 8's list by code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Article8 = new Dictionary<string, string>
    {
        [Pay] = "劳动报酬",
        ["working-hours"] = "工作时间",
        ["rest-leave"] = "休息休假",
        ["safety-health"] = "劳动安全与卫生",
        ["insurance-welfare"] = "补充保险和福利",
        ["women-juveniles"] = "女职工和未成年工特殊保护",
        ["training"] = "职业技能培训",
        ["labour-contracts"] = "劳动合同管理",
        ["rewards-discipline"] = "奖惩",
        ["layoffs"] = "裁员",
        ["term"] = "集体合同期限",
        ["change-termination"] = "变更、解除集体合同的程序",
        ["dispute-handling"] = "履行集体合同发生争议时的协商处理办法",
        ["liability"] = "违反集体合同的责任",
        ["other"] = "双方认为应当协商的其他内容",
    };

    /// <summary>True for an Art 8 code or <see cref="Custom"/>.</summary>
    public static bool IsKnown(string? code) => code is not null && (code == Custom || Article8.ContainsKey(code));
}

/// <summary>How a topic stands.</summary>
public enum TopicStatus
{
    /// <summary>Still being bargained.</summary>
    Open,
    /// <summary>Agreed (tentatively, until the congress ratifies the draft).</summary>
    Agreed,
    /// <summary>Withdrawn by the side that raised it.</summary>
    Withdrawn,
}

/// <summary>A move on a topic.</summary>
public enum PositionKind
{
    /// <summary>提议: the first position of the side that raises the topic, or a fresh one.</summary>
    Proposal,
    /// <summary>反提议: an answer to the other side's last position.</summary>
    Counterproposal,
    /// <summary>达成一致: acceptance of the other side's last position.</summary>
    Agreement,
    /// <summary>撤回: the raising side drops the topic.</summary>
    Withdrawal,
    /// <summary>重新协商: an agreed topic reopened by a congress rejection (Art 36) or a review objection (Art 46); carries the reason.</summary>
    Reopening,
}

/// <summary>A clause with an optional number, e.g. "年平均工资增长6%" with 6 and "%".</summary>
public sealed record Term(string Clause, decimal? Number, string? Unit);

/// <summary>
/// One topic of a round with its thread of positions. The thread is append-only: a position, once recorded, never
/// changes; an agreed or withdrawn topic takes no more moves.
/// </summary>
public sealed class Topic
{
    private readonly List<Position> _positions = [];

    private Topic() { }

    /// <summary>Raises a topic with the raising side's first proposal.</summary>
    public Topic(Guid roundId, string code, string? title, Side raisedBy, Term proposal, DateTimeOffset at, string by)
    {
        if (!TopicCatalog.IsKnown(code)) throw DomainException.Rule("topic.code", $"议题代码“{code}”不在《集体合同规定》第八条所列范围内，请选择“custom”并填写名称");
        if (code == TopicCatalog.Custom && string.IsNullOrWhiteSpace(title)) throw DomainException.Rule("topic.title", "自定义议题必须填写名称");
        Id = Guid.CreateVersion7(at);
        RoundId = roundId;
        Code = code;
        Title = TitleOf(code, title);
        RaisedBy = raisedBy;
        _positions.Add(new Position(Id, 1, PositionKind.Proposal, raisedBy, proposal, at, by));
    }

    /// <summary>
    /// The title a topic is known by: its own for a custom topic; for an Art 8 topic the list's name unless the
    /// parties name a narrower item under it (劳动报酬 may hold 工资增长幅度 and 企业最低工资 as two threads).
    /// </summary>
    public static string TitleOf(string code, string? title) =>
        string.IsNullOrWhiteSpace(title) ? TopicCatalog.Article8.GetValueOrDefault(code, "") : title.Trim();

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    /// <summary>Art 8 code or <c>custom</c>.</summary>
    public string Code { get; private set; } = "";
    /// <summary>Title as printed.</summary>
    public string Title { get; private set; } = "";
    /// <summary>The side that raised it (and may withdraw it).</summary>
    public Side RaisedBy { get; private set; }
    /// <summary>Open, agreed or withdrawn.</summary>
    public TopicStatus Status { get; private set; }
    /// <summary>The thread, oldest first.</summary>
    public IReadOnlyList<Position> Positions => _positions;

    /// <summary>The last move.</summary>
    public Position Last => _positions.OrderBy(p => p.Sequence).Last();

    /// <summary>A new position of a side, replacing its own earlier one (提议).</summary>
    public Position Propose(Side side, Term term, DateTimeOffset at, string by) => Append(PositionKind.Proposal, side, term, at, by);

    /// <summary>An answer to the other side's last position (反提议).</summary>
    public Position CounterPropose(Side side, Term term, DateTimeOffset at, string by)
    {
        if (CannotCounterPropose(side) is { } refusal) throw refusal;
        return Append(PositionKind.Counterproposal, side, term, at, by);
    }

    /// <summary>Why <paramref name="side"/> may not counter-propose now, or null when it may.</summary>
    public DomainException? CannotCounterPropose(Side side) =>
        NotOpen() ?? (Last.Side == side ? DomainException.Conflict("topic.counter-own", $"“{Title}”的最后一项提议是{side.Chinese()}自己提出的，应等待对方回应") : null);

    /// <summary>Accepts the other side's last position; the agreed term is that position's.</summary>
    public Position Agree(Side side, DateTimeOffset at, string by)
    {
        if (CannotAgree(side) is { } refusal) throw refusal;
        var position = Append(PositionKind.Agreement, side, Last.Term, at, by);
        Status = TopicStatus.Agreed;
        return position;
    }

    /// <summary>Why <paramref name="side"/> may not agree now, or null when it may.</summary>
    public DomainException? CannotAgree(Side side)
    {
        if (NotOpen() is { } closed) return closed;
        var last = Last;
        if (last.Kind == PositionKind.Reopening)
            return DomainException.Conflict("topic.agree-reopened", $"议题“{Title}”已重新协商，须先提出新的提议或反提议");
        return last.Side == side ? DomainException.Conflict("topic.agree-own", $"“{Title}”的最后一项提议是{side.Chinese()}自己提出的，须由对方表示同意") : null;
    }

    /// <summary>The raising side drops the topic.</summary>
    public Position Withdraw(Side side, string reason, DateTimeOffset at, string by)
    {
        if (CannotWithdraw(side) is { } refusal) throw refusal;
        var position = Append(PositionKind.Withdrawal, side, new Term(reason, null, null), at, by);
        Status = TopicStatus.Withdrawn;
        return position;
    }

    /// <summary>
    /// Reopens an agreed topic (Art 36 rejection, Art 46 objection). The reopening is recorded as a move of the side
    /// that agreed, so the side whose term was accepted answers it first: the other side may counter-propose or agree
    /// again, and both may propose afresh.
    /// </summary>
    public Position Reopen(string reason, DateTimeOffset at, string by)
    {
        if (Status != TopicStatus.Agreed) throw DomainException.Conflict("topic.not-agreed", $"议题“{Title}”尚未达成一致，无需重新协商");
        var agreement = Last;
        Status = TopicStatus.Open;
        var position = new Position(Id, _positions.Count + 1, PositionKind.Reopening, agreement.Side, new Term(reason, null, null), at, by);
        _positions.Add(position);
        return position;
    }

    private Position Append(PositionKind kind, Side side, Term term, DateTimeOffset at, string by)
    {
        EnsureOpen();
        var position = new Position(Id, _positions.Count + 1, kind, side, term, at, by);
        _positions.Add(position);
        return position;
    }

    /// <summary>Why <paramref name="side"/> may not withdraw the topic now, or null when it may.</summary>
    public DomainException? CannotWithdraw(Side side) =>
        NotOpen() ?? (side != RaisedBy ? DomainException.Rule("topic.withdraw-other", $"“{Title}”由{RaisedBy.Chinese()}提出，只能由{RaisedBy.Chinese()}撤回") : null);

    /// <summary>Why no new position may be put on the topic (agreed or withdrawn), or null while it is open.</summary>
    public DomainException? NotOpen() => Status == TopicStatus.Open ? null
        : DomainException.Conflict("topic.closed", $"议题“{Title}”已{(Status == TopicStatus.Agreed ? "达成一致" : "撤回")}，不能再提出新的意见");

    private void EnsureOpen()
    {
        if (NotOpen() is { } closed) throw closed;
    }
}

/// <summary>One move on a topic: who, when, and the clause with its number. Never changed once recorded.</summary>
public sealed class Position
{
    private Position() { }

    internal Position(Guid topicId, int sequence, PositionKind kind, Side side, Term term, DateTimeOffset at, string by)
    {
        if (string.IsNullOrWhiteSpace(term.Clause)) throw DomainException.Rule("position.clause", "条款内容不能为空");
        if (term.Number is not null && string.IsNullOrWhiteSpace(term.Unit)) throw DomainException.Rule("position.unit", "填写数值时必须注明单位（如 %、元/月）");
        Id = Guid.CreateVersion7(at);
        TopicId = topicId;
        Sequence = sequence;
        Kind = kind;
        Side = side;
        Clause = term.Clause.Trim();
        Number = term.Number;
        Unit = term.Unit?.Trim();
        At = at;
        By = by;
    }

    public Guid Id { get; private set; }
    /// <summary>The topic.</summary>
    public Guid TopicId { get; private set; }
    /// <summary>1, 2, … within the topic.</summary>
    public int Sequence { get; private set; }
    /// <summary>Proposal, counterproposal, agreement or withdrawal.</summary>
    public PositionKind Kind { get; private set; }
    /// <summary>Whose move.</summary>
    public Side Side { get; private set; }
    /// <summary>The clause text (for a withdrawal, the reason).</summary>
    public string Clause { get; private set; } = "";
    /// <summary>The number of the term, if any (e.g. 6 for a 6% rise).</summary>
    public decimal? Number { get; private set; }
    /// <summary>Its unit (%, 元/月, 元/小时…).</summary>
    public string? Unit { get; private set; }
    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
    /// <summary>Who (user id and name), for attribution.</summary>
    public string By { get; private set; } = "";

    public Term Term => new(Clause, Number, Unit);
}
