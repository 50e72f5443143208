using System.Reflection;
using Bargaining.Jurisdictions;
using Bargaining.Workflows;

namespace Bargaining.Tests.Jurisdictions;

public sealed class StatutoryPeriodsTests
{
    private static readonly JurisdictionCatalog Catalog = JurisdictionCatalog.Load(BargainingHost.RepositoryWorkflows);

    public static TheoryData<string> Names() =>
        [.. typeof(PeriodNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_period_the_application_cites_is_defined_by_every_profile(string name) =>
        Assert.Contains(name, Catalog.CommonPeriods);

    [Theory]
    [InlineData("P15D", "15日")]
    [InlineData("P3M", "3个月")]
    [InlineData("P1Y6M", "1年6个月")]
    [InlineData("PT36H", "36小时")]
    public void A_period_is_written_as_the_regulations_write_it(string iso, string chinese) =>
        Assert.Equal(chinese, Period.Parse(iso).Chinese());

    [Fact]
    public void A_profile_gives_the_length_of_a_named_period_and_refuses_an_unknown_name()
    {
        Assert.Equal(Period.Parse("P15D"), Catalog["jiangsu"].Duration(PeriodNames.VacancyDays));
        Assert.Equal(Period.Parse("P15D"), Catalog["shanghai"].Duration(PeriodNames.ReplyDays));
        Assert.Throws<KeyNotFoundException>(() => Catalog["national"].Duration("noSuchDays"));
    }
}
