using System.Text.Json.Nodes;
using Bargaining.Workflows.Definitions;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Workflows.Tests.Runtime;

/// <summary>
/// A reply period of 10 working days, offered on Monday 1 February 2027 while 2027 has no schedule, then a schedule
/// (made up for the test) with a Spring Festival from Saturday 6 to Wednesday 17 February and Saturday 20 worked.
/// </summary>
public sealed class RecountTests : WorkflowDatabaseTest
{
    private static readonly HolidayCalendar Test2027 = HolidayCalendar.WeekendsOnly.WithYears(
        [new HolidayYear(2027, [.. Enumerable.Range(6, 12).Select(d => new DateOnly(2027, 2, d))], [new DateOnly(2027, 2, 20)])]);

    private WorkflowEngine Engine(HolidayCalendar calendar) => new(Database.NewContext(), TestWorkflows.Registry(), TestWorkflows.Conditions(),
        new Dictionary<string, Jurisdiction>
        {
            ["national"] = new("national", "全国", China.Offset, calendar, true,
                new Dictionary<string, StatutoryPeriod> { ["replyDays"] = new(Period.Parse("P10D"), DayCounting.Working, "测试") }),
        }, Clock, Database.Seal);

    private async Task<Guid> OfferedOn1February2027Async()
    {
        Clock.SetUtcNow(China.At(2027, 2, 1, 15));
        var id = await StartRoundAsync(Engine(HolidayCalendar.WeekendsOnly));
        // Weekends only: 2–5, 8–12 and 15 February are the 10 working days.
        Assert.Equal(new DateOnly(2027, 2, 15), Assert.Single((await Engine(HolidayCalendar.WeekendsOnly).GetAsync(id))!.Steps).LastDay);
        return id;
    }

    [Fact]
    public async Task A_working_day_deadline_crossing_a_Spring_Festival_entered_later_moves_past_it_with_a_new_timer_and_one_journal_entry()
    {
        var id = await OfferedOn1February2027Async();
        var engine = Engine(Test2027);

        var recounted = (await engine.RecountDeadlinesAsync(id, "administrator", "2027年节假日安排录入")).Applied();

        // 2–5 February, then 18, 19, Saturday 20 (worked), 22, 23 and 24.
        var step = Assert.Single(recounted.Steps);
        Assert.Equal((new DateOnly(2027, 2, 24), China.At(2027, 2, 25)), (step.LastDay, step.Due));
        var timer = Assert.Single(await Database.NewContext().Set<WorkflowTimerRecord>().ToListAsync());
        Assert.Equal(("await-reply", China.At(2027, 2, 25)), (timer.Node, timer.DueAt));
        var entry = (await engine.JournalAsync(id))[^1];
        Assert.Equal(("recounted", "await-reply", "administrator"), (entry.Kind, entry.Node, entry.Actor));
        var payload = JsonNode.Parse(entry.Payload!)!;
        Assert.Equal("2027年节假日安排录入", payload["reason"]!.GetValue<string>());
        Assert.Equal(("2027-02-15", "2027-02-24"), (payload["deadlines"]![0]!["fromLastDay"]!.GetValue<string>(), payload["deadlines"]![0]!["toLastDay"]!.GetValue<string>()));
        Assert.True((await engine.VerifyJournalAsync(id)).Valid);
    }

    [Fact]
    public async Task Counting_again_under_the_same_rules_writes_nothing()
    {
        var id = await OfferedOn1February2027Async();
        var engine = Engine(HolidayCalendar.WeekendsOnly);
        var revision = (await engine.GetAsync(id))!.Revision;

        var result = await engine.RecountDeadlinesAsync(id, "administrator", "无变化");

        Assert.True(result.Succeeded);
        Assert.Null(result.Instance);
        Assert.Equal(revision, (await engine.GetAsync(id))!.Revision);
        Assert.Single(await engine.JournalAsync(id));
    }

    [Fact]
    public async Task The_moved_deadline_fires_at_its_new_due_instant_not_the_old_one()
    {
        var id = await OfferedOn1February2027Async();
        var engine = Engine(Test2027);
        await engine.RecountDeadlinesAsync(id, "administrator", "2027年节假日安排录入");

        Clock.SetUtcNow(China.At(2027, 2, 16, 9));
        Assert.Equal(0, await engine.FireDueTimersAsync());
        Clock.SetUtcNow(China.At(2027, 2, 25));
        Assert.Equal(1, await Engine(Test2027).FireDueTimersAsync());
        Assert.Equal(["overdue"], await NodesAsync(Engine(Test2027), id));
    }
}
