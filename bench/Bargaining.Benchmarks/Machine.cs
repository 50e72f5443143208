namespace Bargaining.Benchmarks;

/// <summary>What a benchmark prints about the machine it ran on.</summary>
internal static class Machine
{
    /// <summary>The 1, 5 and 15 minute load averages, where Linux reports them.</summary>
    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : null;
}
