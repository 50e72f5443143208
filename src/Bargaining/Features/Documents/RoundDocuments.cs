using Bargaining.Documents.Data;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Documents;

/// <summary>
/// What each document of a round prints, read from the round as far as it has come: nothing is filled in that the
/// round does not hold. A document that does not exist yet at the round's stage is a conflict, in Chinese.
/// </summary>
public sealed class RoundDocuments(BargainingDbContext db, WorkflowEngine engine, RoundWorkflow workflow)
{
    /// <summary>The agenda of a bargaining meeting in the order Art 34 gives it.</summary>
    public static readonly IReadOnlyList<string> Article34Agenda =
    [
        "宣布议程和会议纪律",
        "一方首席代表提出协商的具体内容和要求，另一方首席代表就对方的要求作出回应",
        "协商双方就商谈事项发表各自意见，开展充分讨论",
        "双方首席代表归纳意见",
    ];

    /// <summary>要约书 (Art 32): once the offer is made.</summary>
    public async Task<OfferLetterData> OfferLetterAsync(Guid roundId, CancellationToken ct)
    {
        var (round, enterprise) = await LoadAsync(roundId, ct);
        if (round.OfferMadeAt is not { } madeAt)
            throw DomainException.Conflict("document.no-offer", "本轮协商尚未发出要约书");
        var time = workflow.Profile(round).Time;
        var topics = await RaisedAsync(round.Id, round.OfferingSide, madeAt, ct);
        return new OfferLetterData
        {
            Addressee = Party(enterprise, round.RespondingSide),
            Offeror = await SideAsync(round, enterprise, round.OfferingSide, ct),
            Subject = Subject(round, time.LocalDate(madeAt).Year),
            Topics = topics,
            ProposedMeetingAt = round.ProposedMeetingAt,
            ProposedMeetingPlace = round.ProposedMeetingPlace,
            RepresentativesPerSide = round.RepresentativesPerSide,
            ReplyDays = time.Periods["replyDays"].Duration.Days,
            ReplyBy = round.ReplyDueOn ?? throw new InvalidOperationException($"round {round.Id} has an offer without its last day to reply"),
            Date = time.LocalDate(madeAt),
        };
    }

    /// <summary>回应书: once the other side has answered.</summary>
    public async Task<ResponseData> ResponseAsync(Guid roundId, CancellationToken ct)
    {
        var (round, enterprise) = await LoadAsync(roundId, ct);
        if (round.RespondedAt is not { } respondedAt || round.OfferMadeAt is not { } madeAt)
            throw DomainException.Conflict("document.no-response", $"{round.RespondingSide.Chinese()}尚未对要约作出书面回应，还没有回应书");
        var time = workflow.Profile(round).Time;
        return new ResponseData
        {
            Addressee = Party(enterprise, round.OfferingSide),
            Responder = await SideAsync(round, enterprise, round.RespondingSide, ct),
            Subject = Subject(round, time.LocalDate(madeAt).Year),
            OfferDate = time.LocalDate(madeAt),
            OfferReceivedOn = round.OfferReceivedOn!.Value,
            Accepts = round.Accepted == true,
            RefusalReason = round.RefusalReason,
            MeetingAt = round.ProposedMeetingAt,
            MeetingPlace = round.ProposedMeetingPlace,
            AdditionalTopics = await RaisedAsync(round.Id, round.RespondingSide, respondedAt, ct),
            Date = time.LocalDate(respondedAt),
        };
    }

