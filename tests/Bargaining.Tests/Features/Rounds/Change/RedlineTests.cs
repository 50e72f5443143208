using System.Diagnostics;
using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds.Change;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Renewal;
using Bargaining.Features.Rounds.Table;
using Bargaining.Tests.Shared;
using static Bargaining.Features.Rounds.Change.DiffKind;

namespace Bargaining.Tests.Features.Rounds.Change;

public sealed class RedlineTests : ChangeScenario
{
    private static VersionClause Clause(int number, string code, string title, string text) => new(number, code, title, text, null, null);

    [Fact]
    public async Task A_change_against_the_original_marks_the_changed_words_and_keeps_the_rest()
    {
        var contract = await EffectiveContractAsync();
        var change = await EffectiveChangeAsync(contract);

        var redline = (await Host.SendAsync(new RedlineQuery(change), Chair))!;

        Assert.Equal((contract, change), (redline.FromRoundId, redline.ToRoundId));
        Assert.StartsWith("原合同", redline.FromName);
        Assert.StartsWith("变更后的合同", redline.ToName);
        var (wage, leave) = (redline.Clauses[0], redline.Clauses[1]);
        Assert.Equal((1, 1, "劳动报酬", ClauseChange.Changed), (wage.OldNumber, wage.NewNumber, wage.Title, wage.Change));
        Assert.Equal([(Same, "职工年平均工资增长"), (Removed, "6"), (Added, "8"), (Same, "%")], wage.Runs.Select(r => (r.Kind, r.Text)));
        Assert.Equal(ClauseChange.Unchanged, leave.Change);
        Assert.Equal(2, redline.Clauses.Count);
    }

    [Fact]
    public async Task A_renewal_against_the_current_contract_shows_added_removed_and_changed_clauses()
    {
        var contract = await EffectiveContractAsync();
        var renewal = await Host.SendAsync(new StartRenewalCommand(contract, new DateOnly(2026, 6, 30), Side.Worker), Chair);
        await Host.AdvanceToAsync(China.At(2026, 3, 30, 9));
        await Host.SendAsync(new MakeOfferCommand(renewal, [WageRise(7), new("custom", "甲方每年组织职工健康体检一次", Title: "健康体检")], Today), Chair);
        await Host.SendAsync(new ReplyToOfferCommand(renewal, Accept: true), Employer);
        await AtTheTableAsync(renewal);
        var leave = (await TopicsAsync(renewal)).Single(t => t.Code == "rest-leave");
        await Host.SendAsync(new WithdrawTopicCommand(leave.Id, Side.Worker, "年休假按法定标准执行，不再单列"), Chair);

        var redline = (await Host.SendAsync(new RedlineQuery(renewal), Chair))!;

        Assert.Equal([("劳动报酬", ClauseChange.Changed), ("健康体检", ClauseChange.Added), ("休息休假", ClauseChange.Removed)],
            redline.Clauses.Select(c => (c.Title, c.Change)));
        Assert.Equal([(Same, "职工年平均工资增长"), (Removed, "6"), (Added, "7"), (Same, "%")], redline.Clauses[0].Runs.Select(r => (r.Kind, r.Text)));
        Assert.Equal([(Added, "甲方每年组织职工健康体检一次")], redline.Clauses[1].Runs.Select(r => (r.Kind, r.Text)));
        Assert.Equal((2, (int?)null), (redline.Clauses[2].OldNumber, redline.Clauses[2].NewNumber));
        Assert.StartsWith("续订的合同", redline.ToName);
    }

    [Fact]
    public void Removed_clauses_stay_where_they_stood_and_moved_ones_keep_both_numbers()
    {
        VersionClause[] from = [Clause(1, "pay", "劳动报酬", "甲"), Clause(2, "rest-leave", "休息休假", "乙"), Clause(3, "hours", "工作时间", "丙")];
        VersionClause[] to = [Clause(1, "pay", "劳动报酬", "甲"), Clause(2, "hours", "工作时间", "丙丙"), Clause(3, "custom", "职工书屋", "丁")];

        var clauses = Redlines.Compare(from, to);

        Assert.Equal([(1, 1, ClauseChange.Unchanged), (2, null, ClauseChange.Removed), (3, 2, ClauseChange.Changed), (null, 3, ClauseChange.Added)],
            clauses.Select(c => (c.OldNumber, c.NewNumber, c.Change)));
        Assert.Empty(Redlines.Compare([], []));
    }

    [Fact]
    public async Task A_round_that_neither_changes_nor_renews_has_no_redline_and_another_enterprises_contract_cannot_be_compared()
    {
        var contract = await EffectiveContractAsync();
        Assert.Null(await Host.SendAsync(new RedlineQuery(contract), Chair));
        var other = await AddEnterpriseAsync(Yandu, "盐城其他机械有限公司", 12, 100);
        var elsewhere = await SignedAsync(other);

        var e = await RefusedAsync(() => Host.SendAsync(new RedlineQuery(contract, elsewhere), Chair), FailureKind.Rule);
        Assert.Contains("同一企业", e.Message);
    }

    [Fact]
    public async Task The_redline_annex_prints_the_marked_words_and_renders()
    {
        var contract = await EffectiveContractAsync();
        var change = await EffectiveChangeAsync(contract);

        var annex = await Host.SendAsync(new PrintRoundDocumentQuery(change, RoundDocumentKind.Redline), Chair);

        var text = PrintedPdf.Text(annex.Pdf);
        Assert.Contains("条款对照表", text);
        Assert.Contains("修改1条，新增0条，删除0条，未变1条", text);
        Assert.Contains("职工年平均工资增长〔删：6〕【8】%", text);
        Assert.Contains("第2条休息休假（未变）", text);
        Assert.Null(annex.VerificationCode);

        var path = Path.Combine(Path.GetTempPath(), $"redline-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(path + ".pdf", annex.Pdf);
        using var render = Process.Start("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", path + ".pdf", path])!;
        await render.WaitForExitAsync();
        Assert.Equal(0, render.ExitCode);
        Assert.True(new FileInfo(path + "-1.png").Length > 5_000);
    }
}
