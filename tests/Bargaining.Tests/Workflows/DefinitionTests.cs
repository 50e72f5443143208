using Bargaining.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Workflows;

public sealed class DefinitionTests
{
    [Fact]
    public async Task The_ordinary_simplified_and_renewal_definitions_all_load()
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));

        var registry = host.Services.GetRequiredService<WorkflowRegistry>();

        Assert.Equal(["ordinary-procedure", "renewal", "simplified-procedure"], registry.All.Select(d => d.Id));
        Assert.All(registry.All, d => Assert.Equal(1, d.Version));
    }
}
