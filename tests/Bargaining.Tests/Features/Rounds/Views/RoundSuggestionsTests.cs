using Bargaining.Domain;
using Bargaining.Features.Rounds.Views;

namespace Bargaining.Tests.Features.Rounds.Views;

// What the forms suggest: a working day for the meeting, a year's term for a wage agreement (three otherwise, Art 38).
public sealed class RoundSuggestionsTests : RoundScenario
{
    [Fact]
    public async Task A_wage_agreement_is_suggested_for_a_year_and_a_comprehensive_contract_for_three()
    {
        var wage = await StartAsync();
        var comprehensive = await StartAsync(kind: RoundKind.Comprehensive);

        var forWage = await Host.SendAsync(new RoundSuggestionsQuery(wage), Chair);
        var forComprehensive = await Host.SendAsync(new RoundSuggestionsQuery(comprehensive), Chair);

        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)), (forWage.TermStartsOn, forWage.TermEndsOn));
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2029, 3, 31)), (forComprehensive.TermStartsOn, forComprehensive.TermEndsOn));
    }

    [Fact]
    public async Task The_suggested_meeting_skips_the_may_day_holiday()
    {
        var round = await StartAsync();
        await Host.AdvanceToAsync(China.At(2026, 4, 28, 9));

        var suggested = await Host.SendAsync(new RoundSuggestionsQuery(round), Chair);

        // 1–5 May 2026 are the May Day holiday of the State Council's calendar (workflows/calendars/cn-mainland.json).
        Assert.Equal(new DateOnly(2026, 5, 6), suggested.MeetingOn);
    }

    [Fact]
    public async Task A_suggested_meeting_on_a_working_day_stays_and_a_weekend_moves_to_monday()
    {
        var round = await StartAsync();

        Assert.Equal(new DateOnly(2026, 3, 5), (await Host.SendAsync(new RoundSuggestionsQuery(round), Chair)).MeetingOn);   // Monday + 3: Thursday
        await Host.AdvanceToAsync(China.At(2026, 3, 4, 9));
        Assert.Equal(new DateOnly(2026, 3, 9), (await Host.SendAsync(new RoundSuggestionsQuery(round), Chair)).MeetingOn);   // Saturday 7 → Monday 9
    }
}
