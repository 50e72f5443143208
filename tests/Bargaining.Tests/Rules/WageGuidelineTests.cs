using Bargaining.Rules;

namespace Bargaining.Tests.Rules;

// 工资指导线: a reference beside wage proposals (下线, 基准线, 上线), configured per jurisdiction.
public sealed class WageGuidelineTests
{
    private static readonly WageGuideline Jiangsu2026 = new(2026, 3, 6, 9, "测试");

    [Theory]
    [InlineData(9.01, "高于2026年工资指导线上线9%")]
    [InlineData(9, "介于基准线6%与上线9%之间")]
    [InlineData(6, "介于基准线6%与上线9%之间")]
    [InlineData(5.99, "介于下线3%与基准线6%之间")]
    [InlineData(3, "介于下线3%与基准线6%之间")]
    [InlineData(2.99, "低于2026年工资指导线下线3%")]
    public void A_proposed_rise_is_placed_against_the_lines_at_their_boundaries(double rise, string expected) =>
        Assert.Equal(expected, Jiangsu2026.Describe((decimal)rise));

    [Fact]
    public void The_jiangsu_profile_carries_a_guideline_and_the_national_one_none()
    {
        var catalog = Bargaining.Jurisdictions.JurisdictionCatalog.Load(BargainingHost.RepositoryWorkflows);

        Assert.NotNull(catalog["jiangsu"].WageGuideline);
        Assert.Null(catalog["national"].WageGuideline);
    }
}
