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
        // After a coordination agreement (Art 54) bargaining resumes where it stood: a round whose table was open (a
        // meeting was scheduled; the meeting signals carry its number) keeps its representatives and meetings and goes
        // back to the table; a dispute over the offer goes on to naming representatives.
        .Add("bargaining-under-way", c => Int(c.Variables, "meeting") is >= 1)
        // Wage agreements are filed within 7 days (《工资集体协商试行办法》 Art 21), other contracts within 10 (Art 42).
        .Add("wage-agreement", c => Text(c.Variables, "kind") == "wage");

    private static CongressOutcome? Vote(ConditionContext c, JurisdictionCatalog catalog) =>
        Int(c.Variables, "entitled") is { } entitled && Int(c.Variables, "present") is { } present && Int(c.Variables, "inFavour") is { } inFavour
            ? catalog[c.Jurisdiction.Code].Congress.Judge(entitled, present, inFavour)
            : null;

    private static int? Int(JsonObject variables, string name) =>
        variables[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i : null;

    private static string? Text(JsonObject variables, string name) =>
        variables[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
