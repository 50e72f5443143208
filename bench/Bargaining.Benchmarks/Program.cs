using System.Globalization;
using System.Runtime.InteropServices;
using Bargaining;
using Bargaining.Benchmarks;
using Microsoft.Data.Sqlite;

if (args is ["launch", ..])
{
    await LaunchBenchmark.RunAsync(BargainingOptions.FindWorkflowsDirectory(), args is [_, "--enterprises", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 2000);
    return 0;
}
if (!TryParseSeconds(args, out var seconds))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Bargaining.Benchmarks [-- --seconds S]   (S: length of each measurement, default 5)\n       dotnet run -c Release --project bench/Bargaining.Benchmarks -- launch [--enterprises N]   (a county launch of N enterprises, default 2000)");
    return 2;
}
var duration = TimeSpan.FromSeconds(seconds);
var workflows = BargainingOptions.FindWorkflowsDirectory();
using (var memory = new SqliteConnection("Data Source=:memory:"))
{
    memory.Open();
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}{(Machine.LoadAverage() is { } load ? $", {load}" : "")}");
    Console.WriteLine($"SQLite {memory.ServerVersion} (Microsoft.Data.Sqlite), a fresh temp file per measurement, pooled connections, 30 s command timeout");
}
Console.WriteLine($"engine connections:   {await EngineBenchmark.SettingsAsync(workflows)}");
Console.WriteLine($"baseline connections: {AdoBaseline.Settings()}");
Console.WriteLine($"each measurement runs {seconds:0.#} s after a warm-up of the process and {Measurement.Settle.TotalSeconds:0.#} s uncounted on its own file; an engine operation is a start, a signal or a fired timer, each its own transaction");

// Tiered JIT with dynamic PGO needs 15–20 s of this workload on 2 cores before the rate stops climbing.
await EngineBenchmark.RunAsync("warm-up", workflows, threads: 1, TimeSpan.FromSeconds(20));
await EngineBenchmark.RunAsync("warm-up", workflows, threads: 2, TimeSpan.FromSeconds(2));
await AdoBaseline.RunAsync("warm-up", threads: 2, TimeSpan.FromSeconds(1));

// Each engine figure is taken right before its baseline, so a change in the machine's load skews both alike.
const string Engine = "engine: ordinary rounds, a DI scope per operation";
const string Baseline = "ADO.NET: read + update + insert per transaction";
var engine = new List<Measurement>();
var baseline = new List<Measurement>();
foreach (var threads in new[] { 1, 2 })
{
    engine.Add(await EngineBenchmark.RunAsync(Engine, workflows, threads, duration));
    baseline.Add(await AdoBaseline.RunAsync(Baseline, threads, duration));
}
var phases = new DatabaseTimes();
Measurement[] analysis = [
    await EngineBenchmark.RunAsync("engine, timing its database calls (below)", workflows, threads: 1, duration, interceptors: phases),
    await EngineBenchmark.RunAsync("engine, one DbContext per thread", workflows, threads: 1, duration, contextPerThread: true),
    await EngineBenchmark.RunAsync("engine + PRAGMA busy_timeout=30000", workflows, threads: 2, duration, interceptors: new ConnectionPragma("PRAGMA busy_timeout=30000;")),
    await EngineBenchmark.RunAsync("engine, synchronous=NORMAL (not durable)", workflows, threads: 1, duration, interceptors: new ConnectionPragma("PRAGMA synchronous=NORMAL;")),
    await AdoBaseline.RunAsync("ADO.NET, synchronous=NORMAL (not durable)", threads: 1, duration, synchronous: "NORMAL"),
];

Console.WriteLine();
PrintTable(engine.Concat(baseline));
Console.WriteLine();
for (var i = 0; i < engine.Count; i++)
{
    var ratio = engine[i].PerSecond / baseline[i].PerSecond;
    var met = engine[i].PerSecond >= 2000 && ratio >= 0.5 ? "met" : "not met";
    Console.WriteLine(FormattableString.Invariant(
        $"engine / baseline, {engine[i].Threads} thread(s): {ratio:0.00}; goal (≥ 2000 ops/s and ≥ 0.5 of the baseline) {met}; CPU per operation {engine[i].CpuMicrosecondsPerOperation:0} µs against {baseline[i].CpuMicrosecondsPerOperation:0} µs"));
}
Console.WriteLine();
Console.WriteLine("analysis (not the goal's figures):");
PrintTable(analysis);
Console.WriteLine();
Console.WriteLine("where one engine operation's time goes (1 thread, from EF's event timings):");
phases.Print(analysis[0]);

var all = engine.Concat(baseline).Concat(analysis).ToList();
foreach (var m in all.Where(m => m.FirstFailure is not null))
    Console.WriteLine($"first failure in '{m.Name}' ({m.Threads} thread(s)): {m.FirstFailure}");
if (Machine.LoadAverage() is { } end) Console.WriteLine($"{end} at the end");
return all.Any(m => m.Failures > 0) ? 1 : 0;

static void PrintTable(IEnumerable<Measurement> measurements)
{
    Console.WriteLine("| measurement | threads | operations | seconds | ops/s | CPU µs/op | failures | counted |");
    Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|---|");
    foreach (var m in measurements)
        Console.WriteLine(FormattableString.Invariant(
            $"| {m.Name} | {m.Threads} | {m.Operations} | {m.Elapsed.TotalSeconds:0.00} | {m.PerSecond:0} | {m.CpuMicrosecondsPerOperation:0} | {m.Failures} | {m.Counted} |"));
}

// Other work on a shared machine skews every figure; say how busy it was.
static bool TryParseSeconds(string[] args, out double seconds)
{
    seconds = 5;
    return args switch
    {
        [] => true,
        ["--seconds", var value] => double.TryParse(value, CultureInfo.InvariantCulture, out seconds) && seconds > 0,
        _ => false,
    };
}
