using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Jurisdictions;
using Bargaining.Workflows;

namespace Bargaining.Features.Rounds;

/// <summary>
/// Moves a round's workflow from a handler. The engine's changes join the command's transaction; a refusal of the
/// engine (a value) becomes a <see cref="DomainException"/>, so the transaction rolls the handler's rows back too.
/// </summary>
public sealed class RoundWorkflow(WorkflowEngine engine, JurisdictionCatalog jurisdictions, TimeProvider clock)
{
    private DateTimeOffset? _now;

    /// <summary>
    /// The instant of the request, read from the clock once: everything one command stamps (the offer and its topics,
    /// a draft and its clauses) carries the same instant, so "raised with the offer" means equal, not a tick later.
    /// </summary>
    public DateTimeOffset Now => _now ??= clock.GetUtcNow();

    /// <summary>Today in the round's jurisdiction (periods count in local days), on <see cref="Now"/>.</summary>
    public DateOnly Today(Round round) => jurisdictions[round.Jurisdiction].Time.LocalDate(Now);

    /// <summary>The jurisdiction profile of a round.</summary>
    public JurisdictionProfile Profile(Round round) => jurisdictions[round.Jurisdiction];

    /// <summary>Starts the round's instance with the variables the definitions decide on.</summary>
    public async Task<WorkflowSnapshot> StartAsync(Round round, Enterprise enterprise, CurrentUser user, CancellationToken ct)
    {
        var result = await engine.StartAsync(Start(round, enterprise, user), ct);
        return result.Instance ?? throw await RefusalAsync(round, result.Error!, "发起协商", round.OfferingSide, ct);
    }

    /// <summary>
    /// Starts the round's instance and sends <paramref name="signal"/> as the offering side in memory, adding the
    /// instance, its journal and its timers to the context unsaved (<see cref="WorkflowEngine.StartUnsaved"/>): a
    /// bulk launch saves many rounds in one <c>SaveChanges</c>. The journal is that of <see cref="StartAsync"/> and
    /// then <see cref="SignalAsync"/>; a refusal adds nothing.
    /// </summary>
    public async Task<WorkflowSnapshot> StartUnsavedAsync(Round round, Enterprise enterprise, CurrentUser user, string signal, string action, JsonObject payload, CancellationToken ct)
    {
        var result = engine.StartUnsaved(Start(round, enterprise, user), [new Signal(signal, Actor(user), round.OfferingSide.WorkflowRole(), payload)]);
        return result.Instance ?? throw await RefusalAsync(round, result.Error!, action, round.OfferingSide, ct);
    }

    /// <summary>
    /// The start of the round's instance with the variables the definitions decide on. Its business key is the round's
    /// id, by which the context finds the round of a workflow the engine wrote (<see cref="Persistence.BargainingDbContext"/>).
    /// </summary>
    private static StartWorkflow Start(Round round, Enterprise enterprise, CurrentUser user)
    {
        var variables = new JsonObject
        {
            ["offeredBy"] = round.OfferingSide.WorkflowRole(),
            ["kind"] = round.WorkflowKind,
            ["enterprise"] = enterprise.Name,
        };
        if (round.Renewal.CurrentExpiresOn is { } expiresOn) variables["expiresOn"] = expiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new StartWorkflow(round.WorkflowDefinition, round.Jurisdiction, Actor(user), variables, InstanceId: round.WorkflowInstanceId, BusinessKey: round.Id.ToString());
    }

    /// <summary>Sends <paramref name="signal"/> as <paramref name="side"/>; <paramref name="action"/> names it in Chinese for messages.</summary>
    public async Task<WorkflowSnapshot> SignalAsync(Round round, string signal, Side side, CurrentUser user, string action, JsonObject? payload, CancellationToken ct)
    {
        var result = await engine.SignalAsync(round.WorkflowInstanceId, new Signal(signal, Actor(user), side.WorkflowRole(), payload), ct);
        return result.Instance ?? throw await RefusalAsync(round, result.Error!, action, side, ct);
    }

