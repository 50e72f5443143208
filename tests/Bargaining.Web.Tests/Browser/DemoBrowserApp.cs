using Bargaining.Demo;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// The browser host on a small generated Yancheng city (<see cref="YanchengDemo"/>, 24 enterprises, all through the
/// real commands on a simulated clock, as <c>DemoSeeder</c> does), with the application's clock at the demo's end.
/// </summary>
public class DemoBrowserApp : BrowserApp
{
    /// <summary>How many enterprises the generated city has.</summary>
    protected virtual int Size => 24;

    public YanchengDemoResult Demo { get; private set; } = null!;

    protected override async Task BeforeStartAsync()
    {
        var simulated = new ManualClock(YanchengDemo.Start);
        await using (var generator = new ServiceCollection().AddLogging()
            .AddBargaining(new BargainingOptions(BargainingOptions.FindWorkflowsDirectory(), Database), simulated).BuildServiceProvider())
        {
            await using (var scope = generator.CreateAsyncScope())
                await Bargaining.Persistence.Database.InitializeAsync(scope.ServiceProvider.GetRequiredService<BargainingDbContext>());
            Demo = await new YanchengDemo(generator, simulated).GenerateAsync(Size);
        }
        SqliteConnection.ClearAllPools();
        Clock.SetUtcNow(Demo.EndedAt);
    }

    protected override Task SeedAsync() => Task.CompletedTask;
}

/// <summary>The generated city at the demo's full size (240 enterprises), for the README's screenshots.</summary>
public sealed class FullDemoBrowserApp : DemoBrowserApp
{
    /// <inheritdoc />
    protected override int Size => 240;
}
