namespace Bargaining.Benchmarks;

/// <summary>One timed run: how many persisted operations, in how long, and how many failed.</summary>
/// <param name="Name">What ran.</param>
/// <param name="Threads">How many threads wrote concurrently.</param>
/// <param name="Operations">Committed operations.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="Failures">Operations refused or lost (conflicts included).</param>
/// <param name="Counted">What <paramref name="Operations"/> is made of.</param>
/// <param name="FirstFailure">The first failure's message, if any.</param>
internal sealed record Measurement(string Name, int Threads, long Operations, TimeSpan Elapsed, long Failures, string Counted, string? FirstFailure)
{
    /// <summary>How long each measurement runs uncounted on its own fresh file and services before its clock starts.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public double PerSecond => Operations / Elapsed.TotalSeconds;

    /// <summary>The process's CPU time (all threads, GC included) during the run: steadier than the rate on a shared machine.</summary>
    public TimeSpan Cpu { get; init; }

    public double CpuMicrosecondsPerOperation => Operations == 0 ? 0 : Cpu.TotalMicroseconds / Operations;
}
