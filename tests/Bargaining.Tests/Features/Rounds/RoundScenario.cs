using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Rules;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Rounds;

/// <summary>
/// A Yandu enterprise (union chair 王建国) on a fresh database on Monday 2 March 2026, the people who act for it, and
/// the steps that lead a round to the step a test checks.
/// </summary>
public abstract class RoundScenario : IAsyncLifetime
{
    protected BargainingHost Host { get; private set; } = null!;
    protected Enterprise Hengda { get; private set; } = null!;
    protected Organisation Yandu { get; private set; } = null!;
    protected Organisation Tinghu { get; private set; } = null!;

    /// <summary>The <c>workflows/</c> folder the host loads; the repository's unless a scenario needs other profiles.</summary>
    protected virtual string? WorkflowsDirectory => null;

    /// <summary>How far the application's clock moves on each read; none by default (<see cref="TickingClock"/>).</summary>
    protected virtual TimeSpan? ClockTickPerRead => null;

    public async Task InitializeAsync()
    {
        Host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9), WorkflowsDirectory, tickPerRead: ClockTickPerRead);
        await Host.ImportOrganisationsAsync();
        Yandu = await Host.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Code == "320903"));
        Tinghu = await Host.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Code == "320902"));
        Hengda = new Enterprise(Yandu.Id, "盐城恒达精密机械有限公司", "91320903MA1XY0001" + CreditCode.CheckCharacter("91320903MA1XY0001"), "制造业", "私营企业", 320, 96,
            "盐城恒达精密机械有限公司工会委员会", "王建国");
        await Host.WithDbAsync(async db => { db.Enterprises.Add(Hengda); return await db.SaveChangesAsync(); });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected CurrentUser Chair => new("u-chair", "王建国", Role.UnionChair, Yandu.Id, Hengda.Id);
    protected CurrentUser Employer => new("u-employer", "李明", Role.EmployerRepresentative, Yandu.Id, Hengda.Id);
    protected CurrentUser YanduStaff => new("u-yandu", "盐都区总工会 张敏", Role.CountyStaff, Yandu.Id);
    protected CurrentUser TinghuStaff => new("u-tinghu", "亭湖区总工会 李华", Role.CountyStaff, Tinghu.Id);

    protected DateOnly Today => DateOnly.FromDateTime(Host.Clock.GetUtcNow().ToOffset(China.Offset).DateTime);

    protected static TopicProposal WageRise(decimal percent) => new(TopicCatalog.Pay, $"职工年平均工资增长{percent}%", percent, "%");

    protected Task<Guid> StartAsync(Procedure procedure = Procedure.Ordinary, RoundKind kind = RoundKind.Wage, Side offeringSide = Side.Worker) =>
        Host.SendAsync(new StartRoundCommand(Hengda.Id, kind, procedure, offeringSide), YanduStaff);

    /// <summary>The union offers a 6 % rise, received today.</summary>
    protected async Task<Guid> OfferedAsync(int? perSide = 3)
    {
        var round = await StartAsync();
        await Host.SendAsync(new MakeOfferCommand(round, [WageRise(6)], Today, perSide), Chair);
        return round;
    }

    /// <summary>The employer accepts.</summary>
    protected async Task<Guid> AcceptedAsync()
    {
        var round = await OfferedAsync();
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true), Employer);
        return round;
    }

    protected static Nominee Member(string name, bool chief = false, bool outsider = false, string? id = null) => new(name, id, chief, outsider);

    protected static IReadOnlyList<Nominee> WorkerSide(int count = 3) =>
        [Member("王建国", chief: true), .. Enumerable.Range(1, count - 1).Select(i => Member($"职工代表{i}"))];

    protected static IReadOnlyList<Nominee> EmployerSide(int count = 3) =>
        [Member("李明", chief: true), .. Enumerable.Range(1, count - 1).Select(i => Member($"企业代表{i}"))];

    /// <summary>Both sides named, the meeting scheduled: the round is at the bargaining table.</summary>
    protected async Task<Guid> AtTheTableAsync()
    {
        var round = await PreparedAsync();
        await Host.SendAsync(FirstMeeting(round), Chair);
        await Host.AssertAtAsync(round, "bargaining");
        return round;
    }

    /// <summary>Both sides named: the round is in preparation (Art 33).</summary>
    protected async Task<Guid> PreparedAsync()
    {
        var round = await AcceptedAsync();
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), Employer);
        return round;
    }

    /// <summary>The first meeting today in the union's meeting room, chaired by the worker chief, 张丽 recording.</summary>
    protected ScheduleMeetingCommand FirstMeeting(Guid round) => new(round, Side.Worker, Today, "公司工会会议室", Side.Worker, "张丽");

    /// <summary>The three-year term from 1 April 2026 to 31 March 2029 both sides agreed (Art 38).</summary>
    protected static readonly (DateOnly Starts, DateOnly Ends) ThreeYears = (new DateOnly(2026, 4, 1), new DateOnly(2029, 3, 31));

    /// <summary>The worker chief records <see cref="ThreeYears"/> as the contract's term.</summary>
    protected Task AgreeTermAsync(Guid round, CurrentUser? chair = null) =>
        Host.SendAsync(new AgreeContractTermCommand(round, Side.Worker, ThreeYears.Starts, ThreeYears.Ends), chair ?? Chair);

    /// <summary>The minutes of the meeting held today (Art 34).</summary>
    protected Task HeldAsync(Guid round, CurrentUser? chair = null) =>
        Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "双方就职工年平均工资增长幅度进行协商"), chair ?? Chair);

    /// <summary>Both chiefs sign the draft, the worker chief first (Art 36); returns the draft formed.</summary>
    protected async Task<IReadOnlyList<DraftClauseView>> ConcludedAsync(Guid round, CurrentUser? chair = null, CurrentUser? employer = null)
    {
        await Host.SendAsync(new ConcludeCommand(round, Side.Worker), chair ?? Chair);
        return await Host.SendAsync(new ConcludeCommand(round, Side.Employer), employer ?? Employer);
    }

    /// <summary>At the table, the employer accepts the 6 % rise, the meeting is minuted and both chiefs conclude with a three-year term: the draft is before the congress.</summary>
    protected async Task<Guid> DraftedAsync()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), Employer);
        await HeldAsync(round);
        await ConcludedAsync(round);
        await AgreeTermAsync(round);
        await Host.AssertAtAsync(round, "congress");
        return round;
    }

    /// <summary>180 deputies: 150 present, 140 in favour (Art 36).</summary>
    protected async Task<Guid> AdoptedAsync()
    {
        var round = await DraftedAsync();
        Assert.True((await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Chair)).Adopted);
        return round;
    }

    /// <summary>Adopted and signed by both chiefs today.</summary>
    protected async Task<Guid> SignedAsync()
    {
        var round = await AdoptedAsync();
        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Employer), Employer);
        return round;
    }

    /// <summary>Signed and received by the labour bureau today.</summary>
    protected async Task<Guid> FiledAsync()
    {
        var round = await SignedAsync();
        await Host.SendAsync(new FileContractCommand(round, Today), Employer);
        await Host.AssertAtAsync(round, "review");
        return round;
    }

    protected CurrentUser YanduReviewer => new("u-review", "盐都区人社局 周审", Role.Reviewer, Yandu.Id);
    protected CurrentUser TinghuReviewer => new("u-review-th", "亭湖区人社局 吴审", Role.Reviewer, Tinghu.Id);

    protected Task<Round> RoundAsync(Guid id) => Host.WithDbAsync(db => db.Rounds.SingleAsync(r => r.Id == id));

    protected Task<List<Topic>> TopicsAsync(Guid round) =>
        Host.WithDbAsync(db => db.Topics.Include(t => t.Positions).Where(t => t.RoundId == round).OrderBy(t => t.Id).ToListAsync());

    protected Task<int> CountAsync<T>() where T : class => Host.WithDbAsync(db => db.Set<T>().CountAsync());

    protected static async Task<DomainException> RefusedAsync(Func<Task> send, FailureKind kind)
    {
        var e = await Assert.ThrowsAsync<DomainException>(send);
        Assert.True(kind == e.Kind, $"expected {kind}, got {e.Kind}: {e.Code} {e.Message}");
        return e;
    }

    /// <summary>Another enterprise of the unit; its number (2 to 99) makes its credit code.</summary>
    protected async Task<Enterprise> AddEnterpriseAsync(Organisation unit, string name, int number, int employees, bool union = true)
    {
        var code = $"913209{number:D2}MA1XY000{number % 10}";
        var enterprise = new Enterprise(unit.Id, name, code + CreditCode.CheckCharacter(code), "制造业", "私营企业", employees, employees / 3,
            union ? name + "工会委员会" : null, union ? "工会主席" + number : null);
        await Host.WithDbAsync(async db => { db.Enterprises.Add(enterprise); return await db.SaveChangesAsync(); });
        return enterprise;
    }

    /// <summary>A vote that adopts the draft: these figures, or all of a smaller enterprise's workers (never more deputies than workers).</summary>
    protected static RecordCongressVoteCommand AdoptingVote(Guid round, Enterprise e, int entitled = 180, int present = 150, int inFavour = 140) =>
        e.Employees >= entitled ? new(round, entitled, present, inFavour) : new(round, e.Employees, e.Employees, e.Employees);

    protected static CurrentUser ChairOf(Enterprise e) => new($"u-chair-{e.Id}", e.ChairName!, Role.UnionChair, e.OrganisationId, e.Id);

    protected static CurrentUser EmployerOf(Enterprise e) => new($"u-employer-{e.Id}", "企业方代表", Role.EmployerRepresentative, e.OrganisationId, e.Id);

    /// <summary>Offered, accepted, named, agreed at 6 %, with the three-year term, adopted and signed by both chiefs today.</summary>
    protected async Task<Guid> SignedAsync(Enterprise e, RoundKind kind = RoundKind.Wage)
    {
        var staff = e.OrganisationId == Yandu.Id ? YanduStaff : TinghuStaff;
        var round = await Host.SendAsync(new StartRoundCommand(e.Id, kind, Procedure.Ordinary, Side.Worker), staff);
        await Host.SendAsync(new MakeOfferCommand(round, [WageRise(6)], Today, 3), ChairOf(e));
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true), EmployerOf(e));
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, [Member(e.ChairName!, chief: true), Member("蔡文斌"), Member("顾玉兰")]), ChairOf(e));
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer, [Member("马德明", chief: true), Member("施晓东"), Member("葛春华")], LegalRepresentative: "马德明"), EmployerOf(e));
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Worker, Today, "公司会议室", Side.Worker, "夏雨桐"), ChairOf(e));
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), EmployerOf(e));
        await HeldAsync(round, ChairOf(e));
        await ConcludedAsync(round, ChairOf(e), EmployerOf(e));
        await AgreeTermAsync(round, ChairOf(e));
        await Host.SendAsync(AdoptingVote(round, e, 90, 80, 70), ChairOf(e));
        await Host.SendAsync(new SignCommand(round, Side.Worker), ChairOf(e));
        await Host.SendAsync(new SignCommand(round, Side.Employer), EmployerOf(e));
        return round;
    }
}
