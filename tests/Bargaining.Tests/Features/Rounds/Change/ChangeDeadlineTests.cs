using Bargaining.Domain;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Signing;

namespace Bargaining.Tests.Features.Rounds.Change;

// A change follows the same bargaining procedure (Art 41): the reply, filing and review periods of the ordinary
// procedure, from the same jurisdiction profile, lapse as the clock moves.
public sealed class ChangeDeadlineTests : ChangeScenario
{
    private static DateTimeOffset Evening(DateOnly day) => China.At(day.Year, day.Month, day.Day, 23, 59);

    private static DateTimeOffset Midnight(DateOnly day) => China.At(day.Year, day.Month, day.Day).AddDays(1);

    [Fact]
    public async Task The_reply_filing_and_review_periods_of_a_change_are_those_of_an_ordinary_round_and_lapse_on_the_moving_clock()
    {
        var contract = await EffectiveContractAsync();
        var change = await ProposeWageChangeAsync(contract);
        await Host.SendAsync(new MakeOfferCommand(change, [WageRise(8)], Today), Chair);
        var other = await AddEnterpriseAsync(Yandu, "盐城同日要约机械有限公司", 21, 200);
        var ordinary = await Host.SendAsync(new StartRoundCommand(other.Id, RoundKind.Wage, Procedure.Ordinary, Side.Worker), YanduStaff);
        await Host.SendAsync(new MakeOfferCommand(ordinary, [WageRise(8)], Today), ChairOf(other));

        var replyBy = (await RoundAsync(change)).Offer.ReplyDueOn!.Value;
        Assert.Equal((await RoundAsync(ordinary)).Offer.ReplyDueOn, replyBy);

        await Host.AdvanceToAsync(Evening(replyBy));
        await Host.AssertAtAsync(change, "employer-reply");
        await Host.AdvanceToAsync(Midnight(replyBy));
        await Host.AssertAtAsync(change, "employer-reply-overdue");

        await Host.SendAsync(new ReplyToOfferCommand(change, Accept: true), Employer);
        await BargainedAsync(change);
        await Host.SendAsync(new RecordCongressVoteCommand(change, 180, 150, 140), Chair);
        await Host.SendAsync(new SignCommand(change, Side.Worker), Chair);
        await Host.SendAsync(new SignCommand(change, Side.Employer), Employer);
        await Host.AssertAtAsync(change, "wage-filing");

        // A wage agreement is filed within 7 days of signing (2000 wage rules); the change of one too.
        await Host.AdvanceAsync(TimeSpan.FromDays(12));
        await Host.AssertAtAsync(change, "filing-overdue");
        await Host.SendAsync(new FileContractCommand(change, Today), Employer);
        await Host.AssertAtAsync(change, "review");

        await Host.AdvanceAsync(TimeSpan.FromDays(14));
        await Host.AssertAtAsync(change, "review");
        await Host.AdvanceAsync(TimeSpan.FromDays(11));
        await Host.AssertAtAsync(change, "effective");
        Assert.Equal("职工年平均工资增长8%", (await ClausesAsync(change))[0].Clause);
    }
}
