using System.Text.Json;
using System.Text.Json.Nodes;
using Bargaining.Jurisdictions;
using Bargaining.Rules;
using Bargaining.Workflows;

namespace Bargaining.Features.Rounds;

/// <summary>The named conditions the bargaining definitions decide on.</summary>
public static class BargainingConditions
{
    /// <summary>Builds the condition set; rules come from the instance's jurisdiction profile.</summary>
    public static WorkflowConditions Create(JurisdictionCatalog catalog) => new WorkflowConditions()
        // 职代会表决, Art 36: the vote figures arrive as variables entitled / present / inFavour.
        .Add("congress-approved", c => Vote(c, catalog) is { IsApproved: true })
        .Add("congress-figures-invalid", c => Vote(c, catalog) is null or { IsValid: false })
        // Without two thirds present the meeting cannot vote at all: it is held again, the draft stays before it.
        .Add("congress-not-quorate", c => Vote(c, catalog) is { IsValid: true, QuorumMet: false })
        // Either side may make the offer (Art 32); the offering side is recorded when the round starts.
        .Add("offered-by-employer", c => Text(c.Variables, "offeredBy") == WorkflowRoles.Employer)
        // After a coordination agreement (Art 54) bargaining resumes where it stood: a round whose table was open keeps
        // its representatives and meetings and goes back to the table; a dispute over the offer goes on to naming
        // representatives.
        .Add("bargaining-under-way", c => TableOpened(c.Variables))
        // Wage agreements are filed within 7 days (《工资集体协商试行办法》 Art 21), other contracts within 10 (Art 42).
        .Add("wage-agreement", c => Text(c.Variables, "kind") == "wage")
        // The enterprise merged, dissolved, bankrupt or closed (Art 40(1)): the contract 终止 with its party; any other
        // reason rescinds it (解除).
        .Add("enterprise-ceased", c => Text(c.Variables, "terminationReason") == Rules.TerminationReason.EnterpriseCeased.WorkflowName());

    // The milestones a round has passed, read from its variables, which keep every payload for the round's life: the
    // decisions above and RoundStages judge them here alike.

    /// <summary>The offer was refused (Art 32): the refusal's reason. Closing and withdrawing give a reason too, but they end the round.</summary>
    public static bool OfferRefused(JsonObject variables) => Text(variables, "reason") is not null;

    /// <summary>The table is open: a meeting was scheduled (the meeting signals carry its number, Art 34).</summary>
    public static bool TableOpened(JsonObject variables) => Int(variables, "meeting") is >= 1;

    /// <summary>The contract was filed (Art 42): the day the labour administration received it, which review counts from.</summary>
    public static bool Filed(JsonObject variables) => Text(variables, "filingReceivedOn") is not null;

    private static CongressOutcome? Vote(ConditionContext c, JurisdictionCatalog catalog) =>
        Int(c.Variables, "entitled") is { } entitled && Int(c.Variables, "present") is { } present && Int(c.Variables, "inFavour") is { } inFavour
            ? catalog[c.Jurisdiction.Code].Congress.Judge(entitled, present, inFavour)
            : null;

    private static int? Int(JsonObject variables, string name) =>
        variables[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i : null;

    private static string? Text(JsonObject variables, string name) =>
        variables[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
