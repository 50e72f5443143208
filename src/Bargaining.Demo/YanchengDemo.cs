using System.Globalization;
using System.Text;
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
using Bargaining.Features.Rounds.Simplified;
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

/// <summary>Where the generator leaves an enterprise's round at the end of the demo period.</summary>
public enum DemoFate
{
    /// <summary>No round (the enterprise has not been reached yet).</summary>
    None,
    /// <summary>Round started by the union, no offer yet.</summary>
    Started,
    /// <summary>Offered recently; the reply is not yet due.</summary>
    Offered,
    /// <summary>Offered early in the campaign and never answered: the 20 days have passed (Art 32).</summary>
    Overdue,
    /// <summary>Accepted; representatives being named (Art 19–24).</summary>
    Replied,
    /// <summary>At the table, with wage proposals and counterproposals still apart.</summary>
    Bargaining,
    /// <summary>The workers' congress rejected the draft (Art 36): back to bargaining.</summary>
    CongressRejected,
    /// <summary>Signed by both chiefs, not yet filed (Art 42).</summary>
    Signed,
    /// <summary>Filed, the 15 days of review still running (Art 44).</summary>
    Filed,
    /// <summary>The reviewer objected (Art 46): the contested topics are reopened.</summary>
    ReviewObjected,
    /// <summary>Effective after 15 days without objection (Art 47), some published (Art 48).</summary>
    Effective,
    /// <summary>Simplified procedure ended by minutes signed on the spot (江苏省集体协商条例).</summary>
    Closed,
    /// <summary>Offered, never answered, and the union applied for coordination (Art 49–54): a dispute before the coordinator.</summary>
    InCoordination,
}

/// <summary>One generated enterprise and what became of its round.</summary>
public sealed record DemoEnterprise(string County, string Name, string CreditCode, string Industry, int Employees, DemoFate Fate, Guid? RoundId, decimal? AgreedWageRise)
{
    /// <summary>The enterprise's id.</summary>
    public Guid EnterpriseId { get; init; }

    /// <summary>The union chair and the employer's representative who act in the round (their user ids are <c>demo-chair-N</c> and <c>demo-employer-N</c>).</summary>
    public CurrentUser? Chair { get; init; }

    /// <inheritdoc cref="Chair"/>
    public CurrentUser? Employer { get; init; }
}

/// <summary>
/// The people the demo signs in, each with something to do: the chair and employer of a round at the table; county
/// staff and their instructor where replies are overdue (the instructor guides every third enterprise); a reviewer
/// where a contract is under review; a coordinator where a dispute is in coordination. All in the showcase county
/// when it holds each of these.
/// </summary>
public sealed record DemoCast(DemoEnterprise Table, CurrentUser County, CurrentUser Instructor, CurrentUser Reviewer, CurrentUser Coordinator);

/// <summary>What <see cref="YanchengDemo.GenerateAsync"/> produced.</summary>
/// <param name="ShowcaseCountyId">The county whose enterprises hold, as far as its size allows, a round at the table, an
/// overdue reply, a filing under review and a dispute in coordination (<see cref="DemoCast"/> signs its people in).</param>
public sealed record YanchengDemoResult(Guid CampaignId, Guid CityId, IReadOnlyList<DemoEnterprise> Enterprises, int Commands, DateTimeOffset EndedAt, Guid ShowcaseCountyId)
{
    /// <summary>Who signs in to the demo, each where there is work for their role (<see cref="DemoCast"/>).</summary>
    public DemoCast Cast { get; init; } = null!;

    /// <summary>The showcase county if one of its enterprises has <paramref name="fate"/>, otherwise the county of the first that has.</summary>
    public Guid CountyWith(DemoFate fate) =>
        Enterprises.Where(e => e.Fate == fate).Select(e => e.Chair!.OrganisationId).OrderBy(id => id == ShowcaseCountyId ? 0 : 1).First();

    /// <summary>Enterprises per fate, every fate listed.</summary>
    public IReadOnlyDictionary<DemoFate, int> Fates =>
        Enum.GetValues<DemoFate>().ToDictionary(f => f, f => Enterprises.Count(e => e.Fate == f));
}

/// <summary>
/// A deterministic generator for a Yancheng-like city: the city union and its 11 county-level unions, a spring 2026
/// offer campaign, synthetic enterprises imported per county from CSV, and rounds at every stage — all written
/// through the same MediatR commands the product's users send, each as the user of the right role, on a
/// <see cref="ManualClock"/> that moves from step to step while the timer processor fires what falls due.
/// The same seed and size give the same city.
/// </summary>
public sealed class YanchengDemo(IServiceProvider services, ManualClock clock)
{
    /// <summary>The default seed.</summary>
    public const int DefaultSeed = 20260302;

