using Bargaining.Domain;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;

namespace Bargaining.Tests.Features.Rounds.Signing;

// 签字 (Art 37) by each chief, then 报送 (Art 42): a wage agreement within 7 days of signing, other contracts 10.
public sealed class SignAndFileTests : RoundScenario
{
    [Fact]
    public async Task Each_chief_signs_for_their_side_and_after_both_the_filing_period_runs()
    {
        var round = await AdoptedAsync();

        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);
        await Host.AssertAtAsync(round, "employer-signature", "signed");
        await Host.SendAsync(new SignCommand(round, Side.Employer), Employer);

        await Host.AssertAtAsync(round, "wage-filing");
        // Signed on Monday 2 March 2026: a wage agreement is due by 9 March.
        Assert.Equal(new DateOnly(2026, 3, 9), (await RoundAsync(round)).Filing.DueOn);
    }

    [Fact]
    public async Task Neither_chief_signs_before_the_term_is_agreed_and_the_term_can_then_be_set()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), Employer);
        await HeldAsync(round);
        await ConcludedAsync(round);
        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Chair);

        var worker = await RefusedAsync(() => Host.SendAsync(new SignCommand(round, Side.Worker), Chair), FailureKind.Rule);
        var employer = await RefusedAsync(() => Host.SendAsync(new SignCommand(round, Side.Employer), Employer), FailureKind.Rule);

        Assert.Equal(("signing.no-term", "signing.no-term"), (worker.Code, employer.Code));
        Assert.Contains("合同期限", worker.Message);
        Assert.Contains("第三十八条", worker.Message);
        Assert.Null((await RoundAsync(round)).Signing.WorkerSignedAt);
        await Host.AssertAtAsync(round, "employer-signature", "union-signature");
        await AgreeTermAsync(round);
        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Employer), Employer);
        await Host.AssertAtAsync(round, "wage-filing");
    }

    [Fact]
    public async Task A_side_signs_once_and_never_for_the_other_side()
    {
        var round = await AdoptedAsync();
        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);

        await RefusedAsync(() => Host.SendAsync(new SignCommand(round, Side.Worker), Chair), FailureKind.Conflict);
        await RefusedAsync(() => Host.SendAsync(new SignCommand(round, Side.Employer), Chair), FailureKind.Forbidden);

        Assert.Null((await RoundAsync(round)).Signing.EmployerSignedAt);
        await Host.AssertAtAsync(round, "employer-signature", "signed");
    }

    [Fact]
    public async Task Nobody_signs_a_draft_the_congress_has_not_adopted()
    {
        var round = await DraftedAsync();

        await RefusedAsync(() => Host.SendAsync(new SignCommand(round, Side.Worker), Chair), FailureKind.Conflict);
        Assert.Null((await RoundAsync(round)).Signing.WorkerSignedAt);
    }

    [Fact]
    public async Task Filed_on_the_last_day_is_on_time_and_the_review_runs_15_days_from_receipt()
    {
        var round = await SignedAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 9, 16));

        var result = await Host.SendAsync(new FileContractCommand(round, new DateOnly(2026, 3, 9)), Employer);

        Assert.False(result.Late);
        Assert.Null(result.Notice);
        Assert.Equal(new DateOnly(2026, 3, 24), result.ReviewLastDay);
        await Host.AssertAtAsync(round, "review");
    }

    [Fact]
    public async Task Filed_the_day_after_is_late_and_the_result_says_so()
    {
        var round = await SignedAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 10, 10));
        await Host.AssertAtAsync(round, "filing-overdue");

        var result = await Host.SendAsync(new FileContractCommand(round, new DateOnly(2026, 3, 10)), Employer);

        Assert.True(result.Late);
        Assert.Contains("第四十二条", result.Notice);
        Assert.Contains("2026-03-09", result.Notice);
        Assert.True((await RoundAsync(round)).Filing.Late);
        await Host.AssertAtAsync(round, "review");
    }

    [Fact]
    public async Task A_receipt_date_in_the_future_is_refused_and_nothing_moves()
    {
        var round = await SignedAsync();

        await RefusedAsync(() => Host.SendAsync(new FileContractCommand(round, Today.AddDays(1)), Employer), FailureKind.Rule);

        Assert.Null((await RoundAsync(round)).Filing.ReceivedOn);
        await Host.AssertAtAsync(round, "wage-filing");
    }

    [Fact]
    public async Task A_receipt_before_the_signing_is_refused()
    {
        var round = await SignedAsync();

        await RefusedAsync(() => Host.SendAsync(new FileContractCommand(round, Today.AddDays(-1)), Employer), FailureKind.Rule);
        await Host.AssertAtAsync(round, "wage-filing");
    }

    [Fact]
    public async Task The_employer_files_not_the_union()
    {
        var round = await SignedAsync();

        await RefusedAsync(() => Host.SendAsync(new FileContractCommand(round, Today), Chair), FailureKind.Forbidden);
        await Host.AssertAtAsync(round, "wage-filing");
    }
}
