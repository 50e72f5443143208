using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Views;
using Bargaining.Rules;
using Bargaining.Tests.Shared;
using Bargaining.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Tests.Api;

/// <summary>
/// One enterprise's union chair and employer representative, each signed in with a client of their own, and the API
/// calls that bring a round of theirs to the step a test checks (as <c>RoundScenario</c> does through commands).
/// </summary>
public sealed class RoundTable(WebAppFactory app, Enterprise enterprise, HttpClient chair, HttpClient employer) : IDisposable
{
    public Enterprise Enterprise { get; } = enterprise;
    public HttpClient Chair { get; private set; } = chair;
    public HttpClient Employer { get; private set; } = employer;

    public static async Task<RoundTable> SeatAsync(WebAppFactory app, string enterprise)
    {
        var e = app.Enterprises[enterprise];
        return new RoundTable(app, e,
            await app.SignedInAsync(Role.UnionChair, e.OrganisationId, e.Id),
            await app.SignedInAsync(Role.EmployerRepresentative, e.OrganisationId, e.Id));
    }

    /// <summary>Both sign in again (after the clock has moved past their cookies' 8 hours).</summary>
    public async Task SignInAgainAsync()
    {
        Chair.Dispose();
        Employer.Dispose();
        Chair = await app.SignedInAsync(Role.UnionChair, Enterprise.OrganisationId, Enterprise.Id);
        Employer = await app.SignedInAsync(Role.EmployerRepresentative, Enterprise.OrganisationId, Enterprise.Id);
    }

    /// <summary>Today in China, by the application's clock.</summary>
    public DateOnly Today => app.Today;

    public static TopicProposal WageRise(decimal percent) => new(TopicCatalog.Pay, $"职工年平均工资增长{percent}%", percent, "%");

