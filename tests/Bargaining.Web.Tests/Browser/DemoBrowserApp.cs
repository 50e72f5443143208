using Bargaining.Demo;

namespace Bargaining.Web.Tests.Browser;

/// <summary>
/// The browser host on a small generated Yancheng city (<see cref="YanchengDemo"/>, 24 enterprises, all through the
/// real commands on a simulated clock, as <c>DemoSeeder</c> does: <see cref="YanchengDemo.CreateAsync"/>), with the application's clock at the demo's end.
/// </summary>
public class DemoBrowserApp : BrowserApp
{
    /// <summary>How many enterprises the generated city has.</summary>
    protected virtual int Size => 24;

    public YanchengDemoResult Demo { get; private set; } = null!;

    protected override async Task BeforeStartAsync()
    {
        Demo = await YanchengDemo.CreateAsync(Options, Size);
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
