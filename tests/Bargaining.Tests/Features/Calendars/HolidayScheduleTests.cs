using Bargaining.Domain;
using Bargaining.Features.Calendars;
using Bargaining.Features.Documents;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds.Views;
using Bargaining.Workflows;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Features.Calendars;

/// <summary>
/// The city union enters a year's holiday schedule; the deadlines of running rounds move with it. The 2027 schedule
/// here is made up for the test (a Spring Festival from 6 to 17 February); the shipped file has no 2027.
/// </summary>
public sealed class HolidayScheduleTests : Rounds.RoundScenario
{
    private static readonly CurrentUser CityAdmin = new("u-city", "市总工会 孙海", Role.CityAdministrator, Guid.Empty);

    private static readonly HolidayScheduleYear Test2027 = new(2027, ["2027-01-01", "2027-02-06..2027-02-17"], ["2027-02-20"]);

    private const string Calendar = "cn-mainland";

    private Task<SavedHolidaySchedules> SaveAsync(params HolidayScheduleYear[] years) => Host.SendAsync(new SaveHolidaySchedulesCommand(Calendar, years), CityAdmin);

    private async Task<IReadOnlyList<string>> RefusedAsync(HolidayScheduleYear year)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => SaveAsync(year));
        Assert.Equal(FailureKind.Validation, refused.Kind);
        Assert.Empty(await Host.WithDbAsync(db => db.HolidaySchedules.ToListAsync()));
        return [.. refused.Errors.SelectMany(e => e.Value)];
    }

    private Task<RoundTimeline> TimelineAsync(Guid round) => Host.SendAsync(new RoundTimelineQuery(round), Chair);

    private async Task<Guid> OfferedOn25January2027Async()
    {
        await Host.AdvanceToAsync(China.At(2027, 1, 25, 9));
        return await OfferedAsync();
    }

    [Fact]
    public async Task A_reply_period_offered_on_25_January_2027_counts_only_weekends_and_says_so_while_2027_has_no_schedule()
    {
        var round = await OfferedOn25January2027Async();

        var reply = Assert.Single((await TimelineAsync(round)).CurrentSteps);
        // 20 days from Monday 25 January: Sunday 14 February, moved to Monday 15 (Art 203) as a weekend only.
        Assert.Equal((new DateOnly(2027, 2, 15), HolidayScheduleEntries.WeekendsOnlyNote), (reply.LastDay, reply.CalendarNote));
        var letter = await DocumentsAsync(d => d.OfferLetterAsync(round, CancellationToken.None));
        Assert.Equal((new DateOnly(2027, 2, 15), "节假日安排未录入，按周末计算"), (letter.ReplyBy, letter.CalendarNote));
    }

    [Fact]
    public async Task Entering_a_2027_schedule_with_a_Spring_Festival_block_moves_the_reply_deadline_past_it_journals_why_and_moves_the_summary()
    {
        var round = await OfferedOn25January2027Async();
        var workflow = await Host.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.WorkflowInstanceId).SingleAsync());
        var journalBefore = (await TimelineAsync(round)).Journal.Count;

        var saved = await SaveAsync(Test2027);

        Assert.Equal([round], saved.RecountedRounds);
        var timeline = await TimelineAsync(round);
        var reply = Assert.Single(timeline.CurrentSteps);
        Assert.Equal((new DateOnly(2027, 2, 18), (string?)null), (reply.LastDay, reply.CalendarNote));
        var entry = Assert.Single(timeline.Journal.Skip(journalBefore));
        Assert.Equal("期限重新计算：2027年节假日安排由市总工会 孙海录入，期限按新的安排重新计算", entry.Action);
        Assert.Equal(("企业方书面回应", "市总工会 孙海"), (entry.Step, entry.Actor));
        var summary = await Host.WithDbAsync(db => db.RoundProgress.AsNoTracking().SingleAsync(p => p.RoundId == round));
        Assert.Equal((new DateOnly(2027, 2, 18), China.At(2027, 2, 19).ToUniversalTime()), (summary.LastDay, summary.DueAt));
        var timer = await Host.WithDbAsync(db => db.Set<WorkflowTimerRecord>().AsNoTracking().SingleAsync(t => t.InstanceId == workflow));
        Assert.Equal(China.At(2027, 2, 19), timer.DueAt);
        Assert.Equal(new DateOnly(2027, 2, 18), await Host.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.Offer.ReplyDueOn).SingleAsync()));
        var letter = await DocumentsAsync(d => d.OfferLetterAsync(round, CancellationToken.None));
        Assert.Equal((new DateOnly(2027, 2, 18), (string?)null), (letter.ReplyBy, letter.CalendarNote));
        Assert.True((await Host.WithEngineAsync(e => e.VerifyJournalAsync(workflow))).Valid);

        // The clock moves: on 16 February (the old deadline lapsed at its start) the employer may still reply; on 19 it is overdue.
        await Host.AdvanceToAsync(China.At(2027, 2, 16, 9));
        await Host.AssertAtAsync(round, "employer-reply");
        await Host.AdvanceToAsync(China.At(2027, 2, 19, 9));
        await Host.AssertAtAsync(round, "employer-reply-overdue");
    }

    [Fact]
    public async Task Entering_the_same_schedule_again_moves_nothing_and_journals_nothing()
    {
        var round = await OfferedOn25January2027Async();
        await SaveAsync(Test2027);
        var journal = (await TimelineAsync(round)).Journal.Count;

        var again = await SaveAsync(Test2027);

        Assert.Empty(again.RecountedRounds);
        Assert.Equal(journal, (await TimelineAsync(round)).Journal.Count);
    }

    [Fact]
    public async Task A_corrected_schedule_moves_the_deadline_back_and_a_later_host_counts_with_the_stored_years()
    {
        var round = await OfferedOn25January2027Async();
        await SaveAsync(Test2027);

        await SaveAsync(Test2027 with { Holidays = ["2027-01-01", "2027-02-06..2027-02-12"], Workdays = [] });

        Assert.Equal(new DateOnly(2027, 2, 15), Assert.Single((await TimelineAsync(round)).CurrentSteps).LastDay);
        await using var second = Host.SecondInstance();
        await using (var scope = second.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Bargaining.Persistence.BargainingDbContext>().MigrateAsync();
        var calendar = second.Services.GetRequiredService<Bargaining.Jurisdictions.JurisdictionCatalog>().Default.Time.Calendar;
        Assert.True(calendar.HasYear(2027));
        Assert.True(calendar.IsRestDay(new DateOnly(2027, 2, 12)));
        Assert.False(calendar.IsRestDay(new DateOnly(2027, 2, 15)));
    }

    [Fact]
    public async Task A_second_host_behind_the_same_database_counts_with_a_year_the_first_entered_once_it_reads_the_schedules_again()
    {
        await using var second = Host.SecondInstance();
        var refresher = second.Services.GetRequiredService<HolidayScheduleRefresher>();
        var calendar = () => second.Services.GetRequiredService<Bargaining.Jurisdictions.JurisdictionCatalog>().Default.Time.Calendar;
        await refresher.RefreshAsync();
        Assert.False(calendar().HasYear(2027));

        await SaveAsync(Test2027);

        Assert.True(await refresher.RefreshAsync());
        Assert.True(calendar().IsRestDay(new DateOnly(2027, 2, 17)));
        Assert.False(await refresher.RefreshAsync());
    }

    [Fact]
    public async Task A_year_entered_wins_over_the_shipped_year_and_the_list_says_who_entered_it()
    {
        // 2026 as shipped has 1–3 January off; a correction with 1 January only.
        await SaveAsync(new HolidayScheduleYear(2026, ["2026-01-01"], []));

        var list = await Host.SendAsync(new HolidayScheduleListQuery(Calendar), CityAdmin);
        var year2026 = list.Years.Single(y => y.Year == 2026);
        Assert.Equal(["2026-01-01"], year2026.Holidays);
        Assert.Equal("市总工会 孙海", year2026.EnteredBy);
        var shipped2025 = list.Years.Single(y => y.Year == 2025);
        Assert.Equal((null, "2025-01-28..2025-02-04"), (shipped2025.EnteredBy, shipped2025.Holidays[1]));
        var calendar = Host.Services.GetRequiredService<Bargaining.Jurisdictions.JurisdictionCatalog>().Default.Time.Calendar;
        Assert.False(calendar.IsRestDay(new DateOnly(2026, 1, 2)));
    }

    [Theory]
    [InlineData("2026-10-31T23:59:00+08:00", null)]
    [InlineData("2026-11-01T00:00:00+08:00", "2027年的法定节假日安排尚未录入")]
    [InlineData("2026-12-31T23:59:00+08:00", "2027年的法定节假日安排尚未录入")]
    public async Task The_administrator_is_warned_from_1_November_when_next_years_schedule_is_missing(string now, string? warning)
    {
        await Host.AdvanceToAsync(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var list = await Host.SendAsync(new HolidayScheduleListQuery(Calendar), CityAdmin);

        if (warning is null) Assert.Null(list.Warning);
        else Assert.StartsWith(warning, list.Warning);
    }

    [Fact]
    public async Task The_warning_ends_once_next_years_schedule_is_entered()
    {
        await Host.AdvanceToAsync(China.At(2026, 11, 20));

        await SaveAsync(Test2027);

        Assert.Null((await Host.SendAsync(new HolidayScheduleListQuery(Calendar), CityAdmin)).Warning);
    }

    [Fact]
    public async Task The_days_of_the_year_itself_from_1_January_to_31_December_are_accepted_and_weekend_workdays_too()
    {
        var saved = await SaveAsync(new HolidayScheduleYear(2027, ["2027-01-01", "2027-12-31"], ["2027-02-20", "2027-02-21"]));

        Assert.Equal([2027], saved.Years);
    }

    [Theory]
    [InlineData("2026-12-31", "", "2027年放假日期第1项“2026-12-31”不在2027年内")]
    [InlineData("2027-12-30..2028-01-02", "", "2027年放假日期第1项“2027-12-30..2028-01-02”不在2027年内")]
    [InlineData("2027-02-17..2027-02-06", "", "的结束日期早于开始日期")]
    [InlineData("2027-2-30", "", "不是日期（如 2027-01-01）或日期范围")]
    [InlineData("2027-02-06..2027-02-17", "2027-02-07", "2027年：2027-02-07 既是放假日又是调休上班日")]
    [InlineData("2027-01-01", "2027-02-19", "调休上班日 2027-02-19 是星期五，本来就上班")]
    [InlineData("2027-01-01", "2028-01-01", "2027年调休上班日期第1项“2028-01-01”不在2027年内")]
    [InlineData("", "", "请至少填写一个放假日期")]
    public async Task A_schedule_that_breaks_a_rule_is_refused_in_chinese_and_nothing_is_stored(string holidays, string workdays, string message)
    {
        var problems = await RefusedAsync(new HolidayScheduleYear(2027, Lines(holidays), Lines(workdays)));

        Assert.Contains(problems, p => p.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public async Task A_year_outside_2000_to_2099_is_refused(int year)
    {
        var problems = await RefusedAsync(new HolidayScheduleYear(year, [$"{year}-01-01"], []));

        Assert.Contains(problems, p => p.Contains("请填写2000年至2099年之间的年份", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_import_with_one_bad_year_stores_no_year()
    {
        var problems = await Assert.ThrowsAsync<DomainException>(() => SaveAsync(Test2027, new HolidayScheduleYear(2028, ["2028-02-30"], [])));

        Assert.Contains("2028年放假日期第1项“2028-02-30”不是日期", string.Join("；", problems.Errors.SelectMany(e => e.Value)));
        Assert.Empty(await Host.WithDbAsync(db => db.HolidaySchedules.ToListAsync()));
        Assert.False(Host.Services.GetRequiredService<Bargaining.Jurisdictions.JurisdictionCatalog>().Default.Time.Calendar.HasYear(2027));
    }

    [Fact]
    public void A_calendar_file_is_read_with_the_shipped_shape_and_a_broken_one_is_refused_in_chinese()
    {
        var years = HolidaySchedules.ReadFile("""{"name": "测试", "years": {"2027": {"holidays": ["2027-01-01", "2027-02-06..2027-02-17"], "workdays": ["2027-02-20"]}}}""");
        Assert.Equal((2027, 2, 1), (years[0].Year, years[0].Holidays.Count, years[0].Workdays.Count));

        Assert.Contains("不是有效的 JSON", Assert.Throws<DomainException>(() => HolidaySchedules.ReadFile("{years")).Message);
        Assert.Contains("含 \"years\" 对象", Assert.Throws<DomainException>(() => HolidaySchedules.ReadFile("""{"2027": []}""")).Message);
        Assert.Contains("2027年的 holidays 应为日期字符串的数组", Assert.Throws<DomainException>(() => HolidaySchedules.ReadFile("""{"years": {"2027": {"holidays": "2027-01-01"}}}""")).Message);
    }

    [Fact]
    public async Task Only_the_city_union_may_enter_a_schedule()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new SaveHolidaySchedulesCommand(Calendar, [Test2027]), YanduStaff));

        Assert.Equal((FailureKind.Forbidden, "只有市总工会可以录入法定节假日安排"), (refused.Kind, refused.Message));
        Assert.Empty(await Host.WithDbAsync(db => db.HolidaySchedules.ToListAsync()));
    }

    private static string[] Lines(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries);

    private async Task<T> DocumentsAsync<T>(Func<RoundDocuments, Task<T>> read)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<RoundDocuments>());
    }
}
