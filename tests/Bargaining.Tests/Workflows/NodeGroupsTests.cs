using System.Text.Json.Nodes;
using Bargaining.Features.Rounds;

namespace Bargaining.Tests.Workflows;

// The groups replaced matching node ids by suffix: a definition's new "…-reply" or "…-overdue" node must be listed.
public sealed class NodeGroupsTests
{
    private static readonly string[] AllNodes =
        [.. typeof(DefinitionIds).GetFields().Select(f => (string)f.GetValue(null)!)
            .Select(id => JsonNode.Parse(File.ReadAllText(Path.Combine(BargainingHost.RepositoryWorkflows, id + ".json")))!["nodes"]!.AsArray())
            .SelectMany(nodes => nodes.Select(n => n!["id"]!.GetValue<string>())).Distinct()];

    [Fact]
    public void The_reply_group_lists_every_reply_node_of_the_definitions()
    {
        Assert.Equal(AllNodes.Where(n => n.EndsWith("-reply", StringComparison.Ordinal)).Order(), NodeGroups.Reply.Order());
    }

    [Fact]
    public void The_overdue_group_lists_every_overdue_node_of_the_definitions()
    {
        Assert.Equal(AllNodes.Where(n => n.EndsWith("-overdue", StringComparison.Ordinal)).Order(), NodeGroups.Overdue.Order());
    }
}
