using System.Text.Json.Nodes;

namespace Bargaining.Workflows;

/// <summary>A signal sent to an instance by a person acting in a role.</summary>
/// <param name="Name">The signal name, as the definition spells it.</param>
/// <param name="Actor">Who sends it (a user id or name); journaled.</param>
/// <param name="Role">The role the actor acts in; must be allowed by the step.</param>
/// <param name="Payload">Optional data; its top-level properties become instance variables.</param>
/// <param name="IdempotencyKey">When set, repeating the key returns the first outcome and changes nothing.</param>
/// <param name="Node">Which step to address when several active steps accept the same signal.</param>
public sealed record Signal(string Name, string Actor, string Role, JsonObject? Payload = null, string? IdempotencyKey = null, string? Node = null);

/// <summary>A request to start an instance.</summary>
/// <param name="DefinitionId">Which workflow.</param>
/// <param name="Jurisdiction">The jurisdiction whose periods and calendar apply.</param>
/// <param name="Actor">Who starts it.</param>
/// <param name="Variables">Initial variables.</param>
/// <param name="Version">A given version; the latest when null.</param>
/// <param name="InstanceId">A caller-chosen id; starting the same id twice returns the first instance.</param>
/// <param name="BusinessKey">An optional key to find the instance by (e.g. a round number).</param>
public sealed record StartWorkflow(
    string DefinitionId,
    string Jurisdiction,
    string Actor,
    JsonObject? Variables = null,
    int? Version = null,
    Guid? InstanceId = null,
    string? BusinessKey = null);