    /// <summary>Sends <paramref name="signal"/> in a role that is not a side of the table (the reviewer).</summary>
    public async Task<WorkflowSnapshot> SignalAsRoleAsync(Round round, string signal, string role, string roleName, CurrentUser user, string action, JsonObject? payload, CancellationToken ct)
    {
        var result = await engine.SignalAsync(round.WorkflowInstanceId, new Signal(signal, Actor(user), role, payload), ct);
        if (result.Instance is not null) return result.Instance;
        if (result.Error!.Code == WorkflowErrorCode.Forbidden) throw DomainException.Forbidden($"{roleName}不能{action}");
        throw await RefusalAsync(round, result.Error!, action, Side.Worker, ct);
    }

    /// <summary>
    /// The round's workflow now: its steps, or its outcome once ended. A deadline that has lapsed counts as fired even
    /// if the timer processor has not caught up yet, as the engine judges a signal; so a handler's checks agree with
    /// the signal it then sends and with what <see cref="Views.RoundActionsQuery"/> offers.
    /// </summary>
    public async Task<WorkflowSnapshot> SnapshotAsync(Round round, CancellationToken ct) =>
        await engine.GetCurrentAsync(round.WorkflowInstanceId, ct) ?? throw DomainException.NotFound("本轮协商的流程");

    /// <summary>The round's active steps now (see <see cref="SnapshotAsync"/>).</summary>
    public async Task<IReadOnlyList<ActiveStep>> StepsAsync(Round round, CancellationToken ct) => (await SnapshotAsync(round, ct)).Steps;

    /// <summary>Throws conflict unless the round is at one of <paramref name="nodes"/> (e.g. the bargaining table).</summary>
    public async Task EnsureAtAsync(Round round, string action, CancellationToken ct, params string[] nodes)
    {
        var snapshot = await SnapshotAsync(round, ct);
        if (!snapshot.Steps.Any(s => nodes.Contains(s.Node)))
            throw DomainException.Conflict("round.step", $"本轮协商当前处于“{Steps(snapshot)}”，不能{action}");
    }

    /// <summary>Who, as journaled: user id and name.</summary>
    public static string Actor(CurrentUser user) => $"{user.UserId} {user.Name}";

    private async Task<Exception> RefusalAsync(Round round, WorkflowError error, string action, Side side, CancellationToken ct)
    {
        var snapshot = error.Code is WorkflowErrorCode.NotAllowed or WorkflowErrorCode.Forbidden ? await engine.GetCurrentAsync(round.WorkflowInstanceId, ct) : null;
        var at = snapshot is null ? "" : Steps(snapshot);
        return error.Code switch
        {
            WorkflowErrorCode.NotAllowed => DomainException.Conflict("round.step", $"本轮协商当前处于“{at}”，不能{action}"),
            WorkflowErrorCode.Forbidden => DomainException.Forbidden($"本轮协商当前处于“{at}”，{side.Chinese()}不能{action}"),
            WorkflowErrorCode.Completed => DomainException.Conflict("round.ended", $"本轮协商已经结束，不能{action}"),
            WorkflowErrorCode.Conflict => DomainException.Conflict("round.concurrent", "本轮协商刚被他人修改，请刷新后重试"),
            WorkflowErrorCode.NotFound => DomainException.NotFound("本轮协商的流程"),
            WorkflowErrorCode.InvalidInput => new DomainException(FailureKind.Validation, "round.input", $"{action}所需的数据有误：{error.Message}"),
            _ => new InvalidOperationException($"workflow refused '{action}' for round {round.Id}: {error}"),
        };
    }

    private static string Steps(WorkflowSnapshot snapshot) =>
        snapshot.Steps.Count == 0 ? "已结束" : string.Join("、", snapshot.Steps.Select(s => s.Name));
}
