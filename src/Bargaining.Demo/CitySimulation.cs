using System.Diagnostics;
using Bargaining.Documents.Printing;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Coordination;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Rules;
using Bargaining.Workflows;
using Bargaining.Workflows.Hosting;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bargaining.Demo.SyntheticCity;

namespace Bargaining.Demo;

/// <summary>How an enterprise's round of the simulated campaign ends.</summary>
public enum SimulatedOutcome
{
    /// <summary>The employer refused the offer and the union withdrew it.</summary>
    RefusedAndWithdrawn,
    /// <summary>The employer refused; the union applied for coordination (Art 49–54), which the coordinator closed without a contract.</summary>
    RefusedAndCoordinated,
    /// <summary>The employer never replied, though the county union urged it (Art 32, Art 56): still overdue at the end.</summary>
    NeverReplied,
    /// <summary>The contract took effect after 15 days of review without objection (Art 47).</summary>
    Effective,
}

/// <summary>What <see cref="CitySimulation.RunAsync"/> did.</summary>
/// <param name="Commands">Commands sent through the pipeline, each as the user of its role.</param>
/// <param name="TimersFired">Workflow timers fired as the days passed (deadlines lapsing, review periods ending).</param>
public sealed record SimulationResult(Guid CampaignId, Guid CityId, int Enterprises, int Rounds, int Commands, int TimersFired, TimeSpan Elapsed, DateTimeOffset EndedAt,
    IReadOnlyDictionary<SimulatedOutcome, int> Outcomes, int LateReplies, int CongressRejections, int ReviewObjections, int Meetings)
{
    /// <summary>Rounds run per second of elapsed time.</summary>
    public double RoundsPerSecond => Rounds / Elapsed.TotalSeconds;

    /// <summary>Commands sent per second of elapsed time.</summary>
    public double CommandsPerSecond => Commands / Elapsed.TotalSeconds;
}

/// <summary>
/// A whole spring campaign (集中要约行动) for a city of N synthetic enterprises across the county-level unions and
/// city-direct units of <c>organisations.json</c>, run through the commands the web app sends, each as the user of its
/// role, on a <see cref="ManualClock"/> that moves from step to step while the timer processor fires what falls due.
/// Each county launches its offers in waves; employers reply on time, late after being urged, or refuse; one to five
/// meetings with proposals and counterproposals on pay (and, in comprehensive rounds, rest and leave); about 5 % of
/// drafts rejected by the congress, about 3 % of filings objected to by the reviewer; wage rises of 3–9 %; signing,
/// filing, review and effect. The same seed and size give the same city.
/// </summary>
/// <remarks>
/// The steps due at the same instant are sent in one outer transaction per batch (the pipeline's transaction joins
/// it), each command still validated and authorised; a refused command stops the simulation, since the script only
/// sends what the product must accept.
/// </remarks>
public sealed class CitySimulation(IServiceProvider services, ManualClock clock)
{
    /// <summary>The default seed.</summary>
    public const int DefaultSeed = 2026;

    /// <summary>The campaign window (both ends included).</summary>
    public static readonly DateOnly CampaignStart = YanchengDemo.CampaignStart, CampaignEnd = YanchengDemo.CampaignEnd;

    /// <summary>Commands sent in one transaction at most.</summary>
    private const int BatchSize = 2000;

    private const string WageGuideline = "盐城市2026年企业工资指导线：基准线6%";

    private const string HeatAllowance = "高温津贴";

    private readonly List<(DateTimeOffset At, int Sequence, Func<Session, Task> Act)> _events = [];
    private int _commands;

    private TimeSpan LocalOffset => services.GetRequiredService<JurisdictionCatalog>().Default.Time.UtcOffset;

