using Bargaining.Documents.Data;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Change;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Documents;

/// <summary>
/// What each document of a round prints, read from the round as far as it has come: nothing is filled in that the
/// round does not hold. Whether a document can be printed now is decided in one place (<see cref="Unavailable"/>),
/// for the list of a round's documents and for printing alike: a document that cannot be printed yet is a conflict,
/// with the reason in Chinese.
/// </summary>
public sealed class RoundDocuments(BargainingDbContext db, WorkflowEngine engine, RoundWorkflow workflow, Bargaining.Documents.Printing.DocumentPrinter printer)
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
        var (round, enterprise) = await ReadyAsync(roundId, RoundDocumentKind.OfferLetter, null, ct);
        var madeAt = round.Offer.MadeAt!.Value;
        var time = workflow.Profile(round).Time;
        var topics = await RaisedAsync(round.Id, round.OfferingSide, madeAt, ct);
        return new OfferLetterData
        {
            Addressee = Party(enterprise, round.RespondingSide),
            Offeror = await SideAsync(round, enterprise, round.OfferingSide, ct),
            Subject = Subject(round, time.LocalDate(madeAt).Year),
            Topics = topics,
            ProposedMeetingAt = round.Offer.ProposedMeetingAt,
            ProposedMeetingPlace = round.Offer.ProposedMeetingPlace,
            RepresentativesPerSide = round.Offer.RepresentativesPerSide,
            ReplyDays = time.Periods[PeriodNames.ReplyDays].Duration.Days,
            ReplyBy = round.Offer.ReplyDueOn ?? throw new InvalidOperationException($"round {round.Id} has an offer without its last day to reply"),
            CalendarNote = Calendars.HolidaySchedules.Note(time, round.Offer.ReceivedOn ?? time.LocalDate(madeAt), round.Offer.ReplyDueOn),
            Date = time.LocalDate(madeAt),
        };
    }

    /// <summary>回应书: once the other side has answered.</summary>
    public async Task<ResponseData> ResponseAsync(Guid roundId, CancellationToken ct)
    {
        var (round, enterprise) = await ReadyAsync(roundId, RoundDocumentKind.Response, null, ct);
        var (respondedAt, madeAt) = (round.Response.GivenAt!.Value, round.Offer.MadeAt!.Value);
        var time = workflow.Profile(round).Time;
        return new ResponseData
        {
            Addressee = Party(enterprise, round.OfferingSide),
            Responder = await SideAsync(round, enterprise, round.RespondingSide, ct),
            Subject = Subject(round, time.LocalDate(madeAt).Year),
            OfferDate = time.LocalDate(madeAt),
            OfferReceivedOn = round.Offer.ReceivedOn!.Value,
            Accepts = round.Response.Accepted == true,
            RefusalReason = round.Response.RefusalReason,
            MeetingAt = round.Offer.ProposedMeetingAt,
            MeetingPlace = round.Offer.ProposedMeetingPlace,
            AdditionalTopics = await RaisedAsync(round.Id, round.RespondingSide, respondedAt, ct),
            Date = time.LocalDate(respondedAt),
        };
    }

    /// <summary>协商会议记录 (Art 34) of meeting <paramref name="number"/>: once its minutes are recorded.</summary>
    public async Task<MeetingMinutesData> MinutesAsync(Guid roundId, int number, CancellationToken ct)
    {
        var (round, enterprise) = await ReadyAsync(roundId, RoundDocumentKind.MeetingMinutes, number, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.RoundId == roundId).OrderBy(m => m.Number).ToListAsync(ct);
        var meeting = meetings.Single(m => m.Number == number);
        // The next meeting that took place or is to: one superseded by a coordination agreement never met.
        var next = meetings.FirstOrDefault(m => m.Number > number && m.SupersededAt is null);
        var time = workflow.Profile(round).Time;
        var workers = await SideAsync(round, enterprise, Side.Worker, ct);
        var employers = await SideAsync(round, enterprise, Side.Employer, ct);
        var chair = meeting.Chair == Side.Worker ? workers : employers;

        // The topics as they stood at the end of this meeting's day, up to the next meeting: each side's last term.
        var until = next?.Date;
        var topics = Topics.InOrder(await db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.RoundId == roundId).ToListAsync(ct));
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
        var nextOn = next?.Date ?? (round.Table.NextMeetingOn is { } on && on > meeting.Date ? on : null);
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
            NextMeetingPlace = next?.Place ?? (nextOn is null ? null : round.Table.NextMeetingPlace),
        };
    }

    /// <summary>职代会决议 (Art 36): once the congress has voted on the draft; the last vote.</summary>
    public async Task<CongressResolutionData> ResolutionAsync(Guid roundId, CancellationToken ct)
    {
        var (round, enterprise) = await ReadyAsync(roundId, RoundDocumentKind.CongressResolution, null, ct);
        var vote = (await CongressAsync(round, ct))!;
        var consulted = await Rounds.Congress.ConsultationReading.FiguresAsync(db, round.Id, round.Table.Draft, ct);
        return new CongressResolutionData
        {
            Employer = enterprise.Name,
            ContractTitle = $"{enterprise.Name}{Description(Kind(round.Kind))}（草案）",
            Vote = vote,
            IssuedBy = "职工代表大会主席团",
            Consultation = consulted is { Consultation: var c, Figures: var f }
                ? new CongressConsultation
                {
                    OpensOn = c.OpensOn, ClosesOn = c.ClosesOn, Invited = f.Invited, Read = f.Read, Commented = f.Commented, Comments = f.Comments,
                    Adopted = f.Adopted, Explained = f.Explained,
                }
                : null,
        };
    }

    /// <summary>集体合同解除（终止）告知书: once the other side confirmed the rescission or termination (Art 41).</summary>
    public async Task<TerminationNoticeData> TerminationNoticeAsync(Guid roundId, CancellationToken ct)
    {
        var (round, enterprise) = await ReadyAsync(roundId, RoundDocumentKind.TerminationNotice, null, ct);
        var t = round.Termination;
        var rule = Rules.TerminationReasons.Of(t.Reason!.Value);
        var time = workflow.Profile(round).Time;
        var number = await db.RegisteredContracts.AsNoTracking().Where(c => c.RoundId == roundId).OrderByDescending(c => c.RegisteredAt)
            .Select(c => c.ContractNumber).FirstOrDefaultAsync(ct);
        return new TerminationNoticeData
        {
            Authority = round.Filing.Authority ?? "劳动保障行政部门",
            Employer = enterprise.Name,
            Union = Party(enterprise, Side.Worker),
            ContractTitle = $"{enterprise.Name}{Description(Kind(round.Kind))}",
            ContractNumber = number,
            FiledOn = round.Filing.ReceivedOn,
            TermStartsOn = round.Signing.TermStartsOn!.Value,
            TermEndsOn = round.Signing.TermEndsOn!.Value,
            Action = rule.Ends ? "终止" : "解除",
            Reason = rule.Name,
            Article = rule.Article,
            Grounds = t.Grounds!,
            Evidence = t.Evidence,
            EvidenceFile = t.EvidenceFileName,
            ProposedBy = t.ProposedBy!.Value.Chinese(),
            ProposedOn = time.LocalDate(t.ProposedAt!.Value),
            ConfirmedOn = time.LocalDate(t.ConfirmedAt!.Value),
            EffectiveOn = t.EffectiveOn!.Value,
            EmployerChief = (await SideAsync(round, enterprise, Side.Employer, ct)).Chief.Name,
            WorkerChief = (await SideAsync(round, enterprise, Side.Worker, ct)).Chief.Name,
        };
    }

    /// <summary>
    /// The contract's data, for the contract and the filing form: once both chiefs have signed (Art 37) and the
    /// term is agreed (Art 38); filing, review and effect as far as they have come.
    /// </summary>
    public async Task<ContractData> ContractAsync(Guid roundId, CancellationToken ct)
    {
        var (round, enterprise) = await ReadyAsync(roundId, RoundDocumentKind.Contract, null, ct);
        var (start, end) = (round.Signing.TermStartsOn!.Value, round.Signing.TermEndsOn!.Value);
        var terms = await db.SpecificTerms.AsNoTracking().FirstOrDefaultAsync(t => t.RoundId == roundId, ct);
        var time = workflow.Profile(round).Time;
        var signedOn = time.LocalDate(new[] { round.Signing.WorkerSignedAt!.Value, round.Signing.EmployerSignedAt!.Value }.Max());

        // A change's contract is the version it makes: the amended clauses with the changed articles replaced (Art 39–41).
        var clauses = await ContractVersions.ClausesAsync(db, roundId, ct);
        var lastMeeting = await db.Meetings.AsNoTracking().Where(m => m.RoundId == roundId && m.SupersededAt == null).OrderByDescending(m => m.Number).FirstOrDefaultAsync(ct);
        var employerSide = await SideAsync(round, enterprise, Side.Employer, ct);
        var workerSide = await SideAsync(round, enterprise, Side.Worker, ct);
        var effective = await EffectiveOnAsync(round, ct);

        return new ContractData
        {
            Kind = Kind(round.Kind),
            Number = round.Filing.ContractNumber,
            Amendment = round.Change.Numbers is { Count: > 0 } changed
                ? $"根据{signedOn:yyyy年M月d日}签订的变更协议修订第{string.Join("、", changed)}条" + (effective is { } inForce ? $"，{inForce:yyyy年M月d日}起施行" : "")
                : null,
            Employer = new Employer
            {
                Name = enterprise.Name,
                CreditCode = enterprise.CreditCode,
                EconomicType = enterprise.EconomicType,
                Industry = enterprise.Industry,
                LegalRepresentative = round.Representatives.EmployerLegalRepresentative ?? employerSide.Chief.Name,
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
            Filing = round is { Filing.ReceivedOn: { } received, Filing.Authority: { } authority }
                ? new Filing { FiledOn = received, ReceivedOn = received, Authority = authority }
                : null,
            Review = round.Filing.ReceivedOn is null ? null
                : effective is { } on ? new Review { Outcome = ReviewOutcome.NoObjection, DecidedOn = on.AddDays(-1) }
                : new Review { Outcome = ReviewOutcome.Pending },
            EffectiveDate = effective,
            Heat = terms is { HeatAllowancePerMonth: { } allowance, HeatFromMonth: { } from, HeatToMonth: { } to }
                ? new HeatTerms { AllowancePerMonth = allowance, FromMonth = from, ToMonth = to }
                : null,
            Coverage = terms is { HasCoverage: true }
                ? new Coverage { Scope = terms.CoverageScope!, Enterprises = [.. terms.BoundEnterprises.OrderBy(e => e.Order).Select(e => new CoveredEnterprise { Name = e.Name, Workers = e.Workers })] }
                : null,
            Clauses = [.. clauses.Select(c => new AgreedClause { Title = c.Title, Text = c.Clause })],
        };
    }

    /// <summary>变更协议 (Art 39–41): a change's articles as they were and as agreed, once both chiefs have signed.</summary>
    public async Task<ChangeAgreementData> ChangeAgreementAsync(Guid roundId, CancellationToken ct)
    {
        var (round, enterprise) = await ReadyAsync(roundId, RoundDocumentKind.ChangeAgreement, null, ct);
        var contract = await ContractAsync(roundId, ct);
        var amended = await ContractAsync(round.Change.AmendsRoundId!.Value, ct);
        var before = await ContractVersions.ConcernedAsync(db, round, ct);
        var after = (await ContractVersions.ClausesAsync(db, roundId, ct)).ToDictionary(c => c.Number);
        return new ChangeAgreementData
        {
            Employer = enterprise.Name,
            Union = contract.Union.Name,
            EmployerSide = contract.EmployerSide,
            WorkerSide = contract.WorkerSide,
            ContractTitle = printer.ContractDocument(amended).Title,
            ContractNumber = amended.Number,
            Number = round.Filing.ContractNumber,
            ProposedBy = round.OfferingSide.Chinese(),
            Reason = round.Change.Reason!,
            Articles = [.. before.Select(c => new ChangedArticle { Number = c.Number, Title = c.Title, Before = c.Clause, After = after[c.Number].Clause })],
            Congress = contract.Congress,
            SigningDate = contract.SigningDate,
            EffectiveDate = contract.EffectiveDate,
        };
    }

    /// <summary>条款对照表: the redline of a round's version against the version it changes or renews, or another.</summary>
    public async Task<RedlineData> RedlineAsync(Redline redline, CancellationToken ct)
    {
        var (round, enterprise) = await ReadyAsync(redline.ToRoundId, RoundDocumentKind.Redline, null, ct);
        return new RedlineData
        {
            Contract = $"{enterprise.Name}{Description(Kind(round.Kind))}",
            From = redline.FromName,
            To = redline.ToName,
            Added = redline.Count(ClauseChange.Added),
            Removed = redline.Count(ClauseChange.Removed),
            Changed = redline.Count(ClauseChange.Changed),
            Unchanged = redline.Count(ClauseChange.Unchanged),
            Clauses = [.. redline.Clauses.Select(c => new RedlineClauseData
            {
                Heading = c switch
                {
                    { OldNumber: null } => $"新增第{c.NewNumber}条",
                    { NewNumber: null } => $"删除原第{c.OldNumber}条",
                    _ when c.OldNumber == c.NewNumber => $"第{c.NewNumber}条",
                    _ => $"原第{c.OldNumber}条（现第{c.NewNumber}条）",
                },
                Title = c.Title,
                Status = c.Change switch { ClauseChange.Changed => "修改", ClauseChange.Added => "新增", ClauseChange.Removed => "删除", _ => "未变" },
                Runs = [.. c.Runs.Select(r => new RedlineRun { Text = r.Text, Removed = r.Kind == DiffKind.Removed, Added = r.Kind == DiffKind.Added })],
            })],
        };
    }

    /// <summary>The documents a round of its procedure has, each printable now or not yet with the reason, in the order they arise.</summary>
    public async Task<IReadOnlyList<RoundDocumentStatus>> ListAsync(Guid roundId, CancellationToken ct)
    {
        var facts = await FactsAsync(roundId, ct);
        var listed = new List<(RoundDocumentKind Kind, int? Meeting, string Title)>
        {
            (RoundDocumentKind.OfferLetter, null, "要约书"),
            (RoundDocumentKind.Response, null, "回应书"),
        };
        if (facts.Round.Procedure == Procedure.Ordinary)
        {
            listed.AddRange(facts.Meetings.Count == 0
                ? [(RoundDocumentKind.MeetingMinutes, null, "协商会议记录")]
                : facts.Meetings.Select(m => (RoundDocumentKind.MeetingMinutes, (int?)m.Number, $"第{m.Number}次协商会议记录")));
            listed.Add((RoundDocumentKind.CongressResolution, null, "职工代表大会决议"));
            listed.Add((RoundDocumentKind.FilingForm, null, "集体合同审查申报表"));
            if (facts.Round.Change.AmendsRoundId is not null)
            {
                listed.Add((RoundDocumentKind.ChangeAgreement, null, "集体合同变更协议（带核验码）"));
                listed.Add((RoundDocumentKind.Contract, null, "变更后的集体合同文本（带核验码）"));
            }
            else listed.Add((RoundDocumentKind.Contract, null, "集体合同文本（带核验码）"));
            if (facts.Round.Change.AmendsRoundId is not null || facts.Round.Renewal.RenewsRoundId is not null)
                listed.Add((RoundDocumentKind.Redline, null, "条款对照表"));
            if (facts.Round.Termination.ConfirmedAt is not null) listed.Add((RoundDocumentKind.TerminationNotice, null, "集体合同解除（终止）告知书"));
        }
        return [.. listed.Select(d => Unavailable(facts, d.Kind, d.Meeting) is { } why
            ? new RoundDocumentStatus(d.Kind, d.Meeting, d.Title, false, why.Code, why.Message)
            : new RoundDocumentStatus(d.Kind, d.Meeting, d.Title, true, null, null))];
    }

    /// <summary>What the availability rule reads of a round.</summary>
    private sealed record RoundFacts(Round Round, Enterprise Enterprise, IReadOnlySet<Side> SidesWithChief, IReadOnlyList<Meeting> Meetings, SpecificTerms? Terms);

    private async Task<RoundFacts> FactsAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw DomainException.NotFound("该轮协商");
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == round.EnterpriseId, ct);
        var chiefs = await db.Representatives.AsNoTracking().Where(r => r.RoundId == roundId && r.IsChief).Select(r => r.Side).Distinct().ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.RoundId == roundId).OrderBy(m => m.Number).ToListAsync(ct);
        var terms = await db.SpecificTerms.AsNoTracking().FirstOrDefaultAsync(t => t.RoundId == roundId, ct);
        return new RoundFacts(round, enterprise, chiefs.ToHashSet(), meetings, terms);
    }

    /// <summary>The round and its enterprise when <paramref name="kind"/> can be printed now; the reason as a conflict otherwise.</summary>
    private async Task<(Round Round, Enterprise Enterprise)> ReadyAsync(Guid roundId, RoundDocumentKind kind, int? meeting, CancellationToken ct)
    {
        var facts = await FactsAsync(roundId, ct);
        if (Unavailable(facts, kind, meeting) is { } why) throw why;
        return (facts.Round, facts.Enterprise);
    }

    /// <summary>
    /// The one availability rule: why <paramref name="kind"/> (for the minutes, of meeting <paramref name="meeting"/>)
    /// cannot be printed for the round now, or null when it can.
    /// </summary>
    private static DomainException? Unavailable(RoundFacts f, RoundDocumentKind kind, int? meeting)
    {
        var round = f.Round;
        if (round.Procedure == Procedure.Simplified && kind is not (RoundDocumentKind.OfferLetter or RoundDocumentKind.Response))
            return DomainException.Conflict("document.not-in-procedure", "简易程序以当场签署的会议纪要或备忘录结束，没有协商会议记录、职代会决议和集体合同文本");
        switch (kind)
        {
            case RoundDocumentKind.OfferLetter:
                return round.Offer.MadeAt is null ? DomainException.Conflict("document.no-offer", "本轮协商尚未发出要约书") : Unnamed(f, round.OfferingSide);
            case RoundDocumentKind.Response:
                return round.Response.GivenAt is null
                    ? DomainException.Conflict("document.no-response", $"{round.RespondingSide.Chinese()}尚未对要约作出书面回应，还没有回应书")
                    : Unnamed(f, round.RespondingSide);
            case RoundDocumentKind.MeetingMinutes:
                if (f.Meetings.FirstOrDefault(m => m.Number == meeting) is not { } held)
                    return f.Meetings.Count == 0 && meeting is null
                        ? DomainException.Conflict("document.no-meeting", "本轮协商尚未安排协商会议")
                        : DomainException.Conflict("document.no-meeting", $"本轮协商没有第{meeting}次协商会议（已安排{f.Meetings.Count}次）");
                if (held.SupersededAt is not null)
                    return DomainException.Conflict("document.meeting-superseded", $"第{held.Number}次协商会议未举行（{held.SupersededBecause}），没有会议记录");
                if (held.Minutes is null)
                    return DomainException.Conflict("document.no-minutes", $"第{held.Number}次协商会议尚未提交会议记录，会后提交记录后才能打印");
                return Unnamed(f, Side.Worker) ?? Unnamed(f, Side.Employer);
            case RoundDocumentKind.Redline:
                return round.Change.AmendsRoundId is null && round.Renewal.RenewsRoundId is null
                    ? DomainException.Conflict("document.no-version", "本轮协商不是变更或续订，没有可对照的合同版本")
                    : null;
            case RoundDocumentKind.ChangeAgreement when round.Change.AmendsRoundId is null:
                return DomainException.Conflict("document.not-a-change", "本轮协商不是合同变更，没有变更协议");
            case RoundDocumentKind.CongressResolution:
                return round.Congress.Adopted is null
                    ? DomainException.Conflict("document.no-vote", "职工代表大会尚未对合同草案进行表决，还没有职代会决议（《集体合同规定》第三十六条）")
                    : null;
            case RoundDocumentKind.TerminationNotice:
                return round.Termination.ConfirmedAt is null
                    ? DomainException.Conflict("document.not-terminated", "解除（终止）合同须经对方首席代表确认后才有告知书（《集体合同规定》第四十一条）")
                    : Unnamed(f, Side.Worker) ?? Unnamed(f, Side.Employer);
            default:
                if (round.Signing.WorkerSignedAt is null || round.Signing.EmployerSignedAt is null)
                    return DomainException.Conflict("contract.unsigned", "双方首席代表签字后才有正式合同文本和审查申报表（《集体合同规定》第三十七条）");
                if (round.Signing.TermStartsOn is null || round.Signing.TermEndsOn is null)
                    return DomainException.Conflict("contract.no-term", "合同期限尚未约定，请先约定合同的起止日期（《集体合同规定》第三十八条）");
                // Rounds concluded before the draft had to carry them (see ConcludeCommand) may still lack them.
                if (SpecificTerms.Missing(round.Kind, f.Terms) is { } missing)
                    return DomainException.Conflict("contract.no-specific-terms", $"{missing}，暂不能打印");
                return Unnamed(f, Side.Worker) ?? Unnamed(f, Side.Employer);
        }
    }

    /// <summary>Why a document cannot name <paramref name="side"/>'s chief yet (see <see cref="SideAsync"/>), or null.</summary>
    private static DomainException? Unnamed(RoundFacts f, Side side) =>
        f.SidesWithChief.Contains(side) || (side == Side.Worker ? f.Enterprise.ChairName : f.Round.Representatives.EmployerLegalRepresentative) is not null
            ? null
            : DomainException.Conflict("document.no-representatives", side == Side.Worker
                ? "职工方尚未确定协商代表和首席代表，企业也未登记工会主席，文书中无法列明（《集体合同规定》第二十条）"
                : "企业方尚未确定协商代表和首席代表，也未填写法定代表人，文书中无法列明（《集体合同规定》第二十一条）");

    /// <summary>
    /// The day the contract took effect: the day the review period's deadline lapsed without objection (Art 47), or
    /// the day the reviewer cleared it, as the journal recorded it after the last filing; null before.
    /// </summary>
    public async Task<DateOnly?> EffectiveOnAsync(Round round, CancellationToken ct)
    {
        if (round.Filing.ReceivedOn is null) return null;
        var journal = await engine.JournalAsync(round.WorkflowInstanceId, ct);
        var filed = journal.LastOrDefault(j => j.Signal == Signals.File);
        var lapsed = journal.LastOrDefault(j => j.Node == Nodes.Review && (j.Signal is null || j.Signal == Signals.Clear) && (filed is null || j.Sequence > filed.Sequence));
        return lapsed is null ? null : workflow.Profile(round).Time.LocalDate(lapsed.At);
    }

    private async Task<CongressVote?> CongressAsync(Round round, CancellationToken ct)
    {
        if (round is not { Congress.Entitled: { } entitled, Congress.Present: { } present, Congress.InFavour: { } inFavour, Congress.Adopted: { } adopted }) return null;
        var journal = await engine.JournalAsync(round.WorkflowInstanceId, ct);
        var at = journal.Last(j => j.Signal == Signals.RecordVote).At;
        return new CongressVote
        {
            Meeting = "职工代表大会",
            Date = round.Congress.HeldOn ?? workflow.Profile(round).Time.LocalDate(at),
            Entitled = entitled,
            Present = present,
            InFavour = inFavour,
            Adopted = adopted,
        };
    }

    /// <summary>Each topic <paramref name="side"/> raised at <paramref name="at"/> (with the offer or the response), as 题目：条款.</summary>
    private async Task<IReadOnlyList<string>> RaisedAsync(Guid roundId, Side side, DateTimeOffset at, CancellationToken ct)
    {
        var topics = Topics.InOrder(await db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.RoundId == roundId && t.RaisedBy == side).ToListAsync(ct));
        return [.. topics.Select(t => (Topic: t, First: t.Positions.OrderBy(p => p.Sequence).First())).Where(x => x.First.At <= at)
            .Select(x => x.Topic.Title == x.First.Clause ? x.First.Clause : $"{x.Topic.Title}：{x.First.Clause}")];
    }

    /// <summary>
    /// A side's representatives as named (Art 19–24). Before they are named, each side is its head by office: the
    /// union chair (Art 20), the employer's legal representative once it has given the name (Art 21).
    /// </summary>
    private async Task<BargainingSide> SideAsync(Round round, Enterprise enterprise, Side side, CancellationToken ct)
    {
        var members = await db.Representatives.AsNoTracking().Where(r => r.RoundId == round.Id && r.Side == side).OrderBy(r => r.NamedAt).ThenBy(r => r.Order).ToListAsync(ct);
        var chief = members.FirstOrDefault(r => r.IsChief);
        var head = side == Side.Worker ? enterprise.ChairName : round.Representatives.EmployerLegalRepresentative;
        var headTitle = side == Side.Worker ? "工会主席" : "法定代表人";
        if (chief is null)
            return new BargainingSide
            {
                Party = Party(enterprise, side),
                // Unavailable has refused the document before it got here.
                Chief = new Person { Name = head ?? throw new InvalidOperationException($"round {round.Id}: no one to print for the {side} side"), Title = headTitle },
            };
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

    /// <summary>The contract kind's name as printed (工资专项集体合同).</summary>
    internal static string Description(ContractKind kind) =>
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

/// <summary>A document of a round as the round page lists it: printable now, or not yet with the reason.</summary>
/// <param name="Kind">Which document.</param>
/// <param name="MeetingNumber">For the minutes, the meeting; null for the other documents and while no meeting is scheduled.</param>
/// <param name="Title">Its title as listed: 要约书, 第2次协商会议记录, ….</param>
/// <param name="Available">True when it prints now.</param>
/// <param name="ReasonCode">Why not, as a stable code (the one printing would answer with); null when available.</param>
/// <param name="Reason">Why not, in Chinese; null when available.</param>
public sealed record RoundDocumentStatus(RoundDocumentKind Kind, int? MeetingNumber, string Title, bool Available, string? ReasonCode, string? Reason);
