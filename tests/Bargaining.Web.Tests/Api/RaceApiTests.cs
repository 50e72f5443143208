using System.Net;
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
using Bargaining.Workflows;
using Bargaining.Workflows.Hosting;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Bargaining.Web.Tests.Api;

/// <summary>
/// Two commands that can race on one round, sent at once from two clients released together, again and again
/// (<c>BARGAINING_RACE_ITERATIONS</c>, 3 by default): where only one may win exactly one does and the other is refused
/// in Chinese (400, 409 or 422), never 500; where both may win both do; the round's journal verifies, holds the
/// step's signal once, and the round still reads. A command racing a deadline timer is taken once, the deadline firing
/// at most once and never after it. On SQLite the writer gate serialises the two; on PostgreSQL they truly overlap.
/// </summary>
public sealed class RaceApiTests(WebAppFactory app, ITestOutputHelper output) : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private const string Hengda = "盐城恒达精密机械有限公司";

    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("BARGAINING_RACE_ITERATIONS"), out var n) && n > 0 ? n : 3;

    private RoundTable _table = null!;
    private HttpClient _chair2 = null!, _employer2 = null!, _staff = null!, _reviewer = null!, _reviewer2 = null!;

    /// <summary>How many of the two may win.</summary>
    private enum Winners { One, Both, Either }

    /// <summary>
    /// A pair: the step its round is brought to, the two requests, how many may win, and a workflow signal the race
    /// must journal exactly once.
    /// </summary>
    private sealed record Race(string Name, Func<RaceApiTests, Task<Guid>> Setup,
        Func<RaceApiTests, Guid, Task<HttpResponseMessage>> First, Func<RaceApiTests, Guid, Task<HttpResponseMessage>> Second,
        Winners Winners, string? Signal = null);

    private HttpClient Chair => _table.Chair;
    private HttpClient Employer => _table.Employer;
    private DateOnly Today => app.Today;

    private static readonly Race[] Races =
    [
        new("two offers", t => t._table.StartAsync(),
            (t, r) => t.Chair.PostJsonAsync($"/api/rounds/{r}/offer", new MakeOfferCommand(r, [RoundTable.WageRise(6)], t.Today, 3)),
            (t, r) => t._chair2.PostJsonAsync($"/api/rounds/{r}/offer", new MakeOfferCommand(r, [RoundTable.WageRise(7)], t.Today, 3)), Winners.One, Signals.SendOffer),
        new("two replies to one offer", t => t._table.OfferedAsync(),
            (t, r) => t.Employer.PostJsonAsync($"/api/rounds/{r}/reply", new ReplyToOfferCommand(r, true)),
            (t, r) => t._employer2.PostJsonAsync($"/api/rounds/{r}/reply", new ReplyToOfferCommand(r, true)), Winners.One, Signals.Accept),
        new("accepting and refusing one offer", t => t._table.OfferedAsync(),
            (t, r) => t.Employer.PostJsonAsync($"/api/rounds/{r}/reply", new ReplyToOfferCommand(r, true)),
            (t, r) => t._employer2.PostJsonAsync($"/api/rounds/{r}/reply", new ReplyToOfferCommand(r, false, "企业经营困难，暂不具备协商条件")), Winners.One),
        new("urging and replying", t => t._table.OfferedAsync(),
            (t, r) => t.Employer.PostJsonAsync($"/api/rounds/{r}/reply", new ReplyToOfferCommand(r, true)),
            (t, r) => t._staff.PostJsonAsync($"/api/rounds/{r}/urge", new UrgeReplyCommand(r, "电话督促")), Winners.Either),
        new("one side naming its representatives twice", t => t._table.AcceptedAsync(),
            (t, r) => t.Chair.PostJsonAsync($"/api/rounds/{r}/representatives", t.Representatives(r, Side.Worker)),
            (t, r) => t._chair2.PostJsonAsync($"/api/rounds/{r}/representatives", t.Representatives(r, Side.Worker)), Winners.One, Signals.NameRepresentatives),
        new("both sides naming their representatives", t => t._table.AcceptedAsync(),
            (t, r) => t.Chair.PostJsonAsync($"/api/rounds/{r}/representatives", t.Representatives(r, Side.Worker)),
            (t, r) => t.Employer.PostJsonAsync($"/api/rounds/{r}/representatives", t.Representatives(r, Side.Employer)), Winners.Both),
        new("two meetings scheduled", t => t._table.PreparedAsync(),
            (t, r) => t.Chair.PostJsonAsync($"/api/rounds/{r}/meetings", new ScheduleMeetingCommand(r, Side.Worker, t.Today, "公司工会会议室", Side.Worker, "张丽")),
            (t, r) => t._chair2.PostJsonAsync($"/api/rounds/{r}/meetings", new ScheduleMeetingCommand(r, Side.Worker, t.Today.AddDays(1), "公司会议室", Side.Worker, "张丽")), Winners.One, Signals.ScheduleMeeting),
        new("two minutes of one meeting", t => t._table.AtTheTableAsync(),
            (t, r) => t.Chair.PostJsonAsync($"/api/rounds/{r}/minutes", new RecordMeetingCommand(r, Side.Worker, "职工方提出增长6%")),
            (t, r) => t._chair2.PostJsonAsync($"/api/rounds/{r}/minutes", new RecordMeetingCommand(r, Side.Worker, "职工方提出增长6%，企业方未回应")), Winners.One, Signals.RecordMeeting),
        new("two counterproposals on one topic", t => t._table.AtTheTableAsync(),
            async (t, r) => await t.Employer.PostJsonAsync($"/api/topics/{await t._table.PayTopicAsync(r)}/counter", new CounterProposeCommand(await t._table.PayTopicAsync(r), Side.Employer, "职工年平均工资增长4%", 4, "%")),
            async (t, r) => await t._employer2.PostJsonAsync($"/api/topics/{await t._table.PayTopicAsync(r)}/counter", new CounterProposeCommand(await t._table.PayTopicAsync(r), Side.Employer, "职工年平均工资增长3%", 3, "%")), Winners.One),
        new("countering and agreeing one topic", t => t._table.AtTheTableAsync(),
            async (t, r) => await t.Employer.PostJsonAsync($"/api/topics/{await t._table.PayTopicAsync(r)}/counter", new CounterProposeCommand(await t._table.PayTopicAsync(r), Side.Employer, "职工年平均工资增长4%", 4, "%")),
            async (t, r) => await t._employer2.PostJsonAsync($"/api/topics/{await t._table.PayTopicAsync(r)}/agree", new AgreeTopicCommand(await t._table.PayTopicAsync(r), Side.Employer)), Winners.One),
        new("agreeing and withdrawing one topic", t => t._table.AtTheTableAsync(),
            async (t, r) => await t.Employer.PostJsonAsync($"/api/topics/{await t._table.PayTopicAsync(r)}/agree", new AgreeTopicCommand(await t._table.PayTopicAsync(r), Side.Employer)),
            async (t, r) => await t.Chair.PostJsonAsync($"/api/topics/{await t._table.PayTopicAsync(r)}/withdraw", new WithdrawTopicCommand(await t._table.PayTopicAsync(r), Side.Worker, "并入下一年度协商")), Winners.One),
        new("withdrawing a topic and proposing on it", t => t._table.AtTheTableAsync(),
            async (t, r) => await t.Chair.PostJsonAsync($"/api/topics/{await t._table.PayTopicAsync(r)}/withdraw", new WithdrawTopicCommand(await t._table.PayTopicAsync(r), Side.Worker, "并入下一年度协商")),
            (t, r) => t._chair2.PostJsonAsync($"/api/rounds/{r}/topics", new ProposeCommand(r, Side.Worker, RoundTable.WageRise(5))), Winners.Either),
        new("both sides concluding", t => t._table.ReadyToConcludeAsync(),
            (t, r) => t.Chair.PostJsonAsync($"/api/rounds/{r}/conclude", new ConcludeCommand(r, Side.Worker)),
            (t, r) => t.Employer.PostJsonAsync($"/api/rounds/{r}/conclude", new ConcludeCommand(r, Side.Employer)), Winners.Both, Signals.Conclude),   // journalled once, when the second chief concludes
        new("two congress votes", t => t._table.DraftedAsync(),
            (t, r) => t.Chair.PostJsonAsync($"/api/rounds/{r}/congress-vote", t._table.AdoptingVote(r)),
            (t, r) => t._chair2.PostJsonAsync($"/api/rounds/{r}/congress-vote", t._table.AdoptingVote(r)), Winners.One, Signals.RecordVote),
        new("both sides signing", t => t._table.TermAgreedAsync(),
            (t, r) => t.Chair.PostJsonAsync($"/api/rounds/{r}/sign", new SignCommand(r, Side.Worker)),
            (t, r) => t.Employer.PostJsonAsync($"/api/rounds/{r}/sign", new SignCommand(r, Side.Employer)), Winners.Both),
        new("one side signing twice", t => t._table.TermAgreedAsync(),
            (t, r) => t.Chair.PostJsonAsync($"/api/rounds/{r}/sign", new SignCommand(r, Side.Worker)),
            (t, r) => t._chair2.PostJsonAsync($"/api/rounds/{r}/sign", new SignCommand(r, Side.Worker)), Winners.One, Signals.Sign),
        new("two filings", t => t._table.SignedAsync(),
            (t, r) => t.Employer.PostJsonAsync($"/api/rounds/{r}/filing", new FileContractCommand(r, t.Today)),
            (t, r) => t._employer2.PostJsonAsync($"/api/rounds/{r}/filing", new FileContractCommand(r, t.Today)), Winners.One, Signals.File),
        new("two review clearances", async t => (await t._table.FiledAsync()).Round,
            (t, r) => t._reviewer.PostJsonAsync($"/api/rounds/{r}/review/clearance", new RecordReviewClearanceCommand(r, "经审查，合同内容符合法律法规规定")),
            (t, r) => t._reviewer2.PostJsonAsync($"/api/rounds/{r}/review/clearance", new RecordReviewClearanceCommand(r, "符合规定")), Winners.One, Signals.Clear),
        new("a review clearance and an objection", async t => (await t._table.FiledAsync()).Round,
            (t, r) => t._reviewer.PostJsonAsync($"/api/rounds/{r}/review/clearance", new RecordReviewClearanceCommand(r, "经审查，合同内容符合法律法规规定")),
            async (t, r) => await t._reviewer2.PostJsonAsync($"/api/rounds/{r}/objection", new RecordReviewObjectionCommand(r, "工资增长条款未明确执行时间", [await t._table.PayTopicAsync(r)])), Winners.One),
    ];

    /// <summary>The pairs by name, one test case each.</summary>
    public static TheoryData<string> Pairs => new(Races.Select(r => r.Name));

    public async Task InitializeAsync()
    {
        _table = await RoundTable.SeatAsync(app, Hengda);
        await SignInOthersAsync();
    }

    private async Task SignInOthersAsync()
    {
        var e = _table.Enterprise;
        _chair2 = await app.SignedInAsync(Role.UnionChair, e.OrganisationId, e.Id);
        _employer2 = await app.SignedInAsync(Role.EmployerRepresentative, e.OrganisationId, e.Id);
        _staff = await app.SignedInAsync(Role.CountyStaff, e.OrganisationId);
        _reviewer = await app.SignedInAsync(Role.Reviewer, e.OrganisationId);
        _reviewer2 = await app.SignedInAsync(Role.Reviewer, e.OrganisationId);
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { _chair2, _employer2, _staff, _reviewer, _reviewer2 }) client.Dispose();
        _table.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Two_commands_racing_on_one_round_leave_one_winner_or_both_once_and_a_journal_that_verifies(string pair)
    {
        var race = Races.Single(r => r.Name == pair);
        var tally = new Dictionary<string, int>();
        for (var i = 0; i < Iterations; i++)
        {
            var round = await race.Setup(this);
            var signalled = await SignalCountAsync(round, race.Signal);

            var (first, second) = await AtOnceAsync(() => race.First(this, round), () => race.Second(this, round));

            var won = new[] { first, second }.Count(r => r.IsSuccessStatusCode);
            var outcome = $"{(int)first.StatusCode}/{(int)second.StatusCode}";
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            foreach (var response in new[] { first, second }.Where(r => !r.IsSuccessStatusCode))
            {
                Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity,
                    $"{pair}: {outcome} {await response.Content.ReadAsStringAsync()}");
                await response.ProblemAsync(response.StatusCode);
            }
            switch (race.Winners)
            {
                case Winners.One: Assert.True(won == 1, $"{pair}: {outcome}, expected exactly one winner"); break;
                case Winners.Both: Assert.True(won == 2, $"{pair}: {outcome}, expected both to succeed"); break;
                default: Assert.True(won >= 1, $"{pair}: {outcome}, expected at least one winner"); break;
            }
            if (race.Signal is not null && await SignalCountAsync(round, race.Signal) != signalled + 1)
            {
                var journal = await app.WithDbAsync(db => db.Set<WorkflowJournalRecord>().AsNoTracking().Where(j => j.InstanceId == round).OrderBy(j => j.Sequence)
                    .Select(j => $"{j.Sequence} {j.Kind} {j.Node} {j.Signal}").ToListAsync());
                Assert.Fail($"{pair}: {outcome}, {race.Signal} journalled {await SignalCountAsync(round, race.Signal) - signalled} times, expected once; journal: {string.Join("; ", journal)}; " +
                    $"first {await first.Content.ReadAsStringAsync()} second {await second.Content.ReadAsStringAsync()}");
            }
            await AssertConsistentAsync(round);
        }
        output.WriteLine($"{pair}: {Iterations} iterations, outcomes {string.Join(", ", tally.Select(t => $"{t.Key} ×{t.Value}"))}");
    }

    [Fact]
    public Task A_reply_racing_the_reply_deadline_is_taken_once_and_the_deadline_never_fires_after_it() =>
        RaceTheDeadlineAsync(() => _table.OfferedAsync(),
            round => Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, true)), Signals.Accept);

    [Fact]
    public Task A_filing_racing_the_filing_deadline_is_taken_once_and_the_deadline_never_fires_after_it() =>
        RaceTheDeadlineAsync(() => _table.SignedAsync(),
            round => Employer.PostJsonAsync($"/api/rounds/{round}/filing", new FileContractCommand(round, app.Today)), Signals.File);

    /// <summary>
    /// The command and the timer processor at the deadline's instant. A late reply or filing is still taken (the
    /// overdue step accepts it), so the command always wins; the deadline fires at most once, and only before it.
    /// </summary>
    private async Task RaceTheDeadlineAsync(Func<Task<Guid>> setup, Func<Guid, Task<HttpResponseMessage>> command, string signal)
    {
        var processor = app.Services.GetRequiredService<WorkflowTimerProcessor>();
        var tally = new Dictionary<string, int>();
        for (var i = 0; i < Iterations; i++)
        {
            var round = await setup();
            var due = await ReadyAtDueAsync(round);

            var (response, _) = await AtOnceAsync(() => command(round), async () =>
            {
                await processor.RunOnceAsync();
                return new HttpResponseMessage(HttpStatusCode.OK);
            });
            await processor.RunOnceAsync();

            await response.ExpectAsync(response.StatusCode is HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.NoContent);
            var journal = await app.WithDbAsync(db => db.Set<WorkflowJournalRecord>().AsNoTracking()
                .Where(j => j.InstanceId == round && (j.Kind == "deadline" || j.Signal == signal)).OrderBy(j => j.Sequence).ToListAsync());
            var taken = Assert.Single(journal, j => j.Signal == signal);
            var deadlines = journal.Where(j => j.Kind == "deadline").ToList();
            Assert.True(deadlines.Count <= 1 && deadlines.All(d => d.Sequence < taken.Sequence),
                $"{signal} at {due}: journal {string.Join(", ", journal.Select(j => $"{j.Sequence} {j.Kind} {j.Signal}"))}");
            await AssertConsistentAsync(round);
            var outcome = deadlines.Count == 0 ? "taken in time" : "taken after the deadline fired";
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
        }
        output.WriteLine($"{signal} vs its deadline: {Iterations} iterations, {string.Join(", ", tally.Select(t => $"{t.Key} ×{t.Value}"))}");
    }

    /// <summary>Moves the clock to the round's next timer (firing every earlier one), signs everyone in again, and returns the instant.</summary>
    private async Task<DateTimeOffset> ReadyAtDueAsync(Guid round)
    {
        var due = await app.WithDbAsync(db => db.Set<WorkflowTimerRecord>().Where(t => t.InstanceId == round).MinAsync(t => t.DueAt));
        await app.AdvanceToAsync(due.AddSeconds(-1));
        await _table.SignInAgainAsync();
        foreach (var client in new[] { _chair2, _employer2, _staff, _reviewer, _reviewer2 }) client.Dispose();
        await SignInOthersAsync();
        app.Clock.SetUtcNow(due);
        return due;
    }

    /// <summary>Runs both at once: each on a thread of its own, released together.</summary>
    private static async Task<(HttpResponseMessage, HttpResponseMessage)> AtOnceAsync(Func<Task<HttpResponseMessage>> first, Func<Task<HttpResponseMessage>> second)
    {
        using var barrier = new Barrier(2);
        var a = Task.Run(async () => { barrier.SignalAndWait(); return await first(); });
        var b = Task.Run(async () => { barrier.SignalAndWait(); return await second(); });
        return (await a, await b);
    }

    /// <summary>The round's journal verifies and its timeline, actions and table still read.</summary>
    private async Task AssertConsistentAsync(Guid round)
    {
        JournalVerification verification;
        await using (var scope = app.Services.CreateAsyncScope())
            verification = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().VerifyJournalAsync(round);
        Assert.True(verification.Valid, $"journal of {round}: {verification.Problem} at {verification.BrokenAt}");
        await (await Chair.GetAsync($"/api/rounds/{round}")).ExpectAsync(HttpStatusCode.OK);
        await (await Chair.GetAsync($"/api/rounds/{round}/actions")).ExpectAsync(HttpStatusCode.OK);
        await (await Chair.GetAsync($"/api/rounds/{round}/table")).ExpectAsync(HttpStatusCode.OK);
    }

    private Task<int> SignalCountAsync(Guid round, string? signal) => signal is null ? Task.FromResult(0) : JournalAsync(round, j => j.Signal == signal);

    private Task<int> JournalAsync(Guid round, System.Linq.Expressions.Expression<Func<WorkflowJournalRecord, bool>> which) =>
        app.WithDbAsync(db => db.Set<WorkflowJournalRecord>().Where(j => j.InstanceId == round).CountAsync(which));

    private NameRepresentativesCommand Representatives(Guid round, Side side) => side == Side.Worker
        ? new(round, side, RoundTable.Members(_table.Enterprise.ChairName!, "职工代表"))
        : new(round, side, RoundTable.Members("李明", "企业代表"), LegalRepresentative: "李明");
}
