using Microsoft.EntityFrameworkCore;
using static Bargaining.Workflows.Tests.Support.TestWorkflows;

namespace Bargaining.Workflows.Tests.Journal;

public sealed class JournalTests : WorkflowDatabaseTest
{
    [Fact]
    public async Task A_payload_changed_in_the_database_is_reported_with_its_sequence_number()
    {
        var (engine, id) = await RoundWithThreeEntriesAsync();

        await ChangeDatabaseAsync($"UPDATE workflow_journal SET \"Payload\" = {"{\"agrees\":false}"} WHERE \"InstanceId\" = {id} AND \"Sequence\" = 2");

        var verification = await engine.VerifyJournalAsync(id);
        Assert.Equal((false, 2L), (verification.Valid, verification.BrokenAt));
        Assert.Contains("does not match its hash", verification.Problem);
    }

    [Fact]
    public async Task A_deleted_last_entry_is_detected()
    {
        var (engine, id) = await RoundWithThreeEntriesAsync();

        await ChangeDatabaseAsync($"DELETE FROM workflow_journal WHERE \"InstanceId\" = {id} AND \"Sequence\" = 3");

        var verification = await engine.VerifyJournalAsync(id);
        Assert.Equal((false, 3L), (verification.Valid, verification.BrokenAt));
        Assert.Contains("missing", verification.Problem);
    }

    [Fact]
    public async Task A_deleted_entry_in_the_middle_is_reported_by_its_sequence_number()
    {
        var (engine, id) = await RoundWithThreeEntriesAsync();

        await ChangeDatabaseAsync($"DELETE FROM workflow_journal WHERE \"InstanceId\" = {id} AND \"Sequence\" = 2");

        var verification = await engine.VerifyJournalAsync(id);
        Assert.Equal((false, 2L), (verification.Valid, verification.BrokenAt));
        Assert.Contains("entry 2 is missing", verification.Problem);
    }

    [Fact]
    public async Task An_instance_moved_in_the_database_without_a_journal_entry_is_detected()
    {
        var (engine, id) = await RoundWithThreeEntriesAsync();

        // The chain is untouched; only the instance's own row says it has ended, as if the contract had taken effect.
        await ChangeDatabaseAsync($"UPDATE workflow_instances SET \"Status\" = 'Completed', \"Outcome\" = 'effective' WHERE \"Id\" = {id}");

        var verification = await engine.VerifyJournalAsync(id);
        Assert.Equal((false, 3L), (verification.Valid, verification.BrokenAt));
        Assert.Contains("stored state is not the state its last journal entry recorded", verification.Problem);
    }

    [Fact]
    public async Task A_variable_changed_in_the_stored_state_is_detected()
    {
        var (engine, id) = await RoundWithThreeEntriesAsync();

        await ChangeDatabaseAsync($"UPDATE workflow_instances SET \"State\" = replace(\"State\", 'true', 'false') WHERE \"Id\" = {id}");

        Assert.False((await engine.VerifyJournalAsync(id)).Valid);
    }

    [Fact]
    public async Task A_journal_written_between_two_ticks_of_the_database_still_verifies()
    {
        // A real clock has 100 ns ticks; SQLite keeps DateTimeOffset to 0.1 ms.
        Clock.Advance(TimeSpan.FromTicks(1234));
        var (engine, id) = await RoundWithThreeEntriesAsync();

        Assert.Equal(new JournalVerification(true, 3, null, null), await engine.VerifyJournalAsync(id));
    }

    private async Task<(WorkflowEngine Engine, Guid Id)> RoundWithThreeEntriesAsync()
    {
        var engine = NewEngine();
        var id = await StartRoundAsync(engine);
        (await engine.SignalAsync(id, Reply(agrees: true))).Applied();
        (await engine.SignalAsync(id, Send("submit-union-draft", "union"))).Applied();
        Assert.True((await engine.VerifyJournalAsync(id)).Valid);
        return (engine, id);
    }

    /// <summary>Changes the journal behind the engine's back, as someone with access to the database could.</summary>
    private async Task ChangeDatabaseAsync(FormattableString sql) =>
        Assert.Equal(1, await Database.NewContext().Database.ExecuteSqlAsync(sql));
}
