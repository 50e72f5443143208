using System.Reflection;
using System.Text.Json.Nodes;
using Bargaining.Features.Rounds;

namespace Bargaining.Tests.Workflows;

// The application names workflow nodes, signals, outcomes and roles only through the constants of WorkflowIds.cs;
// a definition that renames or drops one of them fails here instead of breaking a page silently.
public sealed class WorkflowIdsTests
{
    private static readonly JsonObject[] Definitions =
        [.. typeof(DefinitionIds).GetFields().Select(f => (string)f.GetValue(null)!)
            .Select(id => JsonNode.Parse(File.ReadAllText(Path.Combine(BargainingHost.RepositoryWorkflows, id + ".json")))!.AsObject())];

    private static IEnumerable<JsonObject> AllNodes => Definitions.SelectMany(d => d["nodes"]!.AsArray().Select(n => n!.AsObject()));

    public static TheoryData<string, string> Constants()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in new[] { typeof(Nodes), typeof(Signals), typeof(Outcomes), typeof(WorkflowRoles) })
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static)) data.Add(type.Name, (string)field.GetValue(null)!);
        return data;
    }

    [Fact]
    public void Every_definition_id_names_its_own_file()
    {
        Assert.Equal(typeof(DefinitionIds).GetFields().Select(f => (string)f.GetValue(null)!), Definitions.Select(d => d["id"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Constants))]
    public void Every_constant_the_application_uses_exists_in_a_definition(string kind, string id)
    {
        var known = kind switch
        {
            nameof(Nodes) => AllNodes.Select(n => n["id"]!.GetValue<string>()),
            nameof(Signals) => AllNodes.SelectMany(n => n["signals"]?.AsArray() ?? []).Select(s => s!["name"]!.GetValue<string>()),
            nameof(Outcomes) => AllNodes.Select(n => n["outcome"]?.GetValue<string>()).OfType<string>(),
            _ => Definitions.SelectMany(d => d["roles"]!.AsObject().Select(r => r.Key)),
        };
        Assert.Contains(id, known);
    }
}
