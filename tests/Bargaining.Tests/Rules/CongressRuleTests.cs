using Bargaining.Rules;

namespace Bargaining.Tests.Rules;

// 职代会表决, 《集体合同规定》 Art 36: two thirds of ALL deputies present, more than half of ALL deputies in favour.
public sealed class CongressRuleTests
{
    private static readonly CongressRule Rule = CongressRule.National;

    [Fact]
    public void A_draft_with_120_of_180_present_and_91_in_favour_is_approved()
    {
        var outcome = Rule.Judge(entitled: 180, present: 120, inFavour: 91);

        Assert.True(outcome.IsValid);
        Assert.True(outcome.QuorumMet);
        Assert.True(outcome.IsApproved);
        Assert.Null(outcome.Reason);
    }

    [Fact]
    public void With_119_of_180_present_the_quorum_is_not_met()
    {
        var outcome = Rule.Judge(entitled: 180, present: 119, inFavour: 119);

        Assert.True(outcome.IsValid);
        Assert.False(outcome.QuorumMet);
        Assert.False(outcome.IsApproved);
        Assert.Contains("出席人数不足", outcome.Reason);
        Assert.Contains("120", outcome.Reason);
    }

    [Fact]
    public void Ninety_in_favour_of_180_is_not_more_than_half_even_if_it_is_a_majority_of_those_present()
    {
        var outcome = Rule.Judge(entitled: 180, present: 120, inFavour: 90);

        Assert.True(outcome.IsValid);
        Assert.True(outcome.QuorumMet);
        Assert.False(outcome.IsApproved);
        Assert.Contains("同意人数不足", outcome.Reason);
        Assert.Contains("91", outcome.Reason);
        Assert.Contains("第三十六条", outcome.Reason);
    }

    [Theory]
    [InlineData(180, 181, 100)] // more present than entitled
    [InlineData(180, 120, 121)] // more in favour than present
    [InlineData(0, 0, 0)]       // nobody entitled
    [InlineData(-5, 0, 0)]
    [InlineData(180, -1, 0)]
    [InlineData(180, 120, -1)]
    public void Impossible_figures_are_invalid_with_a_reason_in_Chinese(int entitled, int present, int inFavour)
    {
        var outcome = Rule.Judge(entitled, present, inFavour);

        Assert.False(outcome.IsValid);
        Assert.False(outcome.IsApproved);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
        Assert.Contains(outcome.Reason!, c => c is >= '\u4e00' and <= '\u9fff');
    }

    [Theory]
    [InlineData(181, 121, 91, true)]
    [InlineData(181, 120, 120, false)]
    [InlineData(181, 121, 90, false)]
    [InlineData(3, 2, 2, true)]
    [InlineData(3, 1, 1, false)]
    [InlineData(3, 3, 1, false)]
    public void Odd_totals_round_the_thresholds_up(int entitled, int present, int inFavour, bool approved) =>
        Assert.Equal(approved, Rule.Judge(entitled, present, inFavour).IsApproved);
}
