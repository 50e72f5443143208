using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Rules;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Rounds.Signing;

// 合同期限 (Art 38: one to three years) and the filing number the labour administration gives at the first filing (Art 42).
public sealed class ContractTermAndNumberTests : RoundScenario
{
    private static readonly DateOnly April1 = new(2026, 4, 1);

    private CurrentUser City => new("u-city", "盐城市总工会 权益保障部", Role.CityAdministrator, Yandu.ParentId!.Value);

    private Task AgreeAsync(Guid round, DateOnly starts, DateOnly ends) =>
        Host.SendAsync(new AgreeContractTermCommand(round, Side.Employer, starts, ends), Employer);

    [Fact]
    public async Task A_term_of_12_or_36_months_stands_and_one_day_less_or_more_is_refused_citing_article_38()
    {
        var round = await DraftedAsync();

        await AgreeAsync(round, April1, new DateOnly(2027, 3, 31));                       // 12 months
        Assert.Equal((April1, new DateOnly(2027, 3, 31)), ((await RoundAsync(round)).Signing.TermStartsOn, (await RoundAsync(round)).Signing.TermEndsOn));
        await AgreeAsync(round, April1, new DateOnly(2029, 3, 31));                       // 36 months
        Assert.Equal(new DateOnly(2029, 3, 31), (await RoundAsync(round)).Signing.TermEndsOn);

        var tooShort = await RefusedAsync(() => AgreeAsync(round, April1, new DateOnly(2027, 3, 30)), FailureKind.Rule);   // a day short of 12
        Assert.Equal("term.too-short", tooShort.Code);
        Assert.Contains("第三十八条", tooShort.Message);
        Assert.Contains("最短至2027年3月31日止", tooShort.Message);
        var tooLong = await RefusedAsync(() => AgreeAsync(round, April1, new DateOnly(2029, 4, 1)), FailureKind.Rule);      // a day over 36
        Assert.Equal("term.too-long", tooLong.Code);
        Assert.Equal("term.too-long", (await RefusedAsync(() => AgreeAsync(round, April1, new DateOnly(2029, 4, 30)), FailureKind.Rule)).Code);   // 37 months
        Assert.Equal("term.order", (await RefusedAsync(() => AgreeAsync(round, April1, new DateOnly(2026, 3, 31)), FailureKind.Rule)).Code);
        Assert.Contains("起始日期", (await RefusedAsync(() => AgreeAsync(round, default, new DateOnly(2027, 3, 31)), FailureKind.Validation)).Message);
        Assert.Equal(new DateOnly(2029, 3, 31), (await RoundAsync(round)).Signing.TermEndsOn);
    }

    [Theory]
    [InlineData("2026-01-31", "2027-01-30", null)]            // 12 months from a month's last day (《民法典》 Art 202)
    [InlineData("2026-02-28", "2029-02-27", null)]            // 36 months
    [InlineData("2026-02-28", "2029-02-28", "term.too-long")]
    [InlineData("2026-03-01", "2027-02-27", "term.too-short")]
    public void The_rule_counts_months_to_the_day_before_the_same_date(string starts, string ends, string? breach) =>
        Assert.Equal(breach, ContractTermRule.Check(DateOnly.Parse(starts), DateOnly.Parse(ends))?.Code);

