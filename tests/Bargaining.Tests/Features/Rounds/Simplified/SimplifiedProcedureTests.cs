using Bargaining.Domain;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Simplified;

namespace Bargaining.Tests.Features.Rounds.Simplified;

// 简易程序 (《江苏省集体协商条例》): offer, reply, one meeting (会议、电话或网络), minutes or memo signed on the spot.
public sealed class SimplifiedProcedureTests : RoundScenario
{
    private async Task<Guid> SimplifiedAcceptedAsync()
    {
        var round = await StartAsync(Procedure.Simplified, RoundKind.HighTemperature);
        await Host.SendAsync(new MakeOfferCommand(round, [new(TopicCatalog.Custom, "高温津贴每月300元", 300, "元/月", Title: "高温津贴")], Today), Chair);
        await Host.AssertAtAsync(round, "employer-reply");
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true), Employer);
        await Host.AssertAtAsync(round, "meeting");
        return round;
    }

    private static SignOnTheSpotCommand Memo(Guid round, string employerChief = "李明") =>
        new(round, Side.Employer, OnTheSpotRecord.Memo, MeetingMeans.Online, "2026年6月至9月高温津贴每月300元", "王建国", employerChief);

    [Fact]
    public async Task A_simplified_round_goes_from_offer_to_a_memo_signed_online_on_the_spot()
    {
        var round = await SimplifiedAcceptedAsync();

        await Host.SendAsync(Memo(round), Employer);

        var saved = await RoundAsync(round);
        Assert.Equal(OnTheSpotRecord.Memo, saved.OnTheSpot.Record);
        Assert.Equal(MeetingMeans.Online, saved.OnTheSpot.Means);
        Assert.Equal("2026年6月至9月高温津贴每月300元", saved.OnTheSpot.Text);
        Assert.Equal(("王建国", "李明"), (saved.OnTheSpot.WorkerChiefName, saved.OnTheSpot.EmployerChiefName));
        Assert.Equal("memo-signed", (await Host.SnapshotAsync(round)).Outcome);
        var journal = await Host.WithEngineAsync(e => e.JournalAsync(round));
        Assert.Equal(["started", "send-offer", "accept", "sign-memo"], journal.Where(j => j.Signal is not null || j.Kind == "started").Select(j => j.Signal ?? j.Kind));
    }

    [Fact]
    public async Task Minutes_signed_by_phone_by_the_union_end_the_round_as_minutes()
    {
        var round = await SimplifiedAcceptedAsync();

        await Host.SendAsync(new SignOnTheSpotCommand(round, Side.Worker, OnTheSpotRecord.Minutes, MeetingMeans.Phone, "高温津贴每月300元", "王建国", "李明"), Chair);

        Assert.Equal("minutes-signed", (await Host.SnapshotAsync(round)).Outcome);
    }

    [Fact]
    public async Task A_meeting_without_agreement_ends_the_round_as_not_agreed()
    {
        var round = await SimplifiedAcceptedAsync();

        await Host.SendAsync(new RecordNoAgreementCommand(round, Side.Worker, MeetingMeans.InPerson, "企业方只同意每月200元"), Chair);

        Assert.Equal("企业方只同意每月200元", (await RoundAsync(round)).OnTheSpot.NoAgreementReason);
        Assert.Equal("not-agreed", (await Host.SnapshotAsync(round)).Outcome);
    }

    [Fact]
    public async Task Signing_before_the_employer_has_accepted_is_refused_and_nothing_is_written()
    {
        var round = await StartAsync(Procedure.Simplified, RoundKind.HighTemperature);
        await Host.SendAsync(new MakeOfferCommand(round, [WageRise(5)], Today), Chair);

        var e = await RefusedAsync(() => Host.SendAsync(Memo(round), Employer), FailureKind.Conflict);

        Assert.Contains("企业方回应", e.Message);
        Assert.Null((await RoundAsync(round)).OnTheSpot.Text);
        await Host.AssertAtAsync(round, "employer-reply");
    }

    [Fact]
    public async Task One_person_cannot_sign_as_both_chiefs()
    {
        var round = await SimplifiedAcceptedAsync();

        var e = await RefusedAsync(() => Host.SendAsync(Memo(round, employerChief: "王建国"), Employer), FailureKind.Validation);

        Assert.Contains("第二十四条", e.Message);
        Assert.Null((await RoundAsync(round)).OnTheSpot.Text);
        await Host.AssertAtAsync(round, "meeting");
    }

    [Fact]
    public async Task An_ordinary_round_cannot_be_settled_by_a_memo_on_the_spot()
    {
        var round = await AtTheTableAsync();

        var e = await RefusedAsync(() => Host.SendAsync(Memo(round), Employer), FailureKind.Rule);

        Assert.Contains("简易程序", e.Message);
        Assert.Null((await RoundAsync(round)).OnTheSpot.Text);
        await Host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task A_refused_simplified_offer_ends_the_round()
    {
        var round = await StartAsync(Procedure.Simplified, RoundKind.HighTemperature);
        await Host.SendAsync(new MakeOfferCommand(round, [WageRise(5)], Today), Chair);

        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: false, Reason: "本年度已调整工资"), Employer);

        Assert.Equal("offer-refused", (await Host.SnapshotAsync(round)).Outcome);
        await RefusedAsync(() => Host.SendAsync(Memo(round), Employer), FailureKind.Conflict);
    }
}