    /// <summary>The campaign window (both ends included) and the day the generation stops.</summary>
    public static readonly DateOnly CampaignStart = new(2026, 3, 2), CampaignEnd = new(2026, 5, 31), LastDay = new(2026, 4, 30);

    /// <summary>The clock reading the generator expects to start from (or earlier): Monday 23 February 2026, 09:00 in Yancheng (01:00 UTC).</summary>
    public static readonly DateTimeOffset Start = new(2026, 2, 23, 1, 0, 0, TimeSpan.Zero);

    /// <summary>The offset of the rounds' local time: they run under the default jurisdiction.</summary>
    private TimeSpan LocalOffset => services.GetRequiredService<JurisdictionCatalog>().Default.Time.UtcOffset;


    /// <summary>The instructor (集体协商指导员) each county assigns to every third of its enterprises; the user id is <c>demo-instructor-CODE</c>.</summary>
    public const string InstructorName = "缪建华";

    private const string ReviewOpinion = "工资增长条款未明确执行时间和分配办法，请双方重新协商后重新报送";

    private readonly List<(DateTimeOffset At, int Sequence, Func<Task> Act)> _events = [];
    private Dictionary<string, string> _countyNames = [];
    private int _commands;

    /// <summary>
    /// Prepares the database of <paramref name="options"/> and loads the city into it on a simulated clock of its own
    /// (from <see cref="Start"/>), with services of its own; the file's connections are released afterwards, so a host
    /// can open it next. What the web demo and the browser tests start from.
    /// </summary>
    public static async Task<YanchengDemoResult> CreateAsync(BargainingOptions options, int enterprises = 240, int seed = DefaultSeed, CancellationToken ct = default,
        IProgress<string>? progress = null)
    {
        var clock = new ManualClock(Start);
        YanchengDemoResult city;
        await using (var services = new ServiceCollection().AddLogging().AddBargaining(options, clock).BuildServiceProvider())
        {
            await using (var scope = services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().MigrateAsync(ct);
            city = await new YanchengDemo(services, clock).GenerateAsync(enterprises, seed, ct, progress);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return city;
    }

    /// <summary>
    /// Loads the city: <paramref name="enterprises"/> synthetic enterprises (at least 22) and their rounds, from
    /// <see cref="Start"/> to <see cref="LastDay"/>. The clock must read no later than <see cref="Start"/>.
    /// </summary>
    /// <param name="progress">Receives a line (in Chinese) at each phase and every 500 steps, for a console that waits.</param>
    public async Task<YanchengDemoResult> GenerateAsync(int enterprises = 240, int seed = DefaultSeed, CancellationToken ct = default, IProgress<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(enterprises, 22);
        if (clock.GetUtcNow() > Start) throw new InvalidOperationException($"the clock must read {Start:O} or earlier");
        await AdvanceToAsync(Start, ct);
        var random = new Random(seed);
        progress?.Report($"正在生成盐城市演示数据：{enterprises} 家企业……");

        // The real organisation tree, from the city union's own file, imported as the product imports it.
        var cityAdmin = new CurrentUser("demo-city", "盐城市总工会权益保障部 孙海", Role.CityAdministrator, Guid.Empty);
        var tree = await SendAsync(ImportOrganisationsCommand.FromFile(services.GetRequiredService<BargainingOptions>().OrganisationsFile), cityAdmin, ct);
        var cityId = tree.Units.Single(u => u.Kind == OrganisationKind.City).Id;
        List<(string Code, string Name, Guid Id)> counties = [.. tree.Units.Where(u => u.Kind == OrganisationKind.County).Select(u => (u.Code, u.Name, u.Id))];
        _countyNames = counties.ToDictionary(c => c.Code, c => c.Name);
        cityAdmin = cityAdmin with { OrganisationId = cityId };

        // The campaign (集中要约行动) for every county-level union.
        var campaignId = await SendAsync(new CreateCampaignCommand("2026年春季集体协商要约行动", CampaignStart, CampaignEnd, [.. counties.Select(c => c.Id)], 90m, 80m,
            enterprises * 150), cityAdmin, ct);

        // Enterprises, imported per county from the CSV the county staff would upload.
        var generated = Enumerable.Range(0, enterprises).Select(i => NewEnterprise(random, counties[i % counties.Count].Code, counties[i % counties.Count].Name, Employees)).ToList();
        EnsureUnique(generated, code => NewEnterprise(random, code, _countyNames[code], Employees));
        foreach (var (code, name, id) in counties)
        {
            var rows = generated.Where(g => g.CountyCode == code).ToList();
            var staff = new CurrentUser($"demo-staff-{code}", $"{Short(name)}总工会 {Person(random)}", Role.CountyStaff, id);
            var report = await SendAsync(new ImportEnterprisesCommand(id, $"{Short(name)}企业名单.csv", Csv(rows)), staff, ct);
            if (report.Imported != rows.Count) throw new InvalidOperationException($"{name}: {string.Join("；", report.Rejected.Select(r => $"第{r.Row}行 {r.Reason}"))}");
        }
        Dictionary<string, Guid> ids;
        await using (var scope = services.CreateAsyncScope())
            ids = await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().Enterprises.AsNoTracking()
                .ToDictionaryAsync(e => e.CreditCode, e => e.Id, ct);
        progress?.Report($"{enterprises} 家企业已导入 {counties.Count} 个县级总工会，正在指派指导员并推进各轮协商……");

        // Each county's instructor guides every third of its enterprises, so that the instructor has a work list.
        foreach (var (code, name, id) in counties)
        {
            var assigned = generated.Where(g => g.CountyCode == code).Where((_, i) => i % 3 == 0).Select(g => ids[g.CreditCode]).ToList();
            var staff = new CurrentUser($"demo-staff-{code}", $"{Short(name)}总工会", Role.CountyStaff, id);
            if (assigned.Count > 0) await SendAsync(new AssignInstructorCommand(assigned, $"demo-instructor-{code}", InstructorName), staff, ct);
        }

        // Fates: every fate at least once (the congress rejection and review objection exactly where asked), the rest weighted.
        var fates = Fates(enterprises, counties.Count, random);
        var plans = new List<Plan>();
        for (var i = 0; i < generated.Count; i++)
        {
            var g = generated[i];
            var county = counties.Single(c => c.Code == g.CountyCode);
            var enterpriseId = ids[g.CreditCode];
            var plan = new Plan(g, fates[i], enterpriseId,
                new CurrentUser($"demo-chair-{i}", g.Chair, Role.UnionChair, county.Id, enterpriseId),
                new CurrentUser($"demo-employer-{i}", g.Manager, Role.EmployerRepresentative, county.Id, enterpriseId),
                new CurrentUser($"demo-review-{county.Code}", $"{Short(county.Name)}人社局劳动关系科", Role.Reviewer, county.Id));
            plans.Add(plan);
            Schedule(plan, random);
        }

        // Run every step in time order, letting the clock (and the timers) move between them.
        var events = _events.OrderBy(e => e.At).ThenBy(e => e.Sequence).ToList();
        for (var i = 0; i < events.Count; i++)
        {
            await AdvanceToAsync(events[i].At, ct);
            await events[i].Act();
            if (progress is not null && (i + 1) % 500 == 0) progress.Report($"已推进 {i + 1} / {events.Count} 步（模拟日期 {clock.GetUtcNow().ToOffset(LocalOffset):yyyy-MM-dd}）");
        }
        var end = new DateTimeOffset(LastDay.ToDateTime(new TimeOnly(18, 0)), LocalOffset);
        await AdvanceToAsync(end, ct);

        var result = new YanchengDemoResult(campaignId, cityId,
            [.. plans.Select(p => new DemoEnterprise(counties.Single(c => c.Code == p.Source.CountyCode).Name, p.Source.Name, p.Source.CreditCode, p.Source.Industry,
                p.Source.Employees, p.Fate, p.RoundId, p.Fate == DemoFate.Effective ? p.Agreed : null) { EnterpriseId = p.EnterpriseId, Chair = p.Chair, Employer = p.Employer })],
            _commands, clock.GetUtcNow(), counties[0].Id);
        string Code(Guid county) => counties.Single(c => c.Id == county).Code;
        var showcase = counties[0].Id;
        var staffCounty = result.CountyWith(DemoFate.Overdue);
        var reviewCounty = result.CountyWith(DemoFate.Filed);
        var coordinationCounty = result.CountyWith(DemoFate.InCoordination);
        return result with
        {
            Cast = new DemoCast(
                result.Enterprises.Where(e => e.Fate == DemoFate.Bargaining).OrderBy(e => e.Chair!.OrganisationId == showcase ? 0 : 1).First(),
                new CurrentUser($"demo-staff-{Code(staffCounty)}", "陆晓燕", Role.CountyStaff, staffCounty),
                new CurrentUser($"demo-instructor-{Code(staffCounty)}", InstructorName, Role.Instructor, staffCounty),
                new CurrentUser($"demo-review-{Code(reviewCounty)}", "卞文静", Role.Reviewer, reviewCounty),
                new CurrentUser($"demo-coordinator-{Code(coordinationCounty)}", "季国平", Role.Coordinator, coordinationCounty)),
        };
    }


    /// <summary>Sizes from 30 to 2000, log-uniform: many small and medium firms, a few large ones.</summary>
    private static int Employees(Random random) => (int)Math.Round(Math.Exp(Math.Log(30) + random.NextDouble() * (Math.Log(2000) - Math.Log(30))));

    private sealed class Plan(Generated source, DemoFate fate, Guid enterpriseId, CurrentUser chair, CurrentUser employer, CurrentUser reviewer)
    {
        public Generated Source { get; } = source;
        public DemoFate Fate { get; } = fate;
        public Guid EnterpriseId { get; } = enterpriseId;
        public CurrentUser Chair { get; } = chair;
        public CurrentUser Employer { get; } = employer;
        public CurrentUser Reviewer { get; } = reviewer;
        public Guid? RoundId { get; set; }
        public decimal Agreed { get; set; }
    }

    private static List<DemoFate> Fates(int count, int counties, Random random)
    {
        DemoFate[] required = [DemoFate.None, DemoFate.Started, DemoFate.Offered, DemoFate.Overdue, DemoFate.Replied, DemoFate.Bargaining, DemoFate.CongressRejected,
            DemoFate.Signed, DemoFate.Filed, DemoFate.ReviewObjected, DemoFate.Effective, DemoFate.Closed, DemoFate.InCoordination];
        (DemoFate Fate, int Weight)[] weights =
        [
            (DemoFate.None, 8), (DemoFate.Started, 2), (DemoFate.Offered, 18), (DemoFate.Overdue, 8), (DemoFate.Replied, 6), (DemoFate.Bargaining, 12),
            (DemoFate.CongressRejected, 1), (DemoFate.Signed, 4), (DemoFate.Filed, 6), (DemoFate.ReviewObjected, 1), (DemoFate.Effective, 30), (DemoFate.Closed, 4),
            (DemoFate.InCoordination, 1),
        ];
        var fates = required.ToList();
        while (fates.Count < count) fates.Add(Pick(random, weights));
        // Shuffle so that the required fates fall in different counties.
        for (var i = fates.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (fates[i], fates[j]) = (fates[j], fates[i]);
        }
        // The first county (enterprises 0, counties, 2 × counties, …) gets something for every role to do: a round at the
        // table for the chair and the employer, an overdue reply for the county, a filing for the reviewer, a dispute
        // for the coordinator — as many as it has enterprises.
        DemoFate[] showcase = [DemoFate.Bargaining, DemoFate.Overdue, DemoFate.Filed, DemoFate.InCoordination];
        for (var k = 0; k < showcase.Length && k * counties < count; k++)
        {
            var slot = k * counties;
            var from = Enumerable.Range(0, count).First(j => fates[j] == showcase[k] && !(j % counties == 0 && j < slot));
            (fates[slot], fates[from]) = (fates[from], fates[slot]);
        }
        return fates;
    }

    /// <summary>Queues the steps of one enterprise's round, as days and hours after its offer.</summary>
    private void Schedule(Plan p, Random random)
    {
        if (p.Fate == DemoFate.None) return;
        // Overdue offers go out early in the campaign; pending ones in the last 19 days; the rest in the first three weeks.
        var offerDay = p.Fate switch
        {
            DemoFate.Overdue => CampaignStart.AddDays(random.Next(0, 18)),
            DemoFate.InCoordination => CampaignStart.AddDays(random.Next(10, 18)),
            DemoFate.Offered or DemoFate.Started => LastDay.AddDays(-random.Next(1, 19)),
            DemoFate.Filed => CampaignStart.AddDays(random.Next(10, 24)),
            _ => CampaignStart.AddDays(random.Next(0, 10)),
        };
        var day = offerDay;
        var agreed = 3m + random.Next(0, 13) * 0.5m;                       // 3 % … 9 %
        var ask = agreed + random.Next(1, 5) * 0.5m;
        var counter = Math.Max(1.5m, agreed - random.Next(1, 5) * 0.5m);
        p.Agreed = agreed;
        var comprehensive = p.Fate != DemoFate.Closed && random.Next(3) == 0;
        var procedure = p.Fate == DemoFate.Closed ? Procedure.Simplified : Procedure.Ordinary;
        var perSide = p.Source.Employees >= 300 ? 5 : 3;

        void At(DateOnly d, int hour, Func<Task> act) => _events.Add((new DateTimeOffset(d.ToDateTime(new TimeOnly(hour, 0)), LocalOffset), _events.Count, act));
        Task<Dictionary<string, Guid>> Topics() => WithDbAsync(db => db.Topics.AsNoTracking().Where(t => t.RoundId == p.RoundId).ToDictionaryAsync(t => t.Code, t => t.Id));

        At(day, 9, async () => p.RoundId = await SendAsync(new StartRoundCommand(p.EnterpriseId, comprehensive ? RoundKind.Comprehensive : RoundKind.Wage, procedure, Side.Worker), p.Chair));
        if (p.Fate == DemoFate.Started) return;
        List<TopicProposal> topics = [new(TopicCatalog.Pay, $"职工年平均工资增长{Percent(ask)}%", ask, "%")];
        if (comprehensive) topics.Add(new("rest-leave", "职工年休假在法定基础上增加1天"));
        if (p.Fate == DemoFate.Closed) topics = [new(TopicCatalog.Custom, "高温津贴每月300元", 300, "元/月", Title: "高温津贴")];
        At(day, 10, () => SendAsync(new MakeOfferCommand(p.RoundId!.Value, topics, offerDay, perSide), p.Chair));
        if (p.Fate is DemoFate.Offered or DemoFate.Overdue) return;
        if (p.Fate == DemoFate.InCoordination)
        {
            // No reply within the 20 days (Art 32): two days before the demo ends the union asks for coordination.
            At(LastDay.AddDays(-2), 10, () => SendAsync(new ApplyForCoordinationCommand(p.RoundId!.Value, Side.Worker,
                "企业方收到要约后逾期未作书面回应，经县总工会督促仍未回应，申请协调处理"), p.Chair));
            return;
        }

        day = day.AddDays(random.Next(3, 12));
        At(day, 10, () => SendAsync(new ReplyToOfferCommand(p.RoundId!.Value, Accept: true), p.Employer));
        if (p.Fate == DemoFate.Closed)
        {
            day = day.AddDays(random.Next(1, 4));
            At(day, 15, () => SendAsync(new SignOnTheSpotCommand(p.RoundId!.Value, Side.Worker, OnTheSpotRecord.Minutes, MeetingMeans.Phone, "高温津贴每月300元",
                Bare(p.Source.Chair), Bare(p.Source.Manager)), p.Chair));
            return;
        }
        if (p.Fate == DemoFate.Replied) return;

        day = day.AddDays(1);
        // Everyone at the table is a different person (Art 24), and the recorder is neither side's (Art 33).
        var people = new HashSet<string> { Bare(p.Source.Chair), Bare(p.Source.Manager) };
        var workerSide = Members(p.Source.Chair, "工会主席", WorkerPosts, perSide, people, random);
        var employerSide = Members(p.Source.Manager, "总经理", EmployerPosts, perSide, people, random);
        var recorder = Distinct(people, random);
        At(day, 9, () => SendAsync(new NameRepresentativesCommand(p.RoundId!.Value, Side.Worker, workerSide), p.Chair));
        At(day, 11, () => SendAsync(new NameRepresentativesCommand(p.RoundId!.Value, Side.Employer, employerSide, LegalRepresentative: Bare(p.Source.Manager)), p.Employer));

        day = day.AddDays(random.Next(2, 6));
        var meetingDay = day;
        At(day, 9, () => SendAsync(new ScheduleMeetingCommand(p.RoundId!.Value, Side.Worker, meetingDay, "公司工会会议室", Side.Worker, recorder), p.Chair));
        At(day, 10, async () => await SendAsync(new CounterProposeCommand((await Topics())[TopicCatalog.Pay], Side.Employer, $"职工年平均工资增长{Percent(counter)}%", counter, "%"), p.Employer));
        var middle = p.Fate == DemoFate.Bargaining ? Math.Round((ask + counter) / 2, 1) : agreed;
        At(day, 11, async () => await SendAsync(new CounterProposeCommand((await Topics())[TopicCatalog.Pay], Side.Worker, $"职工年平均工资增长{Percent(middle)}%", middle, "%"), p.Chair));
        At(day, 12, () => SendAsync(new RecordMeetingCommand(p.RoundId!.Value, Side.Worker, $"职工方提出增长{Percent(ask)}%，企业方提出{Percent(counter)}%，职工方调整为{Percent(middle)}%"), p.Chair));
        if (p.Fate == DemoFate.Bargaining) return;

        At(day, 14, async () => await SendAsync(new AgreeTopicCommand((await Topics())[TopicCatalog.Pay], Side.Employer), p.Employer));
        if (comprehensive)
            At(day, 15, async () => await SendAsync(new WithdrawTopicCommand((await Topics())["rest-leave"], Side.Worker, "并入下一年度综合集体合同协商"), p.Chair));
        At(day, 16, () => SendAsync(new ConcludeCommand(p.RoundId!.Value, Side.Worker), p.Chair));
        At(day, 16, () => SendAsync(new ConcludeCommand(p.RoundId!.Value, Side.Employer), p.Employer));
        // The term (Art 38): a wage agreement for a year, a comprehensive contract for three, from the next month's first day.
        var termStarts = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
        var termEnds = termStarts.AddMonths(comprehensive ? 36 : 12).AddDays(-1);
        At(day, 17, () => SendAsync(new AgreeContractTermCommand(p.RoundId!.Value, Side.Worker, termStarts, termEnds), p.Chair));

        day = day.AddDays(random.Next(3, 8));
        var (entitled, present, inFavour) = Vote(p.Source.Employees, random, adopt: p.Fate != DemoFate.CongressRejected);
        At(day, 14, async () =>
        {
            var result = await SendAsync(new RecordCongressVoteCommand(p.RoundId!.Value, entitled, present, inFavour), p.Chair);
            if (result.Adopted != (p.Fate != DemoFate.CongressRejected)) throw new InvalidOperationException($"unexpected congress result: {result.Reason}");
        });
        if (p.Fate == DemoFate.CongressRejected) return;

        day = day.AddDays(1);
        At(day, 10, () => SendAsync(new SignCommand(p.RoundId!.Value, Side.Worker), p.Chair));
        At(day, 11, () => SendAsync(new SignCommand(p.RoundId!.Value, Side.Employer), p.Employer));
        if (p.Fate == DemoFate.Signed) return;

        // Filed within 5 days of signing, so that the contracts meant to take effect do so by the last day; those
        // still under review were filed in the last fortnight.
        day = p.Fate == DemoFate.Filed ? Max(day.AddDays(1), LastDay.AddDays(-random.Next(0, 12))) : day.AddDays(random.Next(1, 6));
        var filedOn = day;
        At(day, 10, () => SendAsync(new FileContractCommand(p.RoundId!.Value, filedOn), p.Employer));
        if (p.Fate == DemoFate.Filed) return;
        if (p.Fate == DemoFate.ReviewObjected)
        {
            At(day.AddDays(random.Next(3, 12)), 10, async () =>
                await SendAsync(new RecordReviewObjectionCommand(p.RoundId!.Value, ReviewOpinion, [(await Topics())[TopicCatalog.Pay]]), p.Reviewer));
            return;
        }
        // Effective by the timer once the 15 days lapse (Art 47); most unions then publish it (Art 48).
        var publishOn = day.AddDays(20 + random.Next(0, 4));             // after the review period, holidays included
        if (publishOn <= LastDay && random.Next(4) != 0)
            At(publishOn, 10, () => SendAsync(new PublishCommand(p.RoundId!.Value, publishOn, "厂务公开栏及职工微信群"), p.Chair));
    }


    private async Task<T> SendAsync<T>(IRequest<T> request, CurrentUser user, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        ((FixedCurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUserAccessor>()).User = user;
        _commands++;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, ct);
    }

    private async Task<T> WithDbAsync<T>(Func<BargainingDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BargainingDbContext>());
    }

    /// <summary>Moves the clock to <paramref name="target"/>, stopping at every timer due on the way so each fires at its due time.</summary>
    private async Task AdvanceToAsync(DateTimeOffset target, CancellationToken ct)
    {
        if (target <= clock.GetUtcNow()) return;
        var processor = services.GetRequiredService<WorkflowTimerProcessor>();
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var next = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().NextDueAsync(ct);
            if (next is not { } due || due > target) break;
            if (due > clock.GetUtcNow()) clock.SetUtcNow(due);
            if (await processor.RunOnceAsync(ct) == 0) throw new InvalidOperationException($"a timer due at {due:O} could not fire");
        }
        clock.SetUtcNow(target);
    }
}