    /// <summary>协商会议记录 (Art 34) of meeting <paramref name="number"/>: once its minutes are recorded.</summary>
    public async Task<MeetingMinutesData> MinutesAsync(Guid roundId, int number, CancellationToken ct)
    {
        var (round, enterprise) = await LoadAsync(roundId, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.RoundId == roundId).OrderBy(m => m.Number).ToListAsync(ct);
        var meeting = meetings.FirstOrDefault(m => m.Number == number)
                      ?? throw DomainException.Conflict("document.no-meeting", $"本轮协商没有第{number}次协商会议（已安排{meetings.Count}次）");
        if (meeting.Minutes is null)
            throw DomainException.Conflict("document.no-minutes", $"第{number}次协商会议尚未提交会议记录，会后提交记录后才能打印");
        var next = meetings.FirstOrDefault(m => m.Number == number + 1);
        var time = workflow.Profile(round).Time;
        var workers = await SideAsync(round, enterprise, Side.Worker, ct);
        var employers = await SideAsync(round, enterprise, Side.Employer, ct);
        var chair = meeting.Chair == Side.Worker ? workers : employers;

        // The topics as they stood at the end of this meeting's day, up to the next meeting: each side's last term.
        var until = next?.Date;
        var topics = InOrder(await db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.RoundId == roundId).ToListAsync(ct));
        var discussed = new List<MinutesTopic>();
        foreach (var topic in topics)
        {
            var moves = topic.Positions.Where(p => until is null || time.LocalDate(p.At) < until).OrderBy(p => p.Sequence).ToList();
            if (moves.Count == 0) continue;
            var last = moves[^1];
            if (last.Kind is PositionKind.Agreement or PositionKind.Withdrawal && time.LocalDate(last.At) < meeting.Date) continue;
            string Term(Side side) => moves.LastOrDefault(p => p.Side == side && p.Kind is PositionKind.Proposal or PositionKind.Counterproposal or PositionKind.Agreement)?.Clause ?? "未提出意见";
            discussed.Add(new MinutesTopic
            {
                Topic = topic.Title,
                WorkerPosition = Term(Side.Worker),
                EmployerPosition = Term(Side.Employer),
                Outcome = last.Kind switch
                {
                    PositionKind.Agreement => $"双方达成一致：{last.Clause}",
                    PositionKind.Withdrawal => $"{last.Side.Chinese()}撤回该议题（{last.Clause}）",
                    _ => next is null ? "双方意见尚未一致" : "双方意见尚未一致，留待下次会议继续协商",
                },
            });
        }
        var nextOn = next?.Date ?? (round.NextMeetingOn is { } on && on > meeting.Date ? on : null);
        return new MeetingMinutesData
        {
            Subject = Subject(round, meeting.Date.Year),
            Round = meeting.Number,
            Date = meeting.Date,
            Place = meeting.Place,
            EmployerSide = employers,
            WorkerSide = workers,
            ChairedBy = $"{chair.Chief.Name}（{meeting.Chair.Chinese()}首席代表）",
            Recorder = meeting.Recorder,
            Agenda = meeting.Agenda is { Length: > 0 } agenda ? [$"本次会议议题：{agenda.TrimEnd('。', '；')}", .. Article34Agenda] : Article34Agenda,
            Topics = discussed,
            Summary = meeting.Minutes,
            NextMeetingOn = nextOn,
            NextMeetingPlace = next?.Place ?? (nextOn is null ? null : round.NextMeetingPlace),
        };
    }

    /// <summary>职代会决议 (Art 36): once the congress has voted on the draft; the last vote.</summary>
    public async Task<CongressResolutionData> ResolutionAsync(Guid roundId, CancellationToken ct)
    {
        var (round, enterprise) = await LoadAsync(roundId, ct);
        var vote = await CongressAsync(round, ct)
                   ?? throw DomainException.Conflict("document.no-vote", "职工代表大会尚未对合同草案进行表决，还没有职代会决议（《集体合同规定》第三十六条）");
        return new CongressResolutionData
        {
            Employer = enterprise.Name,
            ContractTitle = $"{enterprise.Name}{Description(Kind(round.Kind))}（草案）",
            Vote = vote,
            IssuedBy = "职工代表大会主席团",
        };
    }

    /// <summary>
    /// The contract's data, for the contract and the filing form: once both chiefs have signed (Art 37) and the
    /// term is agreed (Art 38); filing, review and effect as far as they have come.
    /// </summary>
    public async Task<ContractData> ContractAsync(Guid roundId, CancellationToken ct)
    {
        var (round, enterprise) = await LoadAsync(roundId, ct);
        if (round.WorkerSignedAt is null || round.EmployerSignedAt is null)
            throw DomainException.Conflict("contract.unsigned", "双方首席代表签字后才有正式合同文本和审查申报表（《集体合同规定》第三十七条）");
        if (round is not { TermStartsOn: { } start, TermEndsOn: { } end })
            throw DomainException.Conflict("contract.no-term", "合同期限尚未约定，请先约定合同的起止日期（《集体合同规定》第三十八条）");
        // The round holds no high-temperature allowance nor the list of bound enterprises: rather than print those
        // templates with blanks, say what is missing.
        if (round.Kind == RoundKind.HighTemperature)
            throw DomainException.Conflict("contract.no-heat-terms", "高温作业劳动保护专项集体合同须载明高温津贴标准和发放月份，本轮协商尚未记录这些数据，暂不能打印");
        if (round.Kind is RoundKind.Industry or RoundKind.Regional)
            throw DomainException.Conflict("contract.no-coverage", $"{Description(Kind(round.Kind))}须载明覆盖范围和所约束的企业名单，本轮协商尚未记录这些数据，暂不能打印");
        var time = workflow.Profile(round).Time;
        var signedOn = time.LocalDate(new[] { round.WorkerSignedAt.Value, round.EmployerSignedAt.Value }.Max());

        var clauses = await db.DraftClauses.AsNoTracking().Where(c => c.RoundId == roundId && c.Draft == round.Draft).OrderBy(c => c.Sequence).ToListAsync(ct);
        var lastMeeting = await db.Meetings.AsNoTracking().Where(m => m.RoundId == roundId).OrderByDescending(m => m.Number).FirstOrDefaultAsync(ct);
        var employerSide = await SideAsync(round, enterprise, Side.Employer, ct);
        var workerSide = await SideAsync(round, enterprise, Side.Worker, ct);
        var effective = await EffectiveOnAsync(round, ct);

        return new ContractData
        {
            Kind = Kind(round.Kind),
            Number = round.ContractNumber,
            Employer = new Employer
            {
                Name = enterprise.Name,
                CreditCode = enterprise.CreditCode,
                EconomicType = enterprise.EconomicType,
                Industry = enterprise.Industry,
                LegalRepresentative = round.EmployerLegalRepresentative ?? employerSide.Chief.Name,
                Workers = enterprise.Employees,
                WomenWorkers = enterprise.WomenEmployees,
            },
            Union = new TradeUnion { Name = Party(enterprise, Side.Worker), Chair = enterprise.ChairName ?? workerSide.Chief.Name, Members = enterprise.UnionMembers },
            EmployerSide = employerSide,
            WorkerSide = workerSide,
            Term = new ContractTerm { Start = start, End = end },
            SigningDate = signedOn,
            // The chiefs sign at the table: the last meeting's place.
            SigningPlace = lastMeeting?.Place ?? enterprise.Name,
            Congress = await CongressAsync(round, ct),
            Filing = round is { FilingReceivedOn: { } received, FilingAuthority: { } authority }
                ? new Filing { FiledOn = received, ReceivedOn = received, Authority = authority }
                : null,
            Review = round.FilingReceivedOn is null ? null
                : effective is { } on ? new Review { Outcome = ReviewOutcome.NoObjection, DecidedOn = on.AddDays(-1) }
                : new Review { Outcome = ReviewOutcome.Pending },
            EffectiveDate = effective,
            Clauses = [.. clauses.Select(c => new AgreedClause { Title = c.Title, Text = c.Clause })],
        };
    }

    private async Task<(Round Round, Enterprise Enterprise)> LoadAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw DomainException.NotFound("该轮协商");
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == round.EnterpriseId, ct);
        return (round, enterprise);
    }

    /// <summary>
    /// The day the contract took effect: the day the review period's deadline lapsed without objection (Art 47), as
    /// the journal recorded it after the last filing; null before.
    /// </summary>
    private async Task<DateOnly?> EffectiveOnAsync(Round round, CancellationToken ct)
    {
        if (round.FilingReceivedOn is null) return null;
        var journal = await engine.JournalAsync(round.WorkflowInstanceId, ct);
        var filed = journal.LastOrDefault(j => j.Signal == "file");
        var lapsed = journal.LastOrDefault(j => j.Node == "review" && j.Signal is null && (filed is null || j.Sequence > filed.Sequence));
        return lapsed is null ? null : workflow.Profile(round).Time.LocalDate(lapsed.At);
    }

    private async Task<CongressVote?> CongressAsync(Round round, CancellationToken ct)
    {
        if (round is not { CongressEntitled: { } entitled, CongressPresent: { } present, CongressInFavour: { } inFavour, CongressAdopted: { } adopted }) return null;
        var journal = await engine.JournalAsync(round.WorkflowInstanceId, ct);
        var at = journal.Last(j => j.Signal == "record-vote").At;
        return new CongressVote
        {
            Meeting = "职工代表大会",
            Date = round.CongressHeldOn ?? workflow.Profile(round).Time.LocalDate(at),
            Entitled = entitled,
            Present = present,
            InFavour = inFavour,
            Adopted = adopted,
        };
    }

    /// <summary>Each topic <paramref name="side"/> raised at <paramref name="at"/> (with the offer or the response), as 题目：条款.</summary>
    private async Task<IReadOnlyList<string>> RaisedAsync(Guid roundId, Side side, DateTimeOffset at, CancellationToken ct)
    {
        var topics = InOrder(await db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.RoundId == roundId && t.RaisedBy == side).ToListAsync(ct));
        return [.. topics.Select(t => (Topic: t, First: t.Positions.OrderBy(p => p.Sequence).First())).Where(x => x.First.At <= at)
            .Select(x => x.Topic.Title == x.First.Clause ? x.First.Clause : $"{x.Topic.Title}：{x.First.Clause}")];
    }

    /// <summary>Topics as raised; those raised together in the order of Art 8's list, the parties' own after them.</summary>
    private static List<Topic> InOrder(IEnumerable<Topic> topics)
    {
        var article8 = TopicCatalog.Article8.Keys.ToList();
        return [.. topics.OrderBy(t => t.Positions.Min(p => p.At))
            .ThenBy(t => article8.IndexOf(t.Code) is var i and >= 0 ? i : article8.Count).ThenBy(t => t.Title, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A side's representatives as named (Art 19–24). Before they are named, the worker side is its union chair, the
    /// chief by office (Art 20); the employer side has no one to print yet.
    /// </summary>
    private async Task<BargainingSide> SideAsync(Round round, Enterprise enterprise, Side side, CancellationToken ct)
    {
        var members = await db.Representatives.AsNoTracking().Where(r => r.RoundId == round.Id && r.Side == side).OrderBy(r => r.NamedAt).ThenBy(r => r.Order).ToListAsync(ct);
        var chief = members.FirstOrDefault(r => r.IsChief);
        var head = side == Side.Worker ? enterprise.ChairName : round.EmployerLegalRepresentative;
        var headTitle = side == Side.Worker ? "工会主席" : "法定代表人";
        if (chief is null)
        {
            if (side == Side.Worker && head is not null)
                return new BargainingSide { Party = Party(enterprise, side), Chief = new Person { Name = head, Title = headTitle } };
            throw DomainException.Conflict("document.no-representatives", $"{side.Chinese()}尚未确定协商代表和首席代表，文书中无法列明（《集体合同规定》第十九条至第二十一条）");
        }
        return new BargainingSide
        {
            Party = Party(enterprise, side),
            Chief = new Person { Name = chief.Name, Title = chief.Title ?? (chief.Name == head ? headTitle : null) },
            Representatives = [.. members.Where(m => m != chief).Select(m => new Person { Name = m.Name, Title = m.Title })],
            // A chief who is not the head by office acts on the head's written authorisation (Art 20–21).
            AuthorisedBy = head is not null && head != chief.Name && chief.Delegation is not null ? new Person { Name = head, Title = headTitle } : null,
        };
    }

    /// <summary>The employer's name, or the union's; without a union, the workers of the enterprise (Art 20).</summary>
    private static string Party(Enterprise enterprise, Side side) =>
        side == Side.Employer ? enterprise.Name : enterprise.UnionName ?? $"{enterprise.Name}职工方";

    /// <summary>What the round bargains for, as a letter names it: 2026年度工资专项集体协商.</summary>
    private static string Subject(Round round, int year) => $"{year}年度" + round.Kind switch
    {
        RoundKind.Comprehensive => "集体合同协商",
        RoundKind.Wage => "工资专项集体协商",
        RoundKind.WomenWorkers => "女职工权益保护专项集体协商",
        RoundKind.SafetyHealth => "劳动安全卫生专项集体协商",
        RoundKind.HighTemperature => "高温作业劳动保护专项集体协商",
        RoundKind.Industry => "行业性集体协商",
        RoundKind.Regional => "区域性集体协商",
        _ => throw new ArgumentOutOfRangeException(nameof(round), round.Kind, null),
    };

    private static string Description(ContractKind kind) =>
        typeof(ContractKind).GetField(kind.ToString())!.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), false)
            .OfType<System.ComponentModel.DescriptionAttribute>().Single().Description;

    /// <summary>The contract kind that prints a round of <paramref name="kind"/>.</summary>
    public static ContractKind Kind(RoundKind kind) => kind switch
    {
        RoundKind.Comprehensive => ContractKind.Comprehensive,
        RoundKind.Wage => ContractKind.Wage,
        RoundKind.WomenWorkers => ContractKind.WomenWorkers,
        RoundKind.SafetyHealth => ContractKind.SafetyAndHealth,
        RoundKind.HighTemperature => ContractKind.HighTemperature,
        RoundKind.Industry => ContractKind.Industry,
        RoundKind.Regional => ContractKind.Regional,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