    /// <summary>
    /// The tests of a class share the enterprise, and an enterprise runs one round of a kind at a time: the earlier
    /// tests' rounds of <paramref name="kind"/> are set aside, as if they had ended.
    /// </summary>
    public Task SetAsideRunningAsync(RoundKind kind) =>
        app.WithDbAsync(db => db.Rounds.Where(r => r.EnterpriseId == Enterprise.Id && r.Kind == kind && r.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Running, false)));

    /// <summary>A vote adopting the draft: 180 deputies, 150 present, 140 in favour, or all the workers of a smaller enterprise (Art 36).</summary>
    public RecordCongressVoteCommand AdoptingVote(Guid round) => Enterprise.Employees >= 180
        ? new RecordCongressVoteCommand(round, 180, 150, 140)
        : new RecordCongressVoteCommand(round, Enterprise.Employees, Enterprise.Employees, Enterprise.Employees);

    public async Task<Guid> StartAsync(RoundKind kind = RoundKind.Wage)
    {
        await SetAsideRunningAsync(kind);
        var response = await Chair.PostJsonAsync("/api/rounds", new StartRoundCommand(Enterprise.Id, kind, Procedure.Ordinary, Side.Worker));
        var created = await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/rounds/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>The union offers a 6 % rise, received today (in a wage round unless <c>kind</c> says otherwise).</summary>
    public async Task<Guid> OfferedAsync(RoundKind kind = RoundKind.Wage)
    {
        var round = await StartAsync(kind);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/offer", new MakeOfferCommand(round, [WageRise(6)], app.Today, 3))).ExpectAsync(HttpStatusCode.NoContent);
        return round;
    }

    public async Task<Guid> AcceptedAsync(RoundKind kind = RoundKind.Wage)
    {
        var round = await OfferedAsync(kind);
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, true))).ExpectAsync(HttpStatusCode.NoContent);
        return round;
    }

    public static IReadOnlyList<Nominee> Members(string chief, string member) =>
        [new(chief, null, true, false), new($"{member}1", null, false, false), new($"{member}2", null, false, false)];

    public async Task<Guid> PreparedAsync(RoundKind kind = RoundKind.Wage)
    {
        var round = await AcceptedAsync(kind);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/representatives", new NameRepresentativesCommand(round, Side.Worker, Members(Enterprise.ChairName!, "职工代表")))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/representatives", new NameRepresentativesCommand(round, Side.Employer, Members("李明", "企业代表"), LegalRepresentative: "李明")))
            .ExpectAsync(HttpStatusCode.NoContent);
        return round;
    }

    /// <summary>The first meeting today in the union's meeting room, chaired by the worker chief.</summary>
    public async Task<Guid> AtTheTableAsync(RoundKind kind = RoundKind.Wage)
    {
        var round = await PreparedAsync(kind);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/meetings", new ScheduleMeetingCommand(round, Side.Worker, app.Today, "公司工会会议室", Side.Worker, "张丽"))).ExpectAsync(HttpStatusCode.OK);
        return round;
    }

    /// <summary>The employer accepts the 6 % rise and the meeting is minuted: both chiefs may conclude.</summary>
    public async Task<Guid> ReadyToConcludeAsync()
    {
        var round = await AtTheTableAsync();
        var pay = await PayTopicAsync(round);
        await (await Employer.PostJsonAsync($"/api/topics/{pay}/agree", new AgreeTopicCommand(pay, Side.Employer))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/minutes", new RecordMeetingCommand(round, Side.Worker, "双方就职工年平均工资增长6%达成一致"))).ExpectAsync(HttpStatusCode.NoContent);
        return round;
    }

    /// <summary>Ready to conclude, and both chiefs conclude: the draft is before the congress.</summary>
    public async Task<Guid> DraftedAsync()
    {
        var round = await ReadyToConcludeAsync();
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/conclude", new ConcludeCommand(round, Side.Worker))).ExpectAsync(HttpStatusCode.OK);
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/conclude", new ConcludeCommand(round, Side.Employer))).ExpectAsync(HttpStatusCode.OK);
        return round;
    }

    /// <summary>180 deputies: 150 present, 140 in favour (Art 36).</summary>
    public async Task<Guid> AdoptedAsync()
    {
        var round = await DraftedAsync();
        var vote = await (await Chair.PostJsonAsync($"/api/rounds/{round}/congress-vote", AdoptingVote(round))).ReadAsync<CongressVoteResult>();
        Assert.True(vote.Adopted, vote.Reason);
        return round;
    }

    /// <summary>Three years from the first of next month (Art 38 allows 1 to 3).</summary>
    public AgreeContractTermCommand Term(Guid round, Side side) => new(round, side, app.Today.AddDays(30), app.Today.AddDays(30).AddYears(3).AddDays(-1));

    /// <summary>Adopted and the term agreed: both chiefs may sign.</summary>
    public async Task<Guid> TermAgreedAsync()
    {
        var round = await AdoptedAsync();
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/term", Term(round, Side.Worker))).ExpectAsync(HttpStatusCode.NoContent);
        return round;
    }

    /// <summary>Adopted, the term agreed and signed by both chiefs today.</summary>
    public async Task<Guid> SignedAsync()
    {
        var round = await TermAgreedAsync();
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/sign", new SignCommand(round, Side.Worker))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/sign", new SignCommand(round, Side.Employer))).ExpectAsync(HttpStatusCode.NoContent);
        return round;
    }

    public async Task<(Guid Round, FilingResult Filing)> FiledAsync()
    {
        var round = await SignedAsync();
        var filing = await (await Employer.PostJsonAsync($"/api/rounds/{round}/filing", new FileContractCommand(round, app.Today))).ReadAsync<FilingResult>();
        return (round, filing);
    }

    /// <summary>
    /// A contract filed today, effective when its 15 days of review have passed and published 30 days on (the clock
    /// moves, so the sides sign in again); with the verification code printed on it.
    /// </summary>
    public async Task<(Guid Round, string Code)> PublishedAsync()
    {
        var (round, _) = await FiledAsync();
        await app.AdvanceToAsync(app.Clock.GetUtcNow().AddDays(30));
        await SignInAgainAsync();
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/publication", new PublishCommand(round, app.Today, "厂务公开栏"))).ExpectAsync(HttpStatusCode.NoContent);
        var contract = await Chair.GetAsync($"/Rounds/{round}?handler=Document&kind=Contract");
        return (round, PrintedPdf.VerificationCode(PrintedPdf.Text(await contract.Content.ReadAsByteArrayAsync())));
    }

    /// <summary>How many positions the round's topics hold (the append-only history of the table).</summary>
    public Task<int> PositionsAsync(Guid round) =>
        app.WithDbAsync(db => db.Positions.CountAsync(p => db.Topics.Any(t => t.Id == p.TopicId && t.RoundId == round)));

    public Task<Guid> PayTopicAsync(Guid round) =>
        app.WithDbAsync(db => db.Topics.Where(t => t.RoundId == round && t.Code == TopicCatalog.Pay).Select(t => t.Id).SingleAsync());

    public async Task<RoundTimeline> TimelineAsync(Guid round, HttpClient? as_ = null) =>
        await (await (as_ ?? Chair).GetAsync($"/api/rounds/{round}")).ReadAsync<RoundTimeline>();

    public void Dispose()
    {
        Chair.Dispose();
        Employer.Dispose();
    }
}