    [Fact]
    public async Task The_term_cannot_change_once_both_chiefs_have_signed_and_a_contract_without_one_cannot_be_filed()
    {
        var signed = await SignedAsync();
        Assert.Equal("term.signed", (await RefusedAsync(() => AgreeAsync(signed, April1, new DateOnly(2027, 3, 31)), FailureKind.Conflict)).Code);

        var other = await AddEnterpriseAsync(Yandu, "盐城鼎盛电子有限公司", 11, 120);
        // A round signed before signing needed a term (the rule of SignAndFileTests) keeps the filing's own check.
        var round = await SignedAsync(other);
        await Host.WithDbAsync(db => db.Rounds.Where(r => r.Id == round)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Signing.TermStartsOn, (DateOnly?)null).SetProperty(r => r.Signing.TermEndsOn, (DateOnly?)null)));
        var e = await RefusedAsync(() => Host.SendAsync(new FileContractCommand(round, Today), EmployerOf(other)), FailureKind.Rule);
        Assert.Contains("第三十八条", e.Message);
        Assert.Null((await RoundAsync(round)).Filing.ContractNumber);
    }

    [Fact]
    public async Task Filing_numbers_run_per_department_and_year_and_a_refiled_contract_keeps_its_number()
    {
        var hengda = await FiledAsync();
        Assert.Equal(("盐城市盐都区人力资源和社会保障局", "都人社集备〔2026〕第0001号"),
            ((await RoundAsync(hengda)).Filing.Authority, (await RoundAsync(hengda)).Filing.ContractNumber));

        var second = await AddEnterpriseAsync(Yandu, "盐城鼎盛电子有限公司", 11, 120);
        var secondRound = await SignedAsync(second);
        var filing = await Host.SendAsync(new FileContractCommand(secondRound, Today), EmployerOf(second));
        Assert.Equal("都人社集备〔2026〕第0002号", filing.ContractNumber);

        var tinghu = await AddEnterpriseAsync(Tinghu, "盐城亭湖机电有限公司", 22, 300);
        var tinghuRound = await SignedAsync(tinghu);
        Assert.Equal(("盐城市亭湖区人力资源和社会保障局", "亭人社集备〔2026〕第0001号"),
            ((await Host.SendAsync(new FileContractCommand(tinghuRound, Today), EmployerOf(tinghu))) is var t ? (t.Authority, t.ContractNumber) : default));

        // The reviewer objects; bargained again, adopted, signed and filed: the same number, not a new one.
        var pay = (await TopicsAsync(hengda)).Single().Id;
        await Host.SendAsync(new RecordReviewObjectionCommand(hengda, "工资增长条款未明确执行时间", [pay]), YanduReviewer);
        await Host.SendAsync(new CounterProposeCommand(pay, Side.Worker, "自2026年4月起职工年平均工资增长6%", 6, "%"), Chair);
        await Host.SendAsync(new AgreeTopicCommand(pay, Side.Employer), Employer);
        await ConcludedAsync(hengda);
        await Host.SendAsync(new RecordCongressVoteCommand(hengda, 180, 150, 140), Chair);
        await Host.SendAsync(new SignCommand(hengda, Side.Worker), Chair);
        await Host.SendAsync(new SignCommand(hengda, Side.Employer), Employer);
        Assert.Equal("都人社集备〔2026〕第0001号", (await Host.SendAsync(new FileContractCommand(hengda, Today), Employer)).ContractNumber);
    }

    [Fact]
    public async Task The_city_union_sets_a_units_department_and_the_abbreviation_is_checked()
    {
        await Host.SendAsync(new SetLabourAuthorityCommand(Yandu.Id, "盐城市盐都区人力资源和社会保障局（劳动关系科）", "盐都人社集备"), City);
        var round = await FiledAsync();
        Assert.Equal("盐都人社集备〔2026〕第0001号", (await RoundAsync(round)).Filing.ContractNumber);

        // Renamed, the department keeps its abbreviation and its sequence: no number is given twice.
        await Host.SendAsync(new SetLabourAuthorityCommand(Yandu.Id, "盐城市盐都区人力资源和社会保障局", "盐都人社集备"), City);
        var other = await AddEnterpriseAsync(Yandu, "盐城鼎盛电子有限公司", 11, 120);
        var filing = await Host.SendAsync(new FileContractCommand(await SignedAsync(other), Today), EmployerOf(other));
        Assert.Equal(("盐城市盐都区人力资源和社会保障局", "盐都人社集备〔2026〕第0002号"), (filing.Authority, filing.ContractNumber));

        await RefusedAsync(() => Host.SendAsync(new SetLabourAuthorityCommand(Yandu.Id, "盐都区人社局", "都人社集备"), YanduStaff), FailureKind.Forbidden);
        var e = await RefusedAsync(() => Host.SendAsync(new SetLabourAuthorityCommand(Yandu.Id, "盐都区人社局", "都人社集备〔2026〕"), City), FailureKind.Validation);
        Assert.Contains("年份、序号和括号由系统生成", e.Message);
        Assert.Contains("全称", (await RefusedAsync(() => Host.SendAsync(new SetLabourAuthorityCommand(Yandu.Id, " ", "都人社集备"), City), FailureKind.Validation)).Message);
        Assert.Equal("authority.city", (await RefusedAsync(() => Host.SendAsync(new SetLabourAuthorityCommand(Yandu.ParentId!.Value, "盐城市人力资源和社会保障局", "盐人社集备"), City), FailureKind.Rule)).Code);
    }
}
