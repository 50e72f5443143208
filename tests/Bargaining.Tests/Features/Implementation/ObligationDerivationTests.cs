using Bargaining.Features.Implementation;
using Bargaining.Features.Rounds.Table;

namespace Bargaining.Tests.Features.Implementation;

/// <summary>The checklist read from realistic clause texts, with Arabic and Chinese numbers and dates, over a term.</summary>
public sealed class ObligationDerivationTests
{
    private static readonly DateOnly Starts = new(2027, 5, 1), Ends = new(2029, 4, 30);

    private static IReadOnlyList<DerivedObligation> Read(string title, string clause, decimal? number = null, string? unit = null, DateOnly? starts = null, DateOnly? ends = null) =>
        ObligationDerivation.Derive([new DraftClauseView(3, title, clause, number, unit)], starts ?? Starts, ends ?? Ends).Obligations;

    public static TheoryData<string, string, string, string[]> Clauses => new()
    {
        // title, clause, the first obligation's title, every due day
        { "工资增长幅度", "自2027年5月1日起，职工年平均工资增长6%。", "工资增长6%（2027年度）", ["2027-05-01", "2028-05-01"] },
        { "工资增长幅度", "职工月平均工资比上年增长百分之六点五。", "工资增长6.5%（2027年度）", ["2027-05-01", "2028-05-01"] },
        { "工资增长幅度", "自二〇二七年七月一日起上调一线职工工资5％。", "工资增长5%（2027年度）", ["2027-07-01", "2028-07-01"] },
        { "企业最低工资", "企业最低工资标准为每月2500元，不低于当地最低工资标准。", "最低工资每月2500元（2027年度）", ["2027-05-01", "2028-05-01"] },
        { "高温津贴", "6月至9月，企业按月向高温作业职工发放高温津贴每月300元。", "高温津贴每月300元（2027年6月至9月）", ["2027-09-30", "2028-09-30"] },
        { "高温津贴", "每年六月至九月发放防暑降温费每月二百元。", "防暑降温费每月200元（2027年6月至9月）", ["2027-09-30", "2028-09-30"] },
        { "夜班津贴", "职工上夜班的，企业按每天30元发放夜班津贴。", "夜班津贴每天30元（2027年度）", ["2027-05-01", "2028-05-01"] },
        { "工作时间", "实行标准工时制度，职工每日工作不超过8小时，每周不超过40小时。", "工作时间每日不超过8小时（第1个合同年度）", ["2028-04-30", "2029-04-30"] },
        { "职业健康", "企业于2027年12月31日前组织全体职工进行一次职业健康检查。", "职业健康", ["2027-12-31"] },
    };

    [Theory]
    [MemberData(nameof(Clauses))]
    public void A_clause_with_a_number_or_a_date_becomes_obligations_due_on_the_days_it_names(string title, string clause, string first, string[] dues)
    {
        var obligations = Read(title, clause);

        Assert.Equal(first, obligations[0].Title);
        Assert.Equal(dues, obligations.Select(o => o.DueOn.ToString("yyyy-MM-dd")));
        Assert.All(obligations, o => Assert.Equal((3, clause), (o.ClauseSequence!.Value, o.Requirement)));
        Assert.All(obligations, o => Assert.StartsWith($"第3条“{title}”：读取到", o.Basis));
    }

    [Fact]
    public void The_basis_quotes_what_was_read_from_the_clause()
    {
        var rise = Read("工资增长幅度", "自2027年5月1日起，职工年平均工资增长6%。")[0];
        Assert.Equal("第3条“工资增长幅度”：读取到“6%”“自2027年5月1日起”，合同期内每年5月1日起检查一次", rise.Basis);

        var heat = Read("高温津贴", "6月至9月，企业按月向高温作业职工发放高温津贴每月300元。")[0];
        Assert.Equal("第3条“高温津贴”：读取到“每月300元”“6月至9月”，每年9月底前检查当年发放情况", heat.Basis);
    }

    [Fact]
    public void A_season_outside_the_term_is_left_out_and_the_last_one_is_cut_at_the_term_s_end()
    {
        // A term from 1 October 2026 to 31 August 2028: the 2026 season has passed; the 2028 season ends with the term.
        var dues = Read("高温津贴", "6月至9月发放高温津贴每月300元", starts: new DateOnly(2026, 10, 1), ends: new DateOnly(2028, 8, 31)).Select(o => o.DueOn);
        Assert.Equal([new DateOnly(2027, 9, 30), new DateOnly(2028, 8, 31)], dues);
    }

    [Fact]
    public void A_yearly_obligation_from_29_February_falls_on_28_February_in_a_common_year()
    {
        var dues = Read("工资增长幅度", "自2028年2月29日起工资增长5%", starts: new DateOnly(2028, 1, 1), ends: new DateOnly(2030, 12, 31)).Select(o => o.DueOn);
        Assert.Equal([new DateOnly(2028, 2, 29), new DateOnly(2029, 2, 28), new DateOnly(2030, 2, 28)], dues);
    }

    [Fact]
    public void A_one_year_contract_has_one_obligation_per_clause_without_a_year_in_its_title()
    {
        var obligation = Assert.Single(Read("工资增长幅度", "职工年平均工资增长6%", ends: new DateOnly(2028, 4, 30)));
        Assert.Equal(("工资增长6%", new DateOnly(2027, 5, 1)), (obligation.Title, obligation.DueOn));
    }

    [Fact]
    public void A_clause_without_a_number_or_a_date_is_left_unread_and_one_with_only_its_agreed_number_is_checked_yearly()
    {
        var derivation = ObligationDerivation.Derive(
        [
            new DraftClauseView(1, "劳动合同管理", "企业与职工依法订立劳动合同，不得随意解除。", null, null),
            new DraftClauseView(2, "职业技能培训", "企业每年安排职工参加职业技能培训。", 40, "学时/年"),
        ], Starts, Ends);

        Assert.Equal("劳动合同管理", Assert.Single(derivation.Unread).Title);
        Assert.Equal(["职业技能培训40学时/年（2027年度）", "职业技能培训40学时/年（2028年度）"], derivation.Obligations.Select(o => o.Title));
        Assert.Equal("第2条“职业技能培训”：约定数值“40学时/年”，合同期内每年5月1日起检查一次", derivation.Obligations[0].Basis);
    }

    [Fact]
    public void The_high_temperature_allowance_of_the_specific_terms_is_read_as_a_season_each_year()
    {
        var derivation = ObligationDerivation.Derive([], Starts, Ends, new HeatAllowance(300, 6, 9));
        Assert.Equal(["高温津贴每月300元（2027年6月至9月）", "高温津贴每月300元（2028年6月至9月）"], derivation.Obligations.Select(o => o.Title));
        Assert.All(derivation.Obligations, o => Assert.Null(o.ClauseSequence));
    }

    [Theory]
    [InlineData("六", 6)]
    [InlineData("十二", 12)]
    [InlineData("二十五", 25)]
    [InlineData("二百", 200)]
    [InlineData("二千五百", 2500)]
    [InlineData("六点五", 6.5)]
    [InlineData("2500", 2500)]
    public void Chinese_numbers_are_read(string text, decimal value) => Assert.Equal(value, ObligationDerivation.Number(text));
}
