using Bargaining.Documents.Verification;
using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Change;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Renewal;
using Bargaining.Features.Rounds.Table;
using Bargaining.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Features.Rounds.Change;

// 变更, 《集体合同规定》 Art 39–41: a change runs the bargaining procedure on the articles concerned only.
public sealed class ChangeTests : ChangeScenario
{
    [Fact]
    public async Task A_change_bargains_only_its_articles_and_a_topic_outside_them_is_refused_in_Chinese()
    {
        var contract = await EffectiveContractAsync();
        var change = await ProposeWageChangeAsync(contract);
        await Host.AssertAtAsync(change, "union-offer");

        var e = await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(change, [WageRise(8), Leave(7)], Today), Chair), FailureKind.Rule);
        Assert.Contains("议题“休息休假”不在本次变更所涉条款之内", e.Message);
        Assert.Contains("第1条（劳动报酬）", e.Message);
        Assert.Contains("第四十一条", e.Message);
        Assert.Empty(await TopicsAsync(change));
        await Host.AssertAtAsync(change, "union-offer");

        await Host.SendAsync(new MakeOfferCommand(change, [WageRise(8)], Today), Chair);
        Assert.Equal("职工年平均工资增长8%", Assert.Single(await TopicsAsync(change)).Last.Clause);
        await Host.SendAsync(new ReplyToOfferCommand(change, Accept: true), Employer);
        await AtTheTableAsync(change);
        await RefusedAsync(() => Host.SendAsync(new ProposeCommand(change, Side.Employer, new TopicProposal("custom", "设立职工书屋", Title: "职工文化")), Employer), FailureKind.Rule);
        Assert.Single(await TopicsAsync(change));
    }

    [Fact]
    public async Task An_offer_without_topics_starts_from_the_articles_concerned_as_they_stand()
    {
        var contract = await EffectiveContractAsync();
        var change = await ProposeWageChangeAsync(contract);

        await Host.SendAsync(new MakeOfferCommand(change, [], Today), Chair);

        Assert.Equal("职工年平均工资增长6%", Assert.Single(await TopicsAsync(change)).Last.Clause);
    }

    [Fact]
    public async Task The_change_is_a_new_version_linked_to_the_old_which_stays_readable_and_the_consolidated_text_replaces_only_the_changed_article()
    {
        var contract = await EffectiveContractAsync();
        var before = await ClausesAsync(contract);
        var city = new CurrentUser("u-city", "盐城市总工会", Role.CityAdministrator, Guid.Empty);
        var inTerm = (await RoundAsync(contract)).Signing.TermStartsOn!.Value.AddMonths(6);
        Assert.Equal(1, (await Host.SendAsync(new Bargaining.Features.Progress.ContractsInForceQuery(inTerm), city)).Contracts);
        var change = await EffectiveChangeAsync(contract);
        // The changed contract is one contract in force, counted as its latest version.
        Assert.Equal(1, (await Host.SendAsync(new Bargaining.Features.Progress.ContractsInForceQuery(inTerm), city)).Contracts);

        var saved = await RoundAsync(change);
        Assert.Equal((contract, RoundKind.Wage, "1"), (saved.Change.AmendsRoundId!.Value, saved.Kind, saved.Change.Articles));
        Assert.Equal("物价上涨较快，原定工资增幅不足", saved.Change.Reason);
        Assert.Equal((ThreeYears.Starts, ThreeYears.Ends), (saved.Signing.TermStartsOn!.Value, saved.Signing.TermEndsOn!.Value));

        Assert.Equal(before, await ClausesAsync(contract));
        Assert.Equal(["职工年平均工资增长6%", "职工享受带薪年休假5天"], before.Select(c => c.Clause));
        var consolidated = await ClausesAsync(change);
        Assert.Equal([(1, "职工年平均工资增长8%"), (2, "职工享受带薪年休假5天")], consolidated.Select(c => (c.Number, c.Clause)));

        var old = PrintedPdf.Text((await Host.SendAsync(new PrintRoundDocumentQuery(contract, RoundDocumentKind.Contract), Chair)).Pdf);
        Assert.Contains("职工年平均工资增长6%", old);
        Assert.DoesNotContain("增长8%", old);
    }

    [Fact]
    public async Task The_change_agreement_and_the_consolidated_contract_print_and_verify_each_with_its_own_code()
    {
        var contract = await EffectiveContractAsync();
        var original = await Host.SendAsync(new PrintRoundDocumentQuery(contract, RoundDocumentKind.Contract), Chair);
        var change = await EffectiveChangeAsync(contract);

        var listed = await Host.SendAsync(new RoundDocumentListQuery(change), Chair);
        Assert.All(listed.Where(d => d.Kind is RoundDocumentKind.ChangeAgreement or RoundDocumentKind.Contract or RoundDocumentKind.Redline), d => Assert.True(d.Available, d.Reason));

        var agreement = await Host.SendAsync(new PrintRoundDocumentQuery(change, RoundDocumentKind.ChangeAgreement), Chair);
        var consolidated = await Host.SendAsync(new PrintRoundDocumentQuery(change, RoundDocumentKind.Contract), Chair);

        var agreementText = PrintedPdf.Text(agreement.Pdf);
        Assert.Contains("集体合同变更协议", agreementText);
        Assert.Contains("原条款：职工年平均工资增长6%", agreementText);
        Assert.Contains("变更为：职工年平均工资增长8%", agreementText);
        Assert.Contains("物价上涨较快", agreementText);
        Assert.Equal(agreement.VerificationCode, PrintedPdf.VerificationCode(agreementText));

        var consolidatedText = PrintedPdf.Text(consolidated.Pdf);
        Assert.Contains("职工年平均工资增长8%", consolidatedText);
        Assert.Contains("职工享受带薪年休假5天", consolidatedText);
        Assert.Contains("变更协议修订第1条", consolidatedText);
        Assert.Equal(consolidated.VerificationCode, PrintedPdf.VerificationCode(consolidatedText));

        Assert.Equal(3, new[] { original.VerificationCode, agreement.VerificationCode, consolidated.VerificationCode }.Distinct().Count());
        var registered = await Host.WithDbAsync(db => db.RegisteredContracts.OrderBy(c => c.RegisteredAt).Select(c => new { c.RoundId, c.Text }).ToListAsync());
        Assert.Equal([(contract, RegisteredText.Contract), (change, RegisteredText.ChangeAgreement), (change, RegisteredText.Consolidated)], registered.Select(r => (r.RoundId, r.Text)));

        await using var scope = Host.Services.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<ContractVerifier>();
        foreach (var pdf in new[] { agreement, consolidated, original })
        {
            var verified = await verifier.VerifyPdfAsync(new MemoryStream(pdf.Pdf));
            Assert.True(verified.IsGenuine, verified.Message);
            Assert.Equal(pdf.VerificationCode, verified.Code);
            var status = (await Host.SendAsync(new ContractStatusQuery(pdf.VerificationCode!), Chair))!;
            Assert.False(status.Superseded);
            Assert.Equal(RoundStage.Effective, status.Stage);
        }
    }

    [Fact]
    public async Task A_contract_not_in_effect_or_already_changing_cannot_be_changed_and_nothing_is_written()
    {
        var signed = await SignedAsync();
        var before = await CountAsync<Round>();
        var e = await RefusedAsync(() => ProposeWageChangeAsync(signed), FailureKind.Conflict);
        Assert.Contains("第三十九条", e.Message);
        Assert.Equal(before, await CountAsync<Round>());
    }

    [Fact]
    public async Task One_change_at_a_time_only_by_the_parties_and_only_of_articles_the_contract_has()
    {
        var contract = await EffectiveContractAsync();
        var none = await RefusedAsync(() => Host.SendAsync(new ProposeChangeCommand(contract, Side.Worker, [3], "增加条款"), Chair), FailureKind.Rule);
        Assert.Contains("没有第3条", none.Message);
        await RefusedAsync(() => Host.SendAsync(new ProposeChangeCommand(contract, Side.Worker, [1], "物价上涨"), YanduStaff), FailureKind.Forbidden);
        var empty = await RefusedAsync(() => Host.SendAsync(new ProposeChangeCommand(contract, Side.Worker, [], " "), Chair), FailureKind.Validation);
        Assert.Contains("请选择要变更的条款", empty.Message);

        await ProposeWageChangeAsync(contract);
        var before = await CountAsync<Round>();
        var twice = await RefusedAsync(() => Host.SendAsync(new ProposeChangeCommand(contract, Side.Employer, [2], "生产经营困难"), Employer), FailureKind.Conflict);
        Assert.Contains("已有一项变更正在协商", twice.Message);
        Assert.Equal(before, await CountAsync<Round>());
    }

    [Fact]
    public async Task A_changed_contract_is_changed_again_through_its_latest_version()
    {
        var contract = await EffectiveContractAsync();
        var first = await EffectiveChangeAsync(contract);

        var stale = await RefusedAsync(() => Host.SendAsync(new ProposeChangeCommand(contract, Side.Employer, [2], "生产经营困难"), Employer), FailureKind.Conflict);
        Assert.Contains("变更后的版本", stale.Message);

        var second = await Host.SendAsync(new ProposeChangeCommand(first, Side.Employer, [2], "生产经营困难"), Employer);
        await Host.SendAsync(new MakeOfferCommand(second, [Leave(4)], Today, EmployerLegalRepresentative: "李明"), Employer);
        await Host.SendAsync(new ReplyToOfferCommand(second, Accept: true), Chair);
        await BargainedAsync(second);
        await SignedAndEffectiveAsync(second);

        Assert.Equal(["职工年平均工资增长8%", "职工享受带薪年休假4天"], (await ClausesAsync(second)).Select(c => c.Clause));
        Assert.Equal(["职工年平均工资增长8%", "职工享受带薪年休假5天"], (await ClausesAsync(first)).Select(c => c.Clause));
    }

    [Fact]
    public async Task A_contract_being_changed_is_not_renewed_until_the_change_ends()
    {
        var contract = await EffectiveContractAsync();
        await ProposeWageChangeAsync(contract);
        var before = await CountAsync<Round>();

        var e = await RefusedAsync(() => Host.SendAsync(new StartRenewalCommand(contract, ThreeYears.Ends, Side.Worker), Chair), FailureKind.Conflict);

        Assert.Contains("变更结束后再续订", e.Message);
        Assert.Equal(before, await CountAsync<Round>());
    }

    [Fact]
    public async Task A_changed_contract_in_force_expires_at_the_end_of_its_term_by_its_own_timer()
    {
        var contract = await EffectiveContractAsync();
        var change = await EffectiveChangeAsync(contract);
        await Host.SendAsync(new Bargaining.Features.Rounds.Review.PublishCommand(change, Today, "厂区公告栏"), Chair);
        await Host.AssertAtAsync(change, Nodes.Published);
        var ends = (await RoundAsync(change)).Signing.TermEndsOn!.Value;

        await Host.AdvanceToAsync(China.At(ends.Year, ends.Month, ends.Day, 23, 59));
        Assert.Null((await Host.SnapshotAsync(change)).Outcome);
        await Host.AdvanceToAsync(China.At(ends.Year, ends.Month, ends.Day, 23, 59).AddMinutes(2));
        Assert.Equal(Outcomes.Expired, (await Host.SnapshotAsync(change)).Outcome);
    }
}
