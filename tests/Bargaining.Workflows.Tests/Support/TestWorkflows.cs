using System.Text.Json.Nodes;

namespace Bargaining.Workflows.Tests.Support;

/// <summary>The offer-round definitions in Fixtures/, the conditions and jurisdiction they need, and the signals sent to them.</summary>
public static class TestWorkflows
{
    public const string OfferRound = "offer-round";

    public static string Fixture(string relativePath) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);

    /// <summary>A new set per call: a registered condition cannot be registered again.</summary>
    public static WorkflowConditions Conditions() =>
        new WorkflowConditions().Add("agreed", c => c.Variables["agrees"]?.GetValue<bool>() == true);

    public static DefinitionVocabulary Vocabulary { get; } = new(Conditions().Names, China.Periods.Keys.ToHashSet());

    public static IReadOnlyDictionary<string, Jurisdiction> Jurisdictions { get; } =
        new Dictionary<string, Jurisdiction> { ["national"] = China.Jurisdiction() };

    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Parse(string relativePath) =>
        DefinitionLoader.Parse(File.ReadAllText(Fixture(relativePath)), relativePath, Vocabulary);

    /// <summary>A registry holding the given versions of the offer round (version 1 alone by default).</summary>
    public static WorkflowRegistry Registry(params int[] versions) =>
        new((versions.Length == 0 ? [1] : versions).Select(v => Parse($"offer-round.v{v}.json") switch
        {
            ({ } definition, _) => definition,
            (_, var errors) => throw new WorkflowDefinitionException(errors),
        }));

    public static StartWorkflow StartOfferRound(int? version = null) => new(OfferRound, "national", "union-chair", Version: version);

    /// <summary>The employer's written reply (回应, 《集体合同规定》 Art 32).</summary>
    public static Signal Reply(bool agrees, string? idempotencyKey = null) =>
        new("reply", "hr-director", "employer", new JsonObject { ["agrees"] = agrees }, idempotencyKey);

    public static Signal Send(string name, string role) => new(name, $"{role}-representative", role);
}
