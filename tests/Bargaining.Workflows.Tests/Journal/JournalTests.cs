using Bargaining.Workflows.Persistence;
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

    [Fact]
    public async Task An_entry_rewritten_with_its_whole_chain_recomputed_is_detected_by_its_seal()
    {
        var (engine, id) = await RoundWithThreeEntriesAsync();

        // Someone with write access to the database but not the key: changes who acted, then recomputes every hash
        // after it and the instance's head, so the plain hash chain holds again.
        await using (var db = Database.NewContext())
        {
            var entries = await db.Set<WorkflowJournalRecord>().Where(e => e.InstanceId == id).OrderBy(e => e.Sequence).ToListAsync();
            entries[1].Actor = "someone else";
            var previous = JournalHash.Genesis;
            foreach (var entry in entries)
            {
                entry.PreviousHash = previous;
                entry.Hash = previous = JournalHash.Compute(entry);
            }
            (await db.Set<WorkflowInstanceRecord>().SingleAsync(i => i.Id == id)).JournalHead = previous;
            await db.SaveChangesAsync();
        }

        var verification = await engine.VerifyJournalAsync(id);
        Assert.Equal((false, 2L), (verification.Valid, verification.BrokenAt));
        Assert.Contains("seal does not match", verification.Problem);
    }

    [Fact]
    public async Task An_entry_sealed_with_another_key_is_detected()
    {
        var (engine, id) = await RoundWithThreeEntriesAsync();
        var otherKey = new JournalSeal(new byte[JournalSeal.KeyLength]);
        var hash = await Database.NewContext().Set<WorkflowJournalRecord>().Where(e => e.InstanceId == id && e.Sequence == 3).Select(e => e.Hash).SingleAsync();

        await ChangeDatabaseAsync($"UPDATE workflow_journal SET \"Seal\" = {otherKey.Compute(hash)} WHERE \"InstanceId\" = {id} AND \"Sequence\" = 3");

        var verification = await engine.VerifyJournalAsync(id);
        Assert.Equal((false, 3L), (verification.Valid, verification.BrokenAt));
        Assert.Contains("seal does not match", verification.Problem);
    }

    [Fact]
    public async Task Entries_from_before_seals_are_sealed_once_where_their_chain_holds_and_a_broken_chain_stays_unsealed()
    {
        var (engine, sound) = await RoundWithThreeEntriesAsync();
        var (_, broken) = await RoundWithThreeEntriesAsync();
        // As a database of the release before seals: no entry sealed; one journal changed behind the engine's back.
        await using (var db = Database.NewContext())
            await db.Database.ExecuteSqlAsync($"UPDATE workflow_journal SET \"Seal\" = NULL");
        await ChangeDatabaseAsync($"UPDATE workflow_journal SET \"Actor\" = 'someone else' WHERE \"InstanceId\" = {broken} AND \"Sequence\" = 2");
        Assert.Contains("not sealed", (await engine.VerifyJournalAsync(sound)).Problem);

        var (count, unsealable) = await engine.SealUnsealedAsync();

        Assert.Equal(3, count);
        Assert.Equal(new[] { broken }, unsealable);
        Assert.True((await engine.VerifyJournalAsync(sound)).Valid);
        Assert.False((await engine.VerifyJournalAsync(broken)).Valid);
        var again = await engine.SealUnsealedAsync();
        Assert.Equal(0, again.Sealed);
        Assert.Equal(new[] { broken }, again.Broken);
    }

    [Fact, Trait("Database", "SqliteOnly")]
    public async Task The_host_finds_unsealed_entries_from_their_partial_index_without_reading_the_journal()
    {
        await RoundWithThreeEntriesAsync();
        await using var db = Database.NewContext();
        var query = WorkflowEngine.UnsealedInstances(db).ToQueryString();

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + query;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(reader.GetOrdinal("detail")));

        Assert.Contains(plan, step => step.Contains(WorkflowModel.UnsealedIndex, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN workflow_journal", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_journal_cut_back_or_an_instance_removed_is_found_by_a_checkpoint_taken_before()
    {
        var (_, id) = await RoundWithThreeEntriesAsync();
        var (_, other) = await RoundWithThreeEntriesAsync();
        var written = (await JournalCheckpoint.TakeAsync(Database.NewContext(), Clock.GetUtcNow())).Write(Database.Seal);
        var checkpoint = JournalCheckpoint.Read(written, Database.Seal);
        Assert.Equal(2, checkpoint.Heads.Count);
        Assert.Empty(await checkpoint.ProblemsAsync(Database.NewContext()));

        // The last entry cut away, the instance's head put back on the entry before (its seal still holds); another
        // instance removed whole.
        await using (var db = Database.NewContext())
        {
            var last = await db.Set<WorkflowJournalRecord>().SingleAsync(e => e.InstanceId == id && e.Sequence == 3);
            var instance = await db.Set<WorkflowInstanceRecord>().SingleAsync(i => i.Id == id);
            (instance.JournalSequence, instance.JournalHead) = (2, last.PreviousHash);
            db.Remove(last);
            db.RemoveRange(db.Set<WorkflowJournalRecord>().Where(e => e.InstanceId == other));
            db.RemoveRange(db.Set<WorkflowTimerRecord>().Where(t => t.InstanceId == other));
            db.Remove(await db.Set<WorkflowInstanceRecord>().SingleAsync(i => i.Id == other));
            await db.SaveChangesAsync();
        }

        var problems = await checkpoint.ProblemsAsync(Database.NewContext());
        Assert.Equal(2, problems.Count);
        Assert.Contains($"{id}: the journal has 2 entries, fewer than the 3 it had", problems);
        Assert.Contains($"{other}: the instance is gone (it had 3 entries)", problems);
        // A checkpoint changed, or sealed with another key, is refused.
        Assert.Throws<FormatException>(() => JournalCheckpoint.Read(written.Replace(" 3 ", " 2 "), Database.Seal));
        Assert.Throws<FormatException>(() => JournalCheckpoint.Read(written, new JournalSeal(new byte[JournalSeal.KeyLength])));
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
