using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Tests.Shared;

namespace Bargaining.Tests.Features.Rounds.Table;

// 专项条款: a high-temperature contract states its allowance, an industry or regional contract its coverage (LCL Art 53–54);
// both are agreed at the table with the draft, not discovered missing at printing.
public sealed class SpecificTermsTests : RoundScenario
{
    /// <summary>A round of <paramref name="kind"/> at the table with its one topic agreed and its meeting minuted.</summary>
    private async Task<Guid> AgreedAtTheTableAsync(RoundKind kind)
    {
        var round = await StartAsync(kind: kind);
        await Host.SendAsync(new MakeOfferCommand(round, [new(TopicCatalog.Custom, "高温津贴每月300元", 300, "元/月", Title: "高温津贴")], Today, 3), Chair);
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true), Employer);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), Employer);
        await Host.SendAsync(FirstMeeting(round), Chair);
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), Employer);
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "双方就高温津贴达成一致"), Chair);
        return round;
    }

    private async Task SignAsync(Guid round)
    {
        await ConcludedAsync(round);
        await AgreeTermAsync(round);
        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Employer), Employer);
    }

    private async Task<string> PrintedAsync(Guid round, RoundDocumentKind kind) =>
        PrintedPdf.Text((await Host.SendAsync(new PrintRoundDocumentQuery(round, kind), Chair)).Pdf);

    [Fact]
    public async Task A_high_temperature_draft_asks_for_the_allowance_and_the_signed_contract_prints_it()
    {
        var round = await AgreedAtTheTableAsync(RoundKind.HighTemperature);

        var e = await RefusedAsync(() => Host.SendAsync(new ConcludeCommand(round, Side.Worker), Chair), FailureKind.Rule);
        Assert.Contains("高温津贴标准", e.Message);
        await Host.AssertAtAsync(round, "bargaining");

        await Host.SendAsync(new AgreeSpecificTermsCommand(round, Side.Worker, Heat: new HeatAllowanceInput(300, 6, 9)), Chair);
        await SignAsync(round);

        Assert.Contains("标准为每人每月300元", await PrintedAsync(round, RoundDocumentKind.Contract));
        Assert.Contains("高温作业劳动保护专项集体合同", await PrintedAsync(round, RoundDocumentKind.FilingForm));
    }

    [Fact]
    public async Task Specific_terms_are_checked_in_chinese_and_only_taken_for_the_kinds_that_print_them()
    {
        var heat = await AgreedAtTheTableAsync(RoundKind.HighTemperature);
        var invalid = await RefusedAsync(() => Host.SendAsync(new AgreeSpecificTermsCommand(heat, Side.Worker, Heat: new HeatAllowanceInput(0, 9, 6)), Chair), FailureKind.Validation);
        Assert.Contains("高温津贴标准应大于0元", invalid.Message);
        Assert.Contains("终止月份不能早于起始月份", invalid.Message);
        var coverage = await RefusedAsync(() => Host.SendAsync(new AgreeSpecificTermsCommand(heat, Side.Worker, Coverage: new CoverageInput("盐都区", [new("某企业", 10)])), Chair), FailureKind.Rule);
        Assert.Contains("只有行业性、区域性集体合同", coverage.Message);
        Assert.Null(await Host.WithDbAsync(db => db.SpecificTerms.FindAsync(heat).AsTask()));
    }

    [Fact]
    public async Task Specific_terms_are_agreed_at_the_table_not_after_the_draft_is_formed()
    {
        var round = await AgreedAtTheTableAsync(RoundKind.HighTemperature);
        await Host.SendAsync(new AgreeSpecificTermsCommand(round, Side.Worker, Heat: new HeatAllowanceInput(300, 6, 9)), Chair);
        await ConcludedAsync(round);

        await RefusedAsync(() => Host.SendAsync(new AgreeSpecificTermsCommand(round, Side.Worker, Heat: new HeatAllowanceInput(200, 6, 9)), Chair), FailureKind.Conflict);

        Assert.Equal(300m, (await Host.WithDbAsync(db => db.SpecificTerms.FindAsync(round).AsTask()))!.HeatAllowancePerMonth);
    }
}
