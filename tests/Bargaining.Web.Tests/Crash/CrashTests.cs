using Xunit.Abstractions;

namespace Bargaining.Web.Tests.Crash;

/// <summary>
/// The crash harness in CI: three SIGKILLs of the real host under writes (<see cref="CrashHarness"/>);
/// <c>scripts/crash.sh --kills 20</c> runs the long one (<c>BARGAINING_CRASH_KILLS</c>).
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killed_at_random_moments_the_host_keeps_every_acknowledged_write_fires_each_due_deadline_once_and_its_journals_verify()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("BARGAINING_CRASH_KILLS"), out var n) && n > 0 ? n : 3;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("BARGAINING_CRASH_SEED"), out var s) ? s : 20261207;
        var directory = Directory.CreateTempSubdirectory("bargaining-crash-");
        try
        {
            await using var harness = new CrashHarness(directory.FullName, seed, output.WriteLine);
            var report = await harness.RunAsync(kills, clients: 3, enterprises: Math.Max(15, 4 * kills));

            output.WriteLine($"crash harness (seed {seed}): {report}");
            Assert.Equal(kills, report.Kills);
            Assert.True(report.TimersFired > 0, "no deadline fell due");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
