using Bargaining.Features.Rounds.Change;
using static Bargaining.Features.Rounds.Change.DiffKind;

namespace Bargaining.Tests.Features.Rounds.Change;

public sealed class TextDiffTests
{
    private static IEnumerable<(DiffKind, string)> Diff(string old, string @new) => TextDiff.Compare(old, @new).Select(r => (r.Kind, r.Text));

    [Fact]
    public void Two_empty_texts_have_no_runs() => Assert.Empty(TextDiff.Compare("", ""));

    [Fact]
    public void A_text_against_nothing_is_all_added_or_all_removed()
    {
        Assert.Equal([(Added, "职工年平均工资增长6%")], Diff("", "职工年平均工资增长6%"));
        Assert.Equal([(Removed, "职工年平均工资增长6%")], Diff("职工年平均工资增长6%", ""));
    }

    [Fact]
    public void Identical_texts_are_one_kept_run() => Assert.Equal([(Same, "职工年平均工资增长6%。")], Diff("职工年平均工资增长6%。", "职工年平均工资增长6%。"));

    [Fact]
    public void Texts_with_nothing_in_common_are_removed_then_added() => Assert.Equal([(Removed, "甲乙丙"), (Added, "丁戊")], Diff("甲乙丙", "丁戊"));

    [Fact]
    public void A_changed_figure_is_marked_alone_between_kept_words() =>
        Assert.Equal([(Same, "职工年平均工资增长"), (Removed, "6"), (Added, "8"), (Same, "%")], Diff("职工年平均工资增长6%", "职工年平均工资增长8%"));

    [Fact]
    public void Chinese_punctuation_is_compared_as_characters() =>
        Assert.Equal([(Same, "高温津贴每月300元"), (Removed, "，"), (Added, "；"), (Same, "六月至九月发放"), (Removed, "。"), (Added, "！")],
            Diff("高温津贴每月300元，六月至九月发放。", "高温津贴每月300元；六月至九月发放！"));

    [Fact]
    public void Changes_one_kept_character_apart_read_as_one_change() =>
        Assert.Equal([(Same, "增长"), (Removed, "3.5"), (Added, "4.0"), (Same, "%")], Diff("增长3.5%", "增长4.0%"));

    [Fact]
    public void Inserted_words_in_the_middle_are_marked_as_added() =>
        Assert.Equal([(Same, "职工享受带薪年休假"), (Added, "不少于"), (Same, "5天")], Diff("职工享受带薪年休假5天", "职工享受带薪年休假不少于5天"));

    [Fact]
    public void The_runs_rebuild_both_texts()
    {
        var (old, @new) = ("甲方每年组织职工健康体检一次，费用由甲方承担。", "甲方每两年组织全体职工健康体检，费用由甲方全额承担。");
        var runs = TextDiff.Compare(old, @new);
        Assert.Equal(old, string.Concat(runs.Where(r => r.Kind != Added).Select(r => r.Text)));
        Assert.Equal(@new, string.Concat(runs.Where(r => r.Kind != Removed).Select(r => r.Text)));
    }
}