    /// <summary>
    /// Runs the campaign for <paramref name="enterprises"/> enterprises. The clock must read no later than
    /// <see cref="YanchengDemo.Start"/>; it ends on the day the last review period has run out.
    /// </summary>
    /// <param name="progress">Steps done of all steps, with the simulated day.</param>
    public async Task<SimulationResult> RunAsync(int enterprises, int seed = DefaultSeed, IProgress<BatchProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(enterprises, 1);
        if (clock.GetUtcNow() > YanchengDemo.Start) throw new InvalidOperationException($"the clock must read {YanchengDemo.Start:O} or earlier");
        var watch = Stopwatch.StartNew();
        var timers = await AdvanceToAsync(YanchengDemo.Start, ct);
        var random = new Random(seed);

        // The organisation tree as the city union imports it; every county-level union and city-direct unit takes part.
        var cityAdmin = new CurrentUser("sim-city", "盐城市总工会权益保障部", Role.CityAdministrator, Guid.Empty);
        var tree = await SendAsync(ImportOrganisationsCommand.FromFile(services.GetRequiredService<BargainingOptions>().OrganisationsFile), cityAdmin, ct);
        var cityId = tree.Units.Single(u => u.Kind == OrganisationKind.City).Id;
        List<Unit> units = [.. tree.Units.Where(u => u.Kind != OrganisationKind.City).Select(u => new Unit(u.Code, u.Name, u.Id))];
        cityAdmin = cityAdmin with { OrganisationId = cityId };

        // Enterprises, spread over the units as a city's are: the large counties hold more.
        var generated = Enumerable.Range(0, enterprises).Select(i => units[UnitOf(i, units.Count, random)])
            .Select(u => NewEnterprise(random, u.Code, u.Name, Employees)).ToList();
        EnsureUnique(generated, code => NewEnterprise(random, code, units.Single(u => u.Code == code).Name, Employees));
        var campaignId = await SendAsync(new CreateCampaignCommand("2026年春季集体协商要约行动", CampaignStart, CampaignEnd, [.. units.Select(u => u.Id)], 90m, 80m,
            (int)(generated.Sum(g => (long)g.Employees) * 8 / 10)), cityAdmin, ct);
        foreach (var unit in units)
        {
            var rows = generated.Where(g => g.CountyCode == unit.Code).ToList();
            if (rows.Count == 0) continue;
            var report = await SendAsync(new ImportEnterprisesCommand(unit.Id, $"{Short(unit.Name)}企业名单.csv", Csv(rows)), unit.Staff, ct);
            if (report.Imported != rows.Count) throw new InvalidOperationException($"{unit.Name}: {string.Join("；", report.Rejected.Select(r => $"第{r.Row}行 {r.Reason}"))}");
        }
        Dictionary<string, Guid> ids;
        await using (var scope = services.CreateAsyncScope())
            ids = await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().Enterprises.AsNoTracking().ToDictionaryAsync(e => e.CreditCode, e => e.Id, ct);

        var plans = generated.Select((g, i) =>
        {
            var unit = units.Single(u => u.Code == g.CountyCode);
            var id = ids[g.CreditCode];
            return new Plan(g, unit, id,
                new CurrentUser($"sim-chair-{i}", g.Chair, Role.UnionChair, unit.Id, id),
                new CurrentUser($"sim-employer-{i}", g.Manager, Role.EmployerRepresentative, unit.Id, id),
                random.Next(3) == 0 ? RoundKind.Comprehensive : RoundKind.Wage);
        }).ToList();

        // Each unit's instructor guides every third of its enterprises; each unit launches its offers in one to three waves
        // in the first three weeks, a request per wave and kind of round (集中要约).
        foreach (var unit in units)
        {
            var own = plans.Where(p => p.Unit == unit).ToList();
            if (own.Count == 0) continue;
            await SendAsync(new AssignInstructorCommand([.. own.Where((_, i) => i % 3 == 0).Select(p => p.EnterpriseId)], $"sim-instructor-{unit.Code}", YanchengDemo.InstructorName),
                unit.Staff, ct);
            var waves = 1 + random.Next(3);
            var days = Enumerable.Range(0, 21).OrderBy(_ => random.Next()).Take(waves).Order().Select(d => CampaignStart.AddDays(d)).ToList();
            foreach (var (plan, i) in own.Select((p, i) => (p, i))) plan.OfferedOn = days[i % waves];
            foreach (var day in days)
                foreach (var kind in new[] { RoundKind.Wage, RoundKind.Comprehensive })
                {
                    var wave = own.Where(p => p.OfferedOn == day && p.Kind == kind).ToList();
                    if (wave.Count > 0) Launch(day, unit, kind, wave);
                }
        }
        foreach (var plan in plans) Schedule(plan, random);

        var events = _events.OrderBy(e => e.At).ThenBy(e => e.Sequence).ToList();
        var done = 0;
        foreach (var instant in events.GroupBy(e => e.At))
        {
            timers += await AdvanceToAsync(instant.Key, ct);
            foreach (var batch in instant.Chunk(BatchSize))
            {
                await using var session = await Session.BeginAsync(services, this, ct);
                foreach (var e in batch) await e.Act(session);
                await session.CommitAsync(ct);
                done += batch.Length;
                progress?.Report(new BatchProgress(done, events.Count, $"{instant.Key.ToOffset(LocalOffset):yyyy-MM-dd}"));
            }
        }
        // The last review periods run out (Art 47).
        var lastDay = DateOnly.FromDateTime(events[^1].At.ToOffset(LocalOffset).DateTime);
        var end = new DateTimeOffset(Max(CampaignEnd, lastDay.AddDays(20)).ToDateTime(new TimeOnly(18, 0)), LocalOffset);
        timers += await AdvanceToAsync(end, ct);
        watch.Stop();

        return new SimulationResult(campaignId, cityId, plans.Count, plans.Count(p => p.RoundId is not null), _commands, timers, watch.Elapsed, clock.GetUtcNow(),
            Enum.GetValues<SimulatedOutcome>().ToDictionary(o => o, o => plans.Count(p => p.Outcome == o)),
            plans.Count(p => p.Late), plans.Count(p => p.Rejected), plans.Count(p => p.Objected), plans.Sum(p => p.Meetings));
    }

