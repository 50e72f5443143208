using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Change;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Coordination;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Renewal;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Simplified;
using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Termination;
using Bargaining.Features.Rounds.Views;
using Bargaining.Rules;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Walk;

/// <summary>The commands the walk sends: for each action, plausible valid data from the round as it stands, or invalid data.</summary>
public sealed partial class Walker
{
    private sealed record Facts(Round Round, IReadOnlyList<Topic> Topics, IReadOnlyList<Meeting> Meetings, IReadOnlyList<Representative> Representatives);

    private Task<Facts> FactsAsync(Guid round) => world.WithDbAsync(async db => new Facts(
        await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == round),
        await db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.RoundId == round).ToListAsync(),
        await db.Meetings.AsNoTracking().Where(m => m.RoundId == round).OrderBy(m => m.Number).ToListAsync(),
        await db.Representatives.AsNoTracking().Where(r => r.RoundId == round).ToListAsync()));

    /// <summary>
    /// The command of <paramref name="action"/>: with valid data, or with <paramref name="invalid"/> data that must be
    /// refused (then also the finding to report if it is accepted, when not <see cref="Finding.InvalidAccepted"/>).
    /// Null when the action has no invalid variant.
    /// </summary>
    private (object Request, bool Invalid, string? Finding)? Build(Lane lane, Facts facts, RoundAction action, bool invalid)
    {
        var round = facts.Round;
        var id = round.Id;
        var side = action.Side ?? Side.Worker;
        var today = world.Clock.Today;
        var e = lane.Enterprise;
        (object, bool, string?) Valid(object request) => (request, false, null);
        (object, bool, string?) Invalid(object request, string? finding = null) => (request, true, finding);
        string Text(string what) => invalid ? " " : what;
        var topic = action.TopicId is { } topicId ? facts.Topics.Single(t => t.Id == topicId) : null;

        switch (action.Action)
        {
            case RoundActionKind.SendOffer:
            {
                if (invalid) return Invalid(new MakeOfferCommand(id, [new TopicProposal("no-such-topic", "条款")], today));
                // A change bargains its articles only (Art 41): its offer starts from their current text.
                var topics = round.Change.AmendsRoundId is not null || (round.Renewal.RenewsRoundId is not null && _random.NextDouble() < 0.5) ? [] : OfferTopics(round.Kind);
                int? perSide = _random.Next(3) switch { 0 => null, 1 => 3, _ => 5 };
                var received = today.AddDays(-_random.Next(2));
                DateTime? meetingAt = _random.NextDouble() < 0.4 ? today.AddDays(3 + _random.Next(10)).ToDateTime(new TimeOnly(9, 30)) : null;
                // An employer's offer letter names its legal representative, who heads its side until representatives are named (Art 21).
                return Valid(new MakeOfferCommand(id, topics, received, perSide, meetingAt, meetingAt is null ? null : "公司二楼会议室",
                    side == Side.Employer ? e.LegalRepresentative : null));
            }
            case RoundActionKind.Accept:
            {
                var added = round.Change.AmendsRoundId is null && _random.NextDouble() < 0.3 && NewTopic(facts) is { } extra ? new[] { extra } : null;
                return Valid(new ReplyToOfferCommand(id, true, AddedTopics: added, EmployerLegalRepresentative: side == Side.Employer ? e.LegalRepresentative : null));
            }
            case RoundActionKind.Refuse:
                return invalid ? Invalid(new ReplyToOfferCommand(id, false, " ")) : Valid(new ReplyToOfferCommand(id, false, "企业正在进行破产重整，暂不具备协商条件", EmployerLegalRepresentative: side == Side.Employer ? e.LegalRepresentative : null));
            case RoundActionKind.Urge:
                return (new UrgeReplyCommand(id, Text("电话督促并发出书面督办通知")), invalid, null);
            case RoundActionKind.ApplyCoordination:
                return (new ApplyForCoordinationCommand(id, side, Text("双方对工资增幅分歧较大，协商未果")), invalid, null);
            case RoundActionKind.WithdrawOffer:
                return (new WithdrawOfferCommand(id, side, Text("对方理由成立，本年度不再要求协商")), invalid, null);
            case RoundActionKind.EscalateToOrdinary:
                return (new EscalateToOrdinaryCommand(id, Text("督办两次仍未回应，转入普通程序")), invalid, null);
            case RoundActionKind.CloseLapsedRenewal:
                return (new CloseLapsedRenewalCommand(id, Text("合同期满未续订，双方同意另行协商")), invalid, null);
            case RoundActionKind.NameRepresentatives:
                return NameRepresentatives(facts, side, e, invalid);
            case RoundActionKind.ScheduleMeeting:
            {
                var previous = MeetingTurn.LastChair([.. facts.Meetings]); // the chiefs chair in turn (Art 34); a superseded meeting does not count
                var chair = previous?.Other() ?? (_random.NextDouble() < 0.5 ? Side.Worker : Side.Employer);
                if (invalid) return Invalid(new ScheduleMeetingCommand(id, side, today, " ", chair, "记录员"));
                return Valid(new ScheduleMeetingCommand(id, side, today.AddDays(_random.Next(3)), "公司二楼会议室", chair, $"记录员{facts.Meetings.Count + 1}号",
                    _random.NextDouble() < 0.3 ? "工资增幅和发放时间" : null));
            }
            case RoundActionKind.RecordMeeting:
                return (new RecordMeetingCommand(id, side, Text($"双方就各项议题交换了意见（第{facts.Meetings.Count}次会议）")), invalid, null);
            case RoundActionKind.Propose:
            {
                if (invalid) return Invalid(new ProposeCommand(id, side, new TopicProposal("no-such-topic", "条款")));
                var open = facts.Topics.Where(t => t.Status == TopicStatus.Open).OrderBy(t => t.Title, StringComparer.Ordinal).ToList();
                if (open.Count > 0 && _random.NextDouble() < 0.4)
                {
                    var again = open[_random.Next(open.Count)];
                    return Valid(new ProposeCommand(id, side, Term(again.Code, again.Code == TopicCatalog.Custom ? again.Title : null)));
                }
                return round.Change.AmendsRoundId is null && NewTopic(facts) is { } fresh ? Valid(new ProposeCommand(id, side, fresh)) : null;
            }
            case RoundActionKind.CounterPropose:
            {
                if (invalid) return Invalid(new CounterProposeCommand(topic!.Id, side, " "));
                var t = Term(topic!.Code, topic.Title);
                return Valid(new CounterProposeCommand(topic.Id, side, t.Clause, t.Number, t.Unit));
            }
            case RoundActionKind.AgreeTopic:
                return invalid ? null : Valid(new AgreeTopicCommand(topic!.Id, side));
            case RoundActionKind.WithdrawTopic:
                return (new WithdrawTopicCommand(topic!.Id, side, Text("该议题另行协商")), invalid, null);
            case RoundActionKind.Suspend:
                return invalid
                    ? Invalid(new SuspendCommand(id, side, true, false, today.AddDays(7), "公司会议室", "继续协商"))
                    : Valid(new SuspendCommand(id, side, true, true, today.AddDays(1 + _random.Next(20)), "公司会议室", "继续协商工资增幅"));
            case RoundActionKind.Resume:
                return invalid ? null : Valid(new ResumeCommand(id, side));
            case RoundActionKind.Conclude:
                return invalid ? null : Valid(new ConcludeCommand(id, side));
            case RoundActionKind.AgreeTerm:
            {
                var starts = today.AddDays(_random.Next(30));
                if (invalid) return Invalid(new AgreeContractTermCommand(id, side, starts, ContractTermRule.LastDay(starts, 48)));
                var months = round.Kind == RoundKind.Wage ? 12 : new[] { 12, 24, 36 }[_random.Next(3)];
                return Valid(new AgreeContractTermCommand(id, side, starts, ContractTermRule.LastDay(starts, months)));
            }
            case RoundActionKind.RecordVote:
                return Vote(id, e.Enterprise.Employees, invalid);
            case RoundActionKind.Sign:
                return invalid ? null : Valid(new SignCommand(id, side));
            case RoundActionKind.File:
                return invalid ? Invalid(new FileContractCommand(id, today.AddDays(2))) : Valid(new FileContractCommand(id, today));
            case RoundActionKind.Object:
            {
                var agreed = facts.Topics.Where(t => t.Status == TopicStatus.Agreed).OrderBy(t => t.Title, StringComparer.Ordinal).ToList();
                var contested = agreed.Where(_ => _random.NextDouble() < 0.5).DefaultIfEmpty(agreed[0]).Select(t => t.Id).ToList();
                return (new RecordReviewObjectionCommand(id, Text("工资增幅条款与当地工资指导线不符，请重新协商"), contested), invalid, null);
            }
            case RoundActionKind.ClearReview:
                return invalid ? null : Valid(new RecordReviewClearanceCommand(id, "主体、程序、内容合法"));
            case RoundActionKind.Publish:
                return (new PublishCommand(id, today, Text("厂务公开栏及企业内网")), invalid, null);
            case RoundActionKind.AgreeInCoordination:
                return (new RecordCoordinationAgreementCommand(id, Text("双方同意恢复协商，工资增幅在4%至6%之间协商确定"), ["协调员甲", "协调员乙"], e.Enterprise.ChairName!, e.LegalRepresentative),
                    invalid, null);
            case RoundActionKind.ExtendCoordination:
                return (new ExtendCoordinationCommand(id, Text("双方需补充提供经营数据"), _random.Next(3) switch { 0 => null, 1 => 1 + _random.Next(15), _ => invalid ? 16 : 15 }),
                    invalid, null);
            case RoundActionKind.CloseCoordination:
                return (new CloseCoordinationCommand(id, Text("双方分歧无法弥合")), invalid, null);
            case RoundActionKind.SignMinutes or RoundActionKind.SignMemo:
            {
                var kind = action.Action == RoundActionKind.SignMinutes ? OnTheSpotRecord.Minutes : OnTheSpotRecord.Memo;
                var means = (MeetingMeans)_random.Next(3);
                return invalid
                    ? Invalid(new SignOnTheSpotCommand(id, side, kind, means, "一致意见", e.Enterprise.ChairName!, e.Enterprise.ChairName!))
                    : Valid(new SignOnTheSpotCommand(id, side, kind, means, "双方同意职工伙食补贴每人每月增加100元", e.Enterprise.ChairName!, e.LegalRepresentative));
            }
            case RoundActionKind.RecordNoAgreement:
                return (new RecordNoAgreementCommand(id, side, (MeetingMeans)_random.Next(3), Text("补贴标准分歧较大")), invalid, null);
            case RoundActionKind.StartRenewal:
            {
                if (invalid) return null;
                var offering = action.Side ?? (_random.NextDouble() < 0.5 ? Side.Worker : Side.Employer);
                return Valid(new StartRenewalCommand(id, round.Signing.TermEndsOn ?? today.AddYears(1), offering));
            }
            case RoundActionKind.ProposeTermination:
                return ProposeTermination(round, side, today, invalid);
            case RoundActionKind.ConfirmTermination:
                return invalid ? null : Valid(new ConfirmTerminationCommand(id, side));
            case RoundActionKind.DeclineTermination:
                return (new DeclineTerminationCommand(id, side, Text("合同仍可履行，不同意解除")), invalid, null);
            case RoundActionKind.ProposeChange:
            {
                if (invalid) return Invalid(new ProposeChangeCommand(id, side, [], " "));
                // A first contract's articles are its agreed topics; a change of a change names the first article, which every version has.
                var count = round.Change.AmendsRoundId is null ? Math.Max(1, facts.Topics.Count(t => t.Status == TopicStatus.Agreed)) : 1;
                var articles = Enumerable.Range(1, count).Where(_ => _random.NextDouble() < 0.5).DefaultIfEmpty(1).ToList();
                return Valid(new ProposeChangeCommand(id, side, articles, "生产经营情况发生较大变化，双方同意变更部分条款"));
            }
            default:
                throw new InvalidOperationException($"the walk does not know how to send {action.Action}");
        }
    }

    /// <summary>
    /// A rescission or termination within the term (Art 39–41): by consensus from a day to come, or for a reason of
    /// Art 40 that has happened, with its evidence. Invalid: a reason of Art 40 without evidence.
    /// </summary>
    private (object, bool, string?) ProposeTermination(Round round, Side side, DateOnly today, bool invalid)
    {
        var (starts, ends) = (round.Signing.TermStartsOn!.Value, round.Signing.TermEndsOn!.Value);
        var reasons = Enum.GetValues<TerminationReason>();
        var reason = invalid ? TerminationReason.ForceMajeure : today < starts ? TerminationReason.Consensus : reasons[_random.Next(reasons.Length)];
        var rule = TerminationReasons.Of(reason);
        var on = rule.Backdated ? today.AddDays(-_random.Next(10)) : today.AddDays(_random.Next(30));
        on = on < starts ? starts : on > ends ? ends : on;
        if (rule.Backdated && on > today) on = today;
        var evidence = invalid || !rule.NeedsEvidence ? null : "相关证明文件（文号见附件）";
        return (new ProposeTerminationCommand(round.Id, side, reason, "经营情况发生重大变化，合同无法继续履行", evidence, on), invalid, null);
    }

    /// <summary>A side's list: as many as the other side's list, else the offer's number, else three to five (Art 19).</summary>
    private (object, bool, string?) NameRepresentatives(Facts facts, Side side, WalkEnterprise e, bool invalid)
    {
        var other = facts.Representatives.Where(r => r.Side != side).ToList();
        var count = other.Count > 0 ? other.Count : facts.Round.Offer.RepresentativesPerSide ?? 3 + _random.Next(3);
        if (invalid) count = 2;
        var chief = side == Side.Worker ? e.Enterprise.ChairName! : e.LegalRepresentative;
        var prefix = side == Side.Worker ? "职工代表" : "企业代表";
        IReadOnlyList<Nominee> members = [new(chief, null, true, false), .. Enumerable.Range(1, count - 1).Select(i => new Nominee($"{prefix}{i}", null, false, false))];
        return (new NameRepresentativesCommand(facts.Round.Id, side, members, LegalRepresentative: side == Side.Employer ? e.LegalRepresentative : null), invalid, null);
    }

    /// <summary>
    /// The congress: at most every worker entitled, at least two thirds present (Art 36); mostly adopted. Invalid:
    /// more present than entitled, or figures no congress can have (more deputies than workers, no quorum), which
    /// the round-rules branch is to refuse (issue 10 item 5).
    /// </summary>
    private (object, bool, string?) Vote(Guid id, int employees, bool invalid)
    {
        var entitled = Math.Max(3, (int)(employees * (0.3 + 0.7 * _random.NextDouble())));
        var quorum = (2 * entitled + 2) / 3;
        var present = quorum + _random.Next(entitled - quorum + 1);
        var majority = entitled / 2 + 1;
        var inFavour = _random.NextDouble() < 0.85 ? majority + _random.Next(present - majority + 1) : _random.Next(majority);
        if (!invalid) return (new RecordCongressVoteCommand(id, entitled, present, inFavour), false, null);
        return _random.Next(3) switch
        {
            0 => (new RecordCongressVoteCommand(id, entitled, entitled + 1, majority), true, null),
            1 => (new RecordCongressVoteCommand(id, employees + 100, employees + 90, employees + 80), true, Finding.ImpossibleVote),
            // A meeting without two thirds present is no vote: it is recorded as not quorate and held again (Art 36).
            _ => (new RecordCongressVoteCommand(id, entitled, quorum - 1, Math.Min(majority, quorum - 1)), false, null),
        };
    }

    /// <summary>The offer's topics for a kind of round: what such a round is about (Art 8).</summary>
    private IReadOnlyList<TopicProposal> OfferTopics(RoundKind kind)
    {
        IEnumerable<(string Code, string? Title)> codes = kind switch
        {
            RoundKind.Wage => [(TopicCatalog.Pay, null)],
            RoundKind.Comprehensive => [(TopicCatalog.Pay, null), ("working-hours", null), ("rest-leave", null)],
            RoundKind.WomenWorkers => [("women-juveniles", null)],
            RoundKind.SafetyHealth => [("safety-health", null)],
            RoundKind.HighTemperature => [(TopicCatalog.Custom, "高温津贴"), ("safety-health", null)],
            _ => [(TopicCatalog.Pay, null), ("training", null)],
        };
        var list = codes.ToList();
        return [.. list.Take(1 + _random.Next(list.Count)).Select(c => Term(c.Code, c.Title))];
    }

    /// <summary>A topic the round has not raised yet: an Art 8 code, or a named one.</summary>
    private TopicProposal? NewTopic(Facts facts)
    {
        var raised = facts.Topics.Select(t => (t.Code, t.Title)).ToHashSet();
        var fresh = TopicCatalog.Article8.Where(c => !raised.Contains((c.Key, Topic.TitleOf(c.Key, null)))).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        if (fresh.Count > 0 && _random.NextDouble() < 0.7) return Term(fresh[_random.Next(fresh.Count)], null);
        var title = $"专项议题{facts.Topics.Count + 1}";
        return raised.Contains((TopicCatalog.Custom, title)) ? null : Term(TopicCatalog.Custom, title);
    }

    /// <summary>A plausible term on a topic: a wage rise in %, an allowance in 元/月, or a clause.</summary>
    private TopicProposal Term(string code, string? title)
    {
        if (code == TopicCatalog.Pay)
        {
            var rise = 3 + _random.Next(7);
            return new TopicProposal(code, $"职工年平均工资增长{rise}%", rise, "%", title == Topic.TitleOf(code, null) ? null : title);
        }
        if (title == "高温津贴")
        {
            var amount = 200 + 50 * _random.Next(5);
            return new TopicProposal(code, $"高温津贴每人每月{amount}元", amount, "元/月", title);
        }
        var clause = $"{(code == TopicCatalog.Custom ? title : TopicCatalog.Article8[code])}按双方约定执行（第{_random.Next(1, 9)}稿）";
        return new TopicProposal(code, clause, null, null, code == TopicCatalog.Custom ? title : null);
    }

    private static string Describe(object request)
    {
        var json = JsonSerializer.Serialize(request, request.GetType(), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return json.Length > 240 ? json[..240] + "…" : json;
    }
}
