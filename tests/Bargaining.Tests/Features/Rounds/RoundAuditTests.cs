using Bargaining.Features.Rounds;
using Bargaining.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Rounds;

public sealed class RoundAuditTests : RoundScenario
{
    [Fact]
    public async Task A_filed_round_agrees_with_its_journal_and_each_fact_changed_behind_its_back_is_named()
    {
        var id = await FiledAsync();
        Assert.Empty(await DifferencesAsync(id));
        var round = await RoundAsync(id);

        // Someone with write access to the database changes the round's own columns; its journal, sealed, stays as it was.
        var present = round.Congress.Present!.Value;
        var received = round.Filing.ReceivedOn!.Value;
        await Host.WithDatabaseAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE rounds SET \"Congress_Present\" = {present + 10}, \"Signing_WorkerSignedAt\" = NULL, \"Filing_ReceivedOn\" = {received.AddDays(-3)} WHERE \"Id\" = {id}"));

        var differences = await DifferencesAsync(id);
        Assert.Equal(3, differences.Count);
        Assert.Contains($"职工代表大会实到人数：记录为 {present + 10}，日志为 {present}", differences);
        Assert.Contains("职工方首席代表签字：记录为 否，日志为 是", differences);
        Assert.Contains($"劳动保障行政部门收到日期：记录为 {received.AddDays(-3):yyyy-MM-dd}，日志为 {received:yyyy-MM-dd}", differences);
        Assert.True((await Host.WithEngineAsync(e => e.VerifyJournalAsync(round.WorkflowInstanceId))).Valid);
    }

    [Fact]
    public async Task A_refusal_turned_into_an_acceptance_in_the_database_is_named()
    {
        var id = await OfferedAsync();
        await Host.SendAsync(new Bargaining.Features.Rounds.Offer.ReplyToOfferCommand(id, false, "企业正在破产清算"), Employer);
        Assert.Empty(await DifferencesAsync(id));

        await Host.WithDatabaseAsync(db => db.Database.ExecuteSqlAsync($"UPDATE rounds SET \"Response_Accepted\" = {true}, \"Response_RefusalReason\" = NULL WHERE \"Id\" = {id}"));

        Assert.Equal(["对要约的回应：记录为 是，日志为 否", "拒绝协商的理由：记录为 （无），日志为 企业正在破产清算"], await DifferencesAsync(id));
    }

    private async Task<IReadOnlyList<string>> DifferencesAsync(Guid id)
    {
        var round = await RoundAsync(id);
        return RoundAudit.Differences(round, await Host.WithEngineAsync(e => e.JournalAsync(round.WorkflowInstanceId)));
    }
}