    /// <summary>
    /// Sizes as a city's enterprises have them: log-normal around a median of 60 workers, from 8 to 12,000 — most small,
    /// about one in a hundred with a thousand or more.
    /// </summary>
    private static int Employees(Random random)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (int)Math.Clamp(Math.Round(60 * Math.Exp(1.2 * normal)), 8, 12_000);
    }

    /// <summary>The unit of the <paramref name="index"/>th enterprise: the first units (the county-level cities) weigh more.</summary>
    private static int UnitOf(int index, int count, Random random) =>
        index < count ? index : Pick(random, [.. Enumerable.Range(0, count).Select(u => (u, count - u / 2))]);

    private void Launch(DateOnly day, Unit unit, RoundKind kind, List<Plan> wave)
    {
        List<TopicProposal> topics = [new(TopicCatalog.Pay, "职工年平均工资增长不低于6%", 6, "%")];
        if (kind == RoundKind.Comprehensive) topics.Add(new("rest-leave", "职工年休假在法定基础上增加1天"));
        At(day, 9, async session =>
        {
            var report = await session.SendAsync(new LaunchCampaignOffersCommand([.. wave.Select(p => p.EnterpriseId)], kind, topics, day, 3), unit.Staff);
            if (report.Refused.Count > 0) throw new InvalidOperationException($"{unit.Name}: {string.Join("；", report.Refused.Select(r => $"{r.Enterprise} {r.Reason}"))}");
            var rounds = report.Launched.ToDictionary(l => l.EnterpriseId, l => l.RoundId);
            foreach (var plan in wave) plan.RoundId = rounds[plan.EnterpriseId];
        });
    }

    /// <summary>Queues the steps of one enterprise's round, as days and hours after its offer.</summary>
    private void Schedule(Plan p, Random random)
    {
        var day = p.OfferedOn;
        var replyRoll = random.Next(100);
        if (replyRoll < 4)
        {
            // A refusal needs a justified reason (Art 32); the union then withdraws, or applies for coordination (Art 49).
            day = day.AddDays(random.Next(3, 16));
            At(day, 10, s => s.SendAsync(new ReplyToOfferCommand(p.Id, false, "企业正在进行资产重组，经营数据尚未确定，暂不具备协商条件"), p.Employer));
            day = day.AddDays(random.Next(2, 7));
            if (random.Next(2) == 0)
            {
                p.Outcome = SimulatedOutcome.RefusedAndWithdrawn;
                At(day, 10, s => s.SendAsync(new WithdrawOfferCommand(p.Id, Side.Worker, "企业方理由成立，本年度不再要求协商"), p.Chair));
                return;
            }
            p.Outcome = SimulatedOutcome.RefusedAndCoordinated;
            At(day, 10, s => s.SendAsync(new ApplyForCoordinationCommand(p.Id, Side.Worker, "企业方拒绝协商的理由不成立，申请协调处理"), p.Chair));
            At(day.AddDays(random.Next(5, 25)), 15, s => s.SendAsync(new CloseCoordinationCommand(p.Id, "企业资产重组期间双方同意暂缓协商，协调终结"), p.Unit.Coordinator));
            return;
        }
        if (replyRoll < 12)
        {
            // No reply in the 20 days (Art 32): the deadline lapses, the county union urges; most then reply late.
            day = day.AddDays(random.Next(25, 28));                         // past the 20 days, however rest days extend them
            At(day, 9, s => s.SendAsync(new UrgeReplyCommand(p.Id, "电话督促并发出书面督办通知"), p.Unit.Staff));
            if (replyRoll < 4 + 2)
            {
                p.Outcome = SimulatedOutcome.NeverReplied;
                return;
            }
            p.Late = true;
            day = day.AddDays(random.Next(1, 6));
        }
        else day = day.AddDays(random.Next(2, 19));
        At(day, 10, s => s.SendAsync(new ReplyToOfferCommand(p.Id, true), p.Employer));

        // Representatives (Art 19–24): everyone a different person, the recorder neither side's (Art 33).
        day = day.AddDays(1);
        var people = new HashSet<string> { Bare(p.Source.Chair), Bare(p.Source.Manager) };
        var perSide = 3;
        var workerSide = Members(p.Source.Chair, "工会主席", WorkerPosts, perSide, people, random);
        var employerSide = Members(p.Source.Manager, "总经理", EmployerPosts, perSide, people, random);
        var recorder = Distinct(people, random);
        At(day, 9, s => s.SendAsync(new NameRepresentativesCommand(p.Id, Side.Worker, workerSide), p.Chair));
        At(day, 11, s => s.SendAsync(new NameRepresentativesCommand(p.Id, Side.Employer, employerSide, LegalRepresentative: Bare(p.Source.Manager)), p.Employer));

        // One to five meetings, the positions on pay closing in (Art 33–34), the chiefs chairing in turn.
        var agreed = 3m + random.Next(0, 13) * 0.5m;                        // 3 % … 9 %
        var ask = agreed + random.Next(1, 5) * 0.5m;
        var counter = Math.Max(1.5m, agreed - random.Next(1, 5) * 0.5m);
        var meetings = Pick(random, [(1, 30), (2, 30), (3, 22), (4, 12), (5, 6)]);
        var heat = random.Next(10) < 3;                                     // the workers raise a topic of their own at the table
        p.Agreed = agreed;
        var chair = Side.Worker;
        for (var k = 1; k <= meetings; k++)
        {
            day = day.AddDays(random.Next(2, 7));
            var employerOffer = Math.Round(counter + (agreed - counter) * (k - 1) / meetings, 1);
            var workerAsk = k == meetings ? agreed : Math.Round(ask - (ask - agreed) * k / meetings, 1);
            Meeting(day, chair, recorder, employerOffer, workerAsk, p, propose: k == 1 && heat, other: k == 1 || k == meetings);
            chair = chair.Other();
        }
        Agree(day, p, withdraw: random.Next(2) == 0);
        // The term (Art 38): a wage agreement for a year, a comprehensive contract for three, from the next month's first day.
        var termStarts = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
        var termEnds = termStarts.AddMonths(p.Kind == RoundKind.Comprehensive ? 36 : 12).AddDays(-1);
        At(day, 17, s => s.SendAsync(new AgreeContractTermCommand(p.Id, Side.Worker, termStarts, termEnds), p.Chair));

        // The congress (Art 36): about one draft in twenty rejected, bargained again and adopted.
        day = day.AddDays(random.Next(3, 8));
        if (random.Next(100) < 5)
        {
            p.Rejected = true;
            Congress(day, p, random, adopt: false);
            day = day.AddDays(random.Next(4, 8));
            Meeting(day, chair, recorder, null, agreed, p, propose: false, other: true);
            chair = chair.Other();
            Agree(day, p, withdraw: false);
            day = day.AddDays(random.Next(3, 8));
        }
        Congress(day, p, random, adopt: true);
        day = SignAndFile(day, p, random);

        // Review (Art 44–47): about one filing in thirty objected to; the parties bargain the contested pay clause again.
        if (random.Next(100) < 3)
        {
            p.Objected = true;
            day = day.AddDays(random.Next(3, 12));
            At(day, 10, async s => await s.SendAsync(new RecordReviewObjectionCommand(p.Id, "工资增长条款未明确执行时间和分配办法，请双方重新协商后重新报送",
                [(await s.TopicsAsync(p.Id))[TopicCatalog.Pay].Id]), p.Unit.Reviewer));
            day = day.AddDays(random.Next(4, 8));
            Meeting(day, chair, recorder, null, agreed, p, propose: false, other: true);
            Agree(day, p, withdraw: false);
            day = day.AddDays(random.Next(2, 5));
            Congress(day, p, random, adopt: true);
            day = SignAndFile(day, p, random);
        }
        // Effective by the timer once the 15 days lapse (Art 47); most unions then publish it (Art 48).
        p.Outcome = SimulatedOutcome.Effective;
        if (random.Next(4) != 0)
        {
            var publishOn = day.AddDays(22 + random.Next(0, 5));                // after the 15 days, however rest days extend them
            At(publishOn, 10, s => s.SendAsync(new PublishCommand(p.Id, publishOn, "厂务公开栏及职工微信群"), p.Chair));
        }
    }

    /// <summary>
    /// A meeting on <paramref name="day"/>: scheduled; with <paramref name="propose"/>, the workers propose a
    /// high-temperature allowance; the employer's position on pay (none when the topic was reopened, where the workers
    /// move first) and the workers'; with <paramref name="other"/>, the employer's on each other topic open and its
    /// turn; minuted.
    /// </summary>
    private void Meeting(DateOnly day, Side chair, string recorder, decimal? employerOffer, decimal workerAsk, Plan p, bool propose, bool other)
    {
        p.Meetings++;
        At(day, 9, s => s.SendAsync(new ScheduleMeetingCommand(p.Id, chair, day, "公司工会会议室", chair, recorder, "工资调整幅度"), p.Of(chair)));
        if (propose)
            At(day, 10, s => s.SendAsync(new ProposeCommand(p.Id, Side.Worker, new TopicProposal(TopicCatalog.Custom, "夏季高温期间每人每月发放高温津贴300元", 300, "元/月", Title: HeatAllowance)),
                p.Chair));
        if (employerOffer is { } offer)
            At(day, 10, async s => await s.SendAsync(new CounterProposeCommand((await s.TopicsAsync(p.Id))[TopicCatalog.Pay].Id, Side.Employer,
                $"职工年平均工资增长{Percent(offer)}%", offer, "%"), p.Employer));
        At(day, 11, async s =>
        {
            var topics = await s.TopicsAsync(p.Id);
            await s.SendAsync(new CounterProposeCommand(topics[TopicCatalog.Pay].Id, Side.Worker, $"职工年平均工资增长{Percent(workerAsk)}%，{WageGuideline}", workerAsk, "%"), p.Chair);
            if (!other) return;
            foreach (var topic in topics.Values.Where(t => t.Code != TopicCatalog.Pay && t.CannotCounterPropose(Side.Employer) is null))
                await s.SendAsync(topic.Code == TopicCatalog.Custom
                    ? new CounterProposeCommand(topic.Id, Side.Employer, "夏季高温期间每人每月发放高温津贴200元", 200, "元/月")
                    : new CounterProposeCommand(topic.Id, Side.Employer, "工龄满十年的职工年休假增加1天"), p.Employer);
        });
        var minutes = employerOffer is { } o ? $"企业方提出增长{Percent(o)}%，职工方提出{Percent(workerAsk)}%" : $"职工方提出增长{Percent(workerAsk)}%";
        At(day, 12, s => s.SendAsync(new RecordMeetingCommand(p.Id, chair, minutes), p.Of(chair)));
    }

    /// <summary>The employer agrees the workers' pay clause, the other topic (where open) is agreed or withdrawn, and both chiefs conclude.</summary>
    private void Agree(DateOnly day, Plan p, bool withdraw)
    {
        At(day, 14, async s =>
        {
            var topics = await s.TopicsAsync(p.Id);
            await s.SendAsync(new AgreeTopicCommand(topics[TopicCatalog.Pay].Id, Side.Employer), p.Employer);
            foreach (var topic in topics.Values.Where(t => t.Code != TopicCatalog.Pay && t.Status == TopicStatus.Open))
                await (withdraw && topic.CannotWithdraw(Side.Worker) is null
                    ? s.SendAsync(new WithdrawTopicCommand(topic.Id, Side.Worker, "并入下一年度综合集体合同协商"), p.Chair)
                    : s.SendAsync(new AgreeTopicCommand(topic.Id, Side.Worker), p.Chair));
        });
        At(day, 16, s => s.SendAsync(new ConcludeCommand(p.Id, Side.Worker), p.Chair));
        At(day, 16, s => s.SendAsync(new ConcludeCommand(p.Id, Side.Employer), p.Employer));
    }

    private void Congress(DateOnly day, Plan p, Random random, bool adopt)
    {
        var (entitled, present, inFavour) = Vote(p.Source.Employees, random, adopt);
        At(day, 14, async s =>
        {
            var result = await s.SendAsync(new RecordCongressVoteCommand(p.Id, entitled, present, inFavour), p.Chair);
            if (result.Adopted != adopt) throw new InvalidOperationException($"{p.Source.Name}: unexpected congress result: {result.Reason}");
        });
    }

    /// <summary>Both chiefs sign the next day (Art 37); the employer files within five days (Art 42). Returns the filing day.</summary>
    private DateOnly SignAndFile(DateOnly day, Plan p, Random random)
    {
        day = day.AddDays(1);
        At(day, 10, s => s.SendAsync(new SignCommand(p.Id, Side.Worker), p.Chair));
        At(day, 11, s => s.SendAsync(new SignCommand(p.Id, Side.Employer), p.Employer));
        day = day.AddDays(random.Next(1, 6));
        var filedOn = day;
        At(day, 10, s => s.SendAsync(new FileContractCommand(p.Id, filedOn), p.Employer));
        return day;
    }

    private void At(DateOnly day, int hour, Func<Session, Task> act) =>
        _events.Add((new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), LocalOffset), _events.Count, act));

    private async Task<T> SendAsync<T>(IRequest<T> request, CurrentUser user, CancellationToken ct)
    {
        await using var session = await Session.BeginAsync(services, this, ct);
        var result = await session.SendAsync(request, user);
        await session.CommitAsync(ct);
        return result;
    }

    /// <summary>Moves the clock to <paramref name="target"/>, stopping at every timer due on the way so each fires at its due time; returns how many fired.</summary>
    private async Task<int> AdvanceToAsync(DateTimeOffset target, CancellationToken ct)
    {
        var fired = 0;
        if (target <= clock.GetUtcNow()) return fired;
        var processor = services.GetRequiredService<WorkflowTimerProcessor>();
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var next = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().NextDueAsync(ct);
            if (next is not { } due || due > target) break;
            if (due > clock.GetUtcNow()) clock.SetUtcNow(due);
            var now = await processor.RunOnceAsync(ct);
            if (now == 0) throw new InvalidOperationException($"a timer due at {due:O} could not fire");
            fired += now;
        }
        clock.SetUtcNow(target);
        return fired;
    }

    private sealed record Unit(string Code, string Name, Guid Id)
    {
        public CurrentUser Staff { get; } = new($"sim-staff-{Code}", $"{Short(Name)}总工会权益保障部", Role.CountyStaff, Id);
        public CurrentUser Reviewer { get; } = new($"sim-review-{Code}", $"{Short(Name)}人社局劳动关系科", Role.Reviewer, Id);
        public CurrentUser Coordinator { get; } = new($"sim-coordinator-{Code}", $"{Short(Name)}劳动关系三方协调办公室", Role.Coordinator, Id);
    }

    private sealed class Plan(Generated source, Unit unit, Guid enterpriseId, CurrentUser chair, CurrentUser employer, RoundKind kind)
    {
        public Generated Source { get; } = source;
        public Unit Unit { get; } = unit;
        public Guid EnterpriseId { get; } = enterpriseId;
        public CurrentUser Chair { get; } = chair;
        public CurrentUser Employer { get; } = employer;
        public RoundKind Kind { get; } = kind;
        public DateOnly OfferedOn { get; set; }
        public Guid? RoundId { get; set; }
        public Guid Id => RoundId ?? throw new InvalidOperationException($"{Source.Name}: no round launched yet");
        public decimal Agreed { get; set; }
        public SimulatedOutcome Outcome { get; set; }
        public bool Late { get; set; }
        public bool Rejected { get; set; }
        public bool Objected { get; set; }
        public int Meetings { get; set; }
        public CurrentUser Of(Side side) => side == Side.Worker ? Chair : Employer;
    }

    /// <summary>
    /// One DI scope and one transaction for a batch of commands due at the same instant: each command goes through
    /// the whole pipeline (its transaction joins this one), is saved, and its entities are let go before the next.
    /// </summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly CitySimulation _simulation;
        private readonly BargainingDbContext _db;
        private readonly Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction _transaction;

        private Session(AsyncServiceScope scope, CitySimulation simulation, BargainingDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction) =>
            (_scope, _simulation, _db, _transaction) = (scope, simulation, db, transaction);

        public static async Task<Session> BeginAsync(IServiceProvider services, CitySimulation simulation, CancellationToken ct)
        {
            var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BargainingDbContext>();
            return new Session(scope, simulation, db, await db.Database.BeginTransactionAsync(ct));
        }

        public async Task<T> SendAsync<T>(IRequest<T> request, CurrentUser user)
        {
            ((FixedCurrentUser)_scope.ServiceProvider.GetRequiredService<ICurrentUserAccessor>()).User = user;
            _simulation._commands++;
            try
            {
                var result = await _scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
                await _db.SaveChangesAsync();
                return result;
            }
            catch (DomainException e)
            {
                throw new InvalidOperationException($"{request.GetType().Name} from {user.Name} was refused: {e.Code} {e.Message}", e);
            }
            finally
            {
                _db.ChangeTracker.Clear();
            }
        }

        /// <summary>A round's topics by code, with their positions.</summary>
        public Task<Dictionary<string, Topic>> TopicsAsync(Guid roundId) =>
            _db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.RoundId == roundId).ToDictionaryAsync(t => t.Code);

        public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await _transaction.DisposeAsync();
            await _scope.DisposeAsync();
        }
    }
}
