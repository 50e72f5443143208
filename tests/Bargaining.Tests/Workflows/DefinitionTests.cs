using Bargaining.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Workflows;

public sealed class DefinitionTests
{
    [Fact]
    public async Task The_ordinary_simplified_renewal_and_change_definitions_all_load()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));

        var registry = host.Services.GetRequiredService<WorkflowRegistry>();

        Assert.Equal(["change", "ordinary-procedure", "renewal", "simplified-procedure"], registry.All.Select(d => d.Id));
        Assert.All(registry.All, d => Assert.Equal(1, d.Version));
    }

    [Theory]
    [InlineData("ordinary-procedure")]
    [InlineData("renewal")]
    [InlineData("change")]
    public async Task Both_ordinary_definitions_hold_several_meetings_and_resume_after_coordination_where_bargaining_stood(string id)
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var definition = host.Services.GetRequiredService<WorkflowRegistry>().Latest(id)!;

        Assert.Equal("bargaining", definition.Node("bargaining").Signal("schedule-meeting")?.To);
        Assert.All(new[] { "dispute-coordination", "coordination-extended", "coordination-overdue" },
            n => Assert.Equal("coordination-agreed", definition.Node(n).Signal("agree")?.To));
        var agreed = definition.Node("coordination-agreed");
        Assert.Equal(("bargaining-under-way", "bargaining"), Assert.Single(agreed.Cases.Select(c => (c.When, c.To))));
        Assert.Equal("name-representatives", agreed.Otherwise);
    }
}
