using System.Text.Json.Nodes;
using Bargaining.Features.Rounds;
using Bargaining.Jurisdictions;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;

namespace Bargaining.Tests.Workflows;

// workflows/workflow.schema.json lets editors check a definition as it is typed; the engine's loader checks it again
// when it loads. The two must agree on the real definitions and on broken ones.
public sealed class DefinitionSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(BargainingHost.RepositoryWorkflows, "workflow.schema.json");

    public static TheoryData<string> Definitions() =>
        [.. Directory.EnumerateFiles(BargainingHost.RepositoryWorkflows, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Every_definition_validates_against_the_workflow_schema(string file)
    {
        var definition = Read(file);

        Assert.Equal("./workflow.schema.json", definition["$schema"]?.GetValue<string>());
        var errors = JsonSchemaSubset.Load(SchemaPath).Validate(definition);
        Assert.True(errors.Count == 0, $"{file} does not match workflow.schema.json:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    public static TheoryData<string, Action<JsonObject>> Breakages() => new()
    {
        { "an unknown property on a task", d => Node(d, "union-offer")["colour"] = "red" },
        { "a deadline with neither duration nor parameter", d => Node(d, "employer-reply")["deadline"]!.AsObject().Remove("parameter") },
        { "a deadline with both duration and parameter", d => Node(d, "employer-reply")["deadline"]!["duration"] = "P20D" },
        { "a task with neither signals nor deadline", d => Node(d, "union-offer").Remove("signals") },
        { "an unknown node type", d => Node(d, "published")["type"] = "finish" },
        { "a node id with capitals", d => Node(d, "closed")["id"] = "Closed" },
        { "a parallel node with one branch", d => Node(d, "signing")["branches"] = new JsonArray("union-signature") },
        { "a version 0", d => d["version"] = 0 },
        { "an empty signal title", d => Node(d, "union-offer")["signals"]![0]!["title"] = "" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void The_schema_and_the_loader_both_refuse_a_broken_definition(string breakage, Action<JsonObject> breakIt)
    {
        var definition = Read("ordinary-procedure.json");
        breakIt(definition);

        Assert.NotEmpty(JsonSchemaSubset.Load(SchemaPath).Validate(definition));
        var catalog = JurisdictionCatalog.Load(BargainingHost.RepositoryWorkflows);
        var vocabulary = new DefinitionVocabulary(BargainingConditions.Create(catalog).Names, catalog.CommonPeriods);
        var (loaded, errors) = DefinitionLoader.Parse(definition.ToJsonString(), breakage, vocabulary);
        Assert.Null(loaded);
        Assert.NotEmpty(errors);
    }

    private static JsonObject Read(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(BargainingHost.RepositoryWorkflows, file)))!.AsObject();

    private static JsonObject Node(JsonObject definition, string id) =>
        definition["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == id)!.AsObject();
}
