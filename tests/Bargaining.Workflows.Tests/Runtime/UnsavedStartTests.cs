using System.Text.RegularExpressions;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using static Bargaining.Workflows.Tests.Support.TestWorkflows;

namespace Bargaining.Workflows.Tests.Runtime;

/// <summary><see cref="WorkflowEngine.StartUnsaved"/>: a start and its first signals in memory, saved by the caller with others.</summary>
public sealed partial class UnsavedStartTests : WorkflowDatabaseTest
{
    private static readonly Signal[] ToNotice = [Reply(agrees: true), Send("submit-union-draft", "union"), Send("submit-employer-draft", "employer")];

    [Fact]
    public async Task An_unsaved_start_with_signals_writes_the_rows_of_starting_and_signalling_one_step_at_a_time()
    {
        var stepwise = NewEngine();
        var one = await StartRoundAsync(stepwise);
        foreach (var signal in ToNotice) (await stepwise.SignalAsync(one, signal)).Applied();
        var db = Database.NewContext();
        var engine = new WorkflowEngine(db, Registry(), Conditions(), Jurisdictions, Clock, Database.Seal);

        var unsaved = engine.StartUnsaved(StartOfferRound(), ToNotice).Applied();
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity.GetType().Name).Order().ToList();
        await db.SaveChangesAsync();

        Assert.Equal(["WorkflowInstanceRecord", "WorkflowJournalRecord", "WorkflowJournalRecord", "WorkflowJournalRecord", "WorkflowJournalRecord", "WorkflowTimerRecord"], added);
        Assert.Equal(await RowsAsync(one), await RowsAsync(unsaved.Id));
        Assert.Equal((3, "notice"), (unsaved.Revision, Assert.Single(unsaved.Steps).Node));
        Assert.Equal(new JournalVerification(true, 4, null, null), await NewEngine().VerifyJournalAsync(unsaved.Id));
    }

    [Fact]
    public void A_refused_signal_leaves_nothing_added()
    {
        var db = Database.NewContext();
        var engine = new WorkflowEngine(db, Registry(), Conditions(), Jurisdictions, Clock, Database.Seal);

        var error = engine.StartUnsaved(StartOfferRound(), [Send("reply", "union")]).Refused(WorkflowErrorCode.Forbidden);

        Assert.Contains("role 'union' may not send 'reply'", error.Message);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public void A_signal_after_the_instance_ended_is_refused_as_completed_and_nothing_is_added()
    {
        var db = Database.NewContext();
        var engine = new WorkflowEngine(db, Registry(), Conditions(), Jurisdictions, Clock, Database.Seal);

        engine.StartUnsaved(StartOfferRound(), [Reply(agrees: false), Reply(agrees: true)]).Refused(WorkflowErrorCode.Completed);

        Assert.Empty(db.ChangeTracker.Entries());
    }

    /// <summary>An instance's stored rows with its own id and the timers' ids left out.</summary>
    private async Task<List<string>> RowsAsync(Guid id)
    {
        var db = Database.NewContext();
        var instance = await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == id);
        var journal = await db.Set<WorkflowJournalRecord>().AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ToListAsync();
        var timers = await db.Set<WorkflowTimerRecord>().AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.DueAt).ToListAsync();
        string[] rows = [
            $"{instance.DefinitionId} v{instance.DefinitionVersion} {instance.Jurisdiction} {instance.Status} {instance.Outcome} r{instance.Revision} #{instance.JournalSequence} {instance.CreatedAt:O} {instance.UpdatedAt:O} {instance.State}",
            .. journal.Select(j => $"{j.Sequence} {j.Kind} {j.Node} {j.Signal} {j.Actor} {j.Role} {j.At:O} {j.Moves} {j.Payload} {j.Result}"),
            .. timers.Select(t => $"timer {t.Node} {t.DueAt:O}"),
        ];
        return [.. rows.Select(r => Guids().Replace(r.Replace(id.ToString(), "<instance>"), "<timer>"))];
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guids();
}
