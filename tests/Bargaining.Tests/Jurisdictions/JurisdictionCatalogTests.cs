using Bargaining.Jurisdictions;
using Bargaining.Rules;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;

namespace Bargaining.Tests.Jurisdictions;

public sealed class JurisdictionCatalogTests
{
    private static readonly JurisdictionCatalog Catalog = JurisdictionCatalog.Load(BargainingHost.RepositoryWorkflows);

    [Fact]
    public void The_catalog_loads_national_jiangsu_and_shanghai() =>
        Assert.Equal(["jiangsu", "national", "shanghai"], Catalog.Profiles.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("320903", "jiangsu")]   // 盐都区, Yancheng
    [InlineData("3209", "jiangsu")]     // 盐城市
    [InlineData("310101", "shanghai")]
    [InlineData("110101", null)]        // no profile names Beijing: the national rules apply
    public void A_division_is_governed_by_the_profile_naming_its_longest_prefix(string division, string? profile) =>
        Assert.Equal(profile, Catalog.ForDivision(division)?.Code);

    [Fact]
    public void National_periods_are_the_ones_of_the_regulation()
    {
        var periods = Catalog["national"].Time.Periods;

        Assert.Equal(Period.Parse("P20D"), periods["replyDays"].Duration);         // Art 32
        Assert.Equal(Period.Parse("P10D"), periods["filingDays"].Duration);        // Art 42
        Assert.Equal(Period.Parse("P15D"), periods["reviewDays"].Duration);        // Art 47
        Assert.Equal(Period.Parse("P30D"), periods["coordinationDays"].Duration);  // Art 53
        Assert.Equal(Period.Parse("P15D"), periods["coordinationExtensionDays"].Duration);
        Assert.Equal(Period.Parse("P3M"), periods["renewalWindow"].Duration);      // Art 38
        Assert.All(periods.Values, p => Assert.Equal(DayCounting.Calendar, p.Counting));
        Assert.True(Catalog["national"].Time.ExtendOverRestDays);                  // 《民法典》 Art 203
        Assert.Equal(TimeSpan.FromHours(8), Catalog["national"].Time.UtcOffset);
    }

    [Fact]
    public void Shanghai_answers_an_offer_within_15_days_and_inherits_every_other_period_from_national()
    {
        var shanghai = Catalog["shanghai"].Time;
        var national = Catalog["national"].Time;

        Assert.Equal(Period.Parse("P15D"), shanghai.Periods["replyDays"].Duration);
        Assert.Equal(national.Periods.Keys.Order(), shanghai.Periods.Keys.Order());
        foreach (var (name, period) in national.Periods.Where(p => p.Key != "replyDays"))
            Assert.Equal(period, shanghai.Periods[name]);
        Assert.Same(national.Calendar, shanghai.Calendar);
        Assert.Equal(national.ExtendOverRestDays, shanghai.ExtendOverRestDays);
        Assert.Equal(Catalog["national"].Congress, Catalog["shanghai"].Congress);
    }

    [Fact]
    public void Jiangsu_inherits_every_national_period_and_the_congress_rule()
    {
        var jiangsu = Catalog["jiangsu"];
        var national = Catalog["national"];

        Assert.Equal(national.Time.Periods.OrderBy(p => p.Key), jiangsu.Time.Periods.OrderBy(p => p.Key));
        Assert.Same(national.Time.Calendar, jiangsu.Time.Calendar);
        Assert.Equal(national.Congress, jiangsu.Congress);
        Assert.Equal(new Fraction(2, 3), jiangsu.Congress.PresentAtLeast);
        Assert.Equal(new Fraction(1, 2), jiangsu.Congress.ApprovalMoreThan);
    }

    [Fact]
    public void An_unknown_profile_code_is_refused_naming_the_known_ones()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Catalog["beijing"]);
        Assert.Contains("beijing", e.Message);
        Assert.Contains("shanghai", e.Message);
    }

    [Fact]
    public void A_profile_naming_an_unknown_calendar_is_refused_naming_the_file()
    {
        using var copy = new WorkflowsCopy();
        copy.Edit("jurisdictions/shanghai.json", p => p["calendar"] = "mars");

        var e = Assert.Throws<FormatException>(() => JurisdictionCatalog.Load(copy.Directory));

        Assert.Contains("shanghai.json", e.Message);
        Assert.Contains("unknown calendar 'mars'", e.Message);
    }

    [Fact]
    public void A_period_with_a_bad_duration_is_refused_naming_the_file_and_the_period()
    {
        using var copy = new WorkflowsCopy();
        copy.Edit("jurisdictions/shanghai.json", p => p["periods"]!["replyDays"]!["duration"] = "15 days");

        var e = Assert.Throws<FormatException>(() => JurisdictionCatalog.Load(copy.Directory));

        Assert.Contains("shanghai.json", e.Message);
        Assert.Contains("periods.replyDays.duration", e.Message);
        Assert.Contains("'15 days'", e.Message);
    }

    [Fact]
    public void A_bad_duration_in_national_is_reported_in_national_json_not_in_a_profile_extending_it()
    {
        using var copy = new WorkflowsCopy();
        copy.Edit("jurisdictions/national.json", p => p["periods"]!["filingDays"]!["duration"] = "ten days");

        var e = Assert.Throws<FormatException>(() => JurisdictionCatalog.Load(copy.Directory));

        Assert.Contains("national.json", e.Message);
        Assert.Contains("periods.filingDays.duration", e.Message);
    }

    [Fact]
    public void A_profile_extending_an_unknown_profile_is_refused_naming_the_file()
    {
        using var copy = new WorkflowsCopy();
        copy.Edit("jurisdictions/shanghai.json", p => p["extends"] = "china");

        var e = Assert.Throws<FormatException>(() => JurisdictionCatalog.Load(copy.Directory));

        Assert.Contains("shanghai.json", e.Message);
        Assert.Contains("'china'", e.Message);
    }

    [Fact]
    public void A_cycle_of_extends_is_refused_naming_a_file_of_the_cycle()
    {
        using var copy = new WorkflowsCopy();
        copy.Edit("jurisdictions/national.json", p => p["extends"] = "jiangsu");

        var e = Assert.Throws<FormatException>(() => JurisdictionCatalog.Load(copy.Directory));

        Assert.Contains("national", e.Message);
        Assert.Contains("jiangsu", e.Message);
        Assert.True(e.Message.Contains("national.json") || e.Message.Contains("jiangsu.json"), $"the message names no file: {e.Message}");
    }

    [Fact]
    public void Jiangsu_configures_its_first_tier_minimum_wage_and_national_has_none()
    {
        var jiangsu = Catalog["jiangsu"].MinimumWage!;

        Assert.Equal((2490m, 24m), (jiangsu.Monthly, jiangsu.Hourly));
        Assert.Null(Catalog["national"].MinimumWage);
        Assert.Null(Catalog["shanghai"].MinimumWage);
    }

    [Fact]
    public void Only_pay_terms_in_yuan_are_held_to_the_minimum_wage()
    {
        var floor = Catalog["jiangsu"].MinimumWage!;

        Assert.Contains("第五十五条", floor.Problem("pay", new("每月2489.99元", 2489.99m, "元/月")));
        Assert.Null(floor.Problem("pay", new("每月2490元", 2490m, "元/月")));
        Assert.NotNull(floor.Problem("pay", new("每小时23元", 23m, "元/小时")));
        Assert.Null(floor.Problem("pay", new("增长3%", 3m, "%")));
        Assert.Null(floor.Problem("custom", new("高温津贴每月300元", 300m, "元/月")));
    }
}
