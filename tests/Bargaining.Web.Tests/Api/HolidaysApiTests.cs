using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Features.Calendars;
using Bargaining.Tests.Shared;

namespace Bargaining.Web.Tests.Api;

/// <summary>
/// The holiday schedules through the API (<c>/api/holidays</c>), and the round read model's note while a deadline counts
/// through a year without one. The 2027 schedule is made up for the test.
/// </summary>
public sealed class HolidaysApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Test2027 = """{"years": {"2027": {"holidays": ["2027-01-01", "2027-02-06..2027-02-17"], "workdays": ["2027-02-20"]}}}""";

    [Fact]
    public async Task A_round_read_while_2027_has_no_schedule_carries_the_note_and_an_imported_schedule_moves_its_deadline_and_drops_it()
    {
        await app.AdvanceToAsync(new DateTimeOffset(2027, 1, 25, 9, 0, 0, TimeSpan.FromHours(8)));
        using var table = await RoundTable.SeatAsync(app, "盐城恒达精密机械有限公司");
        var round = await table.OfferedAsync();
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);

        var before = Step(await city.GetStringAsync($"/api/rounds/{round}"));
        Assert.Equal(("2027-02-15", "节假日安排未录入，按周末计算"), (before.GetProperty("lastDay").GetString(), before.GetProperty("calendarNote").GetString()));
        Assert.Contains("即于2027年2月15日前（含当日；节假日安排未录入，按周末计算）", await OfferLetterAsync(city, round));

        var saved = await (await city.PostAsync("/api/holidays/import", new StringContent(Test2027, Encoding.UTF8, "application/json"))).ReadAsync<SavedHolidaySchedules>();

        Assert.Equal([2027], saved.Years);
        Assert.Equal([round], saved.RecountedRounds);
        var after = Step(await city.GetStringAsync($"/api/rounds/{round}"));
        Assert.Equal("2027-02-18", after.GetProperty("lastDay").GetString());
        Assert.True(after.GetProperty("calendarNote").ValueKind == JsonValueKind.Null);
        Assert.Contains("即于2027年2月18日前（含当日），", await OfferLetterAsync(city, round));
        var list = await (await city.GetAsync("/api/holidays")).ReadAsync<HolidayScheduleList>();
        Assert.Equal(["2027-01-01", "2027-02-06..2027-02-17"], list.Years.Single(y => y.Year == 2027).Holidays);
    }

    [Fact]
    public async Task A_workday_that_is_not_a_weekend_day_is_refused_as_a_problem_in_chinese()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);

        var problem = await (await city.PutAsJsonAsync("/api/holidays/2030", new { holidays = new[] { "2030-01-01" }, workdays = new[] { "2030-01-04" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("调休上班日 2030-01-04 是星期五", problem.GetRawText());
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused_as_a_problem_in_chinese()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);

        var problem = await (await city.PostAsync("/api/holidays/import", new StringContent("{\"years\": ", Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("不是有效的 JSON", problem.Detail());
    }

    [Fact]
    public async Task County_staff_may_not_enter_a_schedule()
    {
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);

        await (await yandu.PutAsJsonAsync("/api/holidays/2030", new { holidays = new[] { "2030-01-01" } })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<string> OfferLetterAsync(HttpClient client, Guid round) =>
        PrintedPdf.Text(await (await client.GetAsync($"/api/rounds/{round}/documents/OfferLetter")).Content.ReadAsByteArrayAsync());

    private static JsonElement Step(string timeline) => JsonDocument.Parse(timeline).RootElement.GetProperty("currentSteps")[0];
}
