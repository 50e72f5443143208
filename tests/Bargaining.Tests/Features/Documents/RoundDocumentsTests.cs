using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Tests.Features.Rounds;
using Bargaining.Tests.Shared;

namespace Bargaining.Tests.Features.Documents;

/// <summary>Every document of a real round prints from its template with the round's own data, and only once it exists.</summary>
public sealed class RoundDocumentsTests : RoundScenario
{
    private Task<RoundDocumentFile> PrintAsync(Guid round, RoundDocumentKind kind, int? meeting = null) =>
        Host.SendAsync(new PrintRoundDocumentQuery(round, kind, meeting), Chair);

    /// <summary>
    /// A comprehensive round from Monday 2 March 2026: offer with a proposed first meeting, reply on the 7th with a
    /// topic of its own, representatives with names outside GB2312, two meetings (10 and 17 March), draft, a
    /// three-year term, the congress, signatures, filing on the 18th; effective after 15 days without objection.
    /// </summary>
    private async Task<Guid> EffectiveRoundAsync()
    {
        var round = await StartAsync(kind: RoundKind.Comprehensive);
        await Host.SendAsync(new MakeOfferCommand(round, [WageRise(8), new("rest-leave", "年休假在法定基础上增加1天")], Today, 3,
            new DateTime(2026, 3, 16, 9, 30, 0), "公司行政楼三楼会议室"), Chair);
        await Host.AdvanceAsync(TimeSpan.FromDays(5));
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true, AddedTopics: [new("rewards-discipline", "完善考勤奖惩制度")]), Employer);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker,
            [new("王建国", null, true, false, "工会主席"), new("陈玥", null, false, false, "女职工委员会主任"), new("刘赟", null, false, false, "一线职工")]), Chair);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer,
            [new("李明", null, true, false, "常务副总经理"), new("周喆", null, false, false, "财务部经理"), new("孙昇", null, false, false, "人力资源部经理")],
            Delegation: "法定代表人陈堃出具的授权委托书", LegalRepresentative: "陈堃"), Employer);
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Worker, Today.AddDays(3), "公司工会会议室", Side.Worker, "钱文静"), Chair);
        await Host.AdvanceAsync(TimeSpan.FromDays(3));

        var topics = (await TopicsAsync(round)).ToDictionary(t => t.Code, t => t.Id);
        await Host.SendAsync(new CounterProposeCommand(topics[TopicCatalog.Pay], Side.Employer, "职工年平均工资增长4%", 4, "%"), Employer);
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "职工方提出年平均工资增长8%，企业方提出4%，双方同意一周后继续协商。"), Chair);
        await Host.AdvanceAsync(TimeSpan.FromDays(7));
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Employer, Today, "公司行政楼三楼会议室", Side.Employer, "钱文静", "工资增长幅度"), Employer);
        await Host.SendAsync(new CounterProposeCommand(topics[TopicCatalog.Pay], Side.Worker, "职工年平均工资增长6%", 6, "%"), Chair);
        await Host.SendAsync(new AgreeTopicCommand(topics[TopicCatalog.Pay], Side.Employer), Employer);
        await Host.SendAsync(new AgreeTopicCommand(topics["rewards-discipline"], Side.Worker), Chair);
        await Host.SendAsync(new WithdrawTopicCommand(topics["rest-leave"], Side.Worker, "并入下一年度协商"), Chair);
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Employer, "双方就年平均工资增长6%达成一致，职工方撤回休息休假议题。"), Employer);
        await ConcludedAsync(round);
        await AgreeTermAsync(round);
        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Employer), Employer);
        await Host.AdvanceAsync(TimeSpan.FromDays(1));
        await Host.SendAsync(new FileContractCommand(round, Today), Employer);
        await Host.AdvanceToAsync(China.At(2026, 4, 7, 9));
        await Host.AssertAtAsync(round, "effective");
        return round;
    }

    [Fact]
    public async Task Every_document_of_a_round_prints_the_rounds_own_parties_dates_figures_and_names()
    {
        var round = await EffectiveRoundAsync();

        var offer = PrintedPdf.Text((await PrintAsync(round, RoundDocumentKind.OfferLetter)).Pdf);
        Assert.Contains("集体协商要约书", offer);
        Assert.Contains($"{Hengda.Name}：", offer);
        Assert.Contains("盐城恒达精密机械有限公司工会委员会（以下简称我方）提议与贵方开展2026年度集体合同协商", offer);
        Assert.Contains("劳动报酬：职工年平均工资增长8%", offer);
        Assert.Contains("休息休假：年休假在法定基础上增加1天", offer);
        Assert.Contains("建议首次协商会议于2026年3月16日9时30分在公司行政楼三楼会议室召开", offer);
        Assert.Contains("建议双方协商代表各为3人。我方首席代表为王建国（工会主席）；其他协商代表为陈玥、刘赟。", offer);
        // Received Monday 2 March: the 20th day is Sunday 22 March, so the period ends on Monday 23 March (《民法典》 Art 203).
        Assert.Contains("自收到本要约书之日起20日内，即于2026年3月23日前（含当日），以书面形式予以回应", offer);
        Assert.Contains("2026年3月2日", offer);

        var response = PrintedPdf.Text((await PrintAsync(round, RoundDocumentKind.Response)).Pdf);
        Assert.Contains("集体协商回应书", response);
        Assert.Contains("盐城恒达精密机械有限公司工会委员会：", response);
        Assert.Contains("贵方于2026年3月2日发出的关于开展2026年度集体合同协商的要约书，我方已于2026年3月2日收悉", response);
        Assert.Contains("我方同意与贵方开展2026年度集体合同协商", response);
        Assert.Contains("首席代表为李明（常务副总经理），由陈堃（法定代表人）书面授权委托", response);
        Assert.Contains("周喆（财务部经理）、孙昇（人力资源部经理）", response);
        Assert.Contains("奖惩：完善考勤奖惩制度", response);
        Assert.Contains("2026年3月7日", response);

        var first = await PrintAsync(round, RoundDocumentKind.MeetingMinutes, 1);
        var minutes1 = PrintedPdf.Text(first.Pdf);
        Assert.Equal("2026年度集体合同协商第一次会议记录", first.Title);
        Assert.Contains("2026年3月10日", minutes1);
        Assert.Contains("会议主持：王建国（职工方首席代表）", minutes1);
        Assert.Contains("记录人员：钱文静", minutes1);
        Assert.Contains("企业方代表：李明（首席代表）、周喆、孙昇", minutes1);
        Assert.Contains("职工方意见：职工年平均工资增长8%", minutes1);
        Assert.Contains("企业方意见：职工年平均工资增长4%", minutes1);
        Assert.Contains("留待下次会议继续协商", minutes1);
        Assert.Contains("职工方提出年平均工资增长8%，企业方提出4%，双方同意一周后继续协商。", minutes1);
        Assert.Contains("下次协商会议于2026年3月17日在公司行政楼三楼会议室召开", minutes1);

        var minutes2 = PrintedPdf.Text((await PrintAsync(round, RoundDocumentKind.MeetingMinutes, 2)).Pdf);
        Assert.Contains("第二次会议记录", minutes2);
        Assert.Contains("会议主持：李明（企业方首席代表）", minutes2);
        Assert.Contains("本次会议议题：工资增长幅度", minutes2);
        Assert.Contains("协商结果：双方达成一致：职工年平均工资增长6%", minutes2);
        Assert.Contains("职工方撤回该议题（并入下一年度协商）", minutes2);

        var resolution = PrintedPdf.Text((await PrintAsync(round, RoundDocumentKind.CongressResolution)).Pdf);
        Assert.Contains("本次会议应到职工代表180名，实到150名。经表决，赞成140票，反对和弃权10票。", resolution);
        Assert.Contains("通过《盐城恒达精密机械有限公司综合集体合同（草案）》", resolution);
        Assert.Contains("盐城恒达精密机械有限公司职工代表大会（2026年3月17日通过）", resolution);
        Assert.Contains("职工代表大会主席团2026年3月17日", resolution);

        var form = PrintedPdf.Text((await PrintAsync(round, RoundDocumentKind.FilingForm)).Pdf);
        Assert.Contains(Hengda.CreditCode, form);
        Assert.Contains("都人社集备〔2026〕第0001号", form);
        Assert.Contains("2026年4月1日至2029年3月31日（三年）", form);
        Assert.Contains("盐城市盐都区人力资源和社会保障局", form);
        Assert.Contains("320人", form);
        Assert.Contains("96人", form);
        Assert.Contains("审查期内未提出异议", form);

        var contract = await PrintAsync(round, RoundDocumentKind.Contract);
        var text = PrintedPdf.Text(contract.Pdf);
        Assert.NotNull(contract.VerificationCode);
        Assert.Contains("合同编号：都人社集备〔2026〕第0001号", text);
        Assert.Contains("本合同期限为三年，自2026年4月1日起至2029年3月31日止。", text);
        Assert.Contains("法定代表人：陈堃", text);
        Assert.Contains("陈玥、刘赟", text);
        Assert.Contains("2026年3月18日报送盐城市盐都区人力资源和社会保障局", text);
        Assert.Contains("职工年平均工资增长6%", text);
        // A wage contract without a wage table: the agreed clauses are the third annex, and the list of annexes says so.
        Assert.Contains("附件三双方协商一致的条款", text);
        Assert.Contains("二、双方协商代表名单；三、双方协商一致的条款", text);
        // Received 18 March: the 15th day is Friday 2 April; effective from Friday 3 April (Art 47).
        Assert.Contains("2026年4月3日", text);
    }

    [Fact]
    public async Task A_document_the_round_has_not_reached_is_refused_in_chinese()
    {
        var round = await OfferedAsync();
        Assert.Contains("尚未对要约作出书面回应", (await RefusedAsync(() => PrintAsync(round, RoundDocumentKind.Response), FailureKind.Conflict)).Message);
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true), Employer);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), Employer);
        await Host.SendAsync(FirstMeeting(round), Chair);

        Assert.Contains("尚未提交会议记录", (await RefusedAsync(() => PrintAsync(round, RoundDocumentKind.MeetingMinutes, 1), FailureKind.Conflict)).Message);
        Assert.Contains("没有第2次协商会议", (await RefusedAsync(() => PrintAsync(round, RoundDocumentKind.MeetingMinutes, 2), FailureKind.Conflict)).Message);
        Assert.Contains("第几次", (await RefusedAsync(() => PrintAsync(round, RoundDocumentKind.MeetingMinutes), FailureKind.Validation)).Message);
        Assert.Contains("尚未对合同草案进行表决", (await RefusedAsync(() => PrintAsync(round, RoundDocumentKind.CongressResolution), FailureKind.Conflict)).Message);
        Assert.Contains("签字后", (await RefusedAsync(() => PrintAsync(round, RoundDocumentKind.FilingForm), FailureKind.Conflict)).Message);
        Assert.Contains("签字后", (await RefusedAsync(() => PrintAsync(round, RoundDocumentKind.Contract), FailureKind.Conflict)).Message);

        // An enterprise of another county may not read it.
        await RefusedAsync(() => Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.OfferLetter), TinghuStaff), FailureKind.Forbidden);
        Assert.Contains("集体协商要约书", PrintedPdf.Text((await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.OfferLetter), YanduStaff)).Pdf));
    }

    [Fact]
    public async Task A_high_temperature_contract_cannot_reach_printing_without_the_allowance_it_must_state()
    {
        // The allowance is asked for when the draft is formed (SpecificTermsTests), so no signed contract lacks it.
        var other = await AddEnterpriseAsync(Yandu, "盐城宏远铸造有限公司", 12, 150);
        var e = await RefusedAsync(() => SignedAsync(other, kind: RoundKind.HighTemperature), FailureKind.Rule);
        Assert.Contains("高温津贴标准", e.Message);
    }

    [Fact]
    public async Task A_round_not_yet_at_the_vote_has_no_resolution_but_an_offer_letter_without_a_proposed_meeting_says_it_is_to_be_agreed()
    {
        var round = await DraftedAsync();
        await RefusedAsync(() => PrintAsync(round, RoundDocumentKind.CongressResolution), FailureKind.Conflict);
        var offer = PrintedPdf.Text((await PrintAsync(round, RoundDocumentKind.OfferLetter)).Pdf);
        Assert.Contains("首次协商会议的时间和地点，请贵方在回应书中提出建议，由双方商定。", offer);
        Assert.DoesNotContain("0时", offer);
    }
}
