using System.Diagnostics;
using Bargaining.Demo;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Benchmarks;

/// <summary>
/// Full ordinary rounds (<see cref="DemoRounds.Ordinary"/>: a start, 18 signals and the review deadline's timer)
/// through the real engine on a fresh SQLite file, wired by <see cref="BargainingServices.AddBargaining"/>. As a
/// web host does per request, every start and signal gets its own DI scope — a DbContext from the pool and a new
/// engine — unless <c>contextPerThread</c> asks for one per thread. Each thread runs its rounds in batches: up to
/// the review step, then a <see cref="ReviewRendezvous"/> where simulated time jumps and the host's timer processor
/// fires the review deadlines, then the signals after review. Between rendezvous simulated time stands still.
/// </summary>
internal static class EngineBenchmark
{
    private const int RoundsPerBatch = 50;
    private static readonly DateTimeOffset CampaignStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task<Measurement> RunAsync(string name, string workflows, int threads, TimeSpan duration,
        bool contextPerThread = false, params IInterceptor[] interceptors)
    {
        using var file = new TempDatabase();
        var clock = new ManualClock(CampaignStart);
        await using var provider = await StartAsync(workflows, file.Path, clock, interceptors);
        // A host builds its services once: the first batches on a new provider compile its EF model's and DI's code,
        // not the engine's per-operation work, so they run before the clock starts (the baseline settles alike).
        await MeasureAsync(name, provider, clock, threads, Measurement.Settle, contextPerThread);
        foreach (var times in interceptors.OfType<DatabaseTimes>()) times.Reset();
        return await MeasureAsync(name, provider, clock, threads, duration, contextPerThread);
    }

    private static async Task<Measurement> MeasureAsync(string name, ServiceProvider provider, ManualClock clock, int threads, TimeSpan duration, bool contextPerThread)
    {
        var tally = new Tally();
        var cpu = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();
        var review = new ReviewRendezvous(threads, async (latestDue, due) =>
        {
            if (latestDue > clock.GetUtcNow()) clock.SetUtcNow(latestDue);
            tally.Fired(await provider.GetRequiredService<WorkflowTimerProcessor>().RunOnceAsync(), expected: due);
            return stopwatch.Elapsed < duration;
        });
        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(() => WorkerAsync(provider, clock, contextPerThread, review, tally))));
        stopwatch.Stop();
        return tally.ToMeasurement(name, threads, stopwatch.Elapsed) with { Cpu = Environment.CpuUsage.TotalTime - cpu };
    }

    /// <summary>The settings of a connection the application opens, read back from SQLite.</summary>
    public static async Task<string> SettingsAsync(string workflows)
    {
        using var file = new TempDatabase();
        await using var provider = await StartAsync(workflows, file.Path, new ManualClock(CampaignStart), []);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BargainingDbContext>();
        await db.Database.OpenConnectionAsync();
        return SqliteSettings.Read(db.Database.GetDbConnection());
    }

    private static async Task<ServiceProvider> StartAsync(string workflows, string path, ManualClock clock, IInterceptor[] interceptors)
    {
        var services = new ServiceCollection().AddLogging().AddBargaining(new BargainingOptions(workflows, DatabaseSettings.Sqlite(path)), clock);
        if (interceptors.Length > 0) services.ConfigureDbContext<BargainingDbContext>(b => b.AddInterceptors(interceptors));
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().MigrateAsync();
        return provider;
    }

    private static async Task WorkerAsync(IServiceProvider provider, TimeProvider clock, bool contextPerThread, ReviewRendezvous review, Tally tally)
    {
        await using var own = provider.CreateAsyncScope();
        var shared = contextPerThread ? own.ServiceProvider.GetRequiredService<WorkflowEngine>() : null;
        async Task<WorkflowResult> Run(Func<WorkflowEngine, Task<WorkflowResult>> operation)
        {
            if (shared is not null) return await operation(shared);
            await using var scope = provider.CreateAsyncScope();
            return await operation(scope.ServiceProvider.GetRequiredService<WorkflowEngine>());
        }
        // The scripted round runs under the default jurisdiction.
        var time = provider.GetRequiredService<JurisdictionCatalog>().Default.Time;
        async Task<WorkflowResult> SendAsync(Guid id, DemoStep step)
        {
            var result = await Run(engine => engine.SignalAsync(id, step.At(clock.GetUtcNow(), time)!));
            tally.Signalled(result);
            return result;
        }

        try
        {
            var round = DemoRounds.Ordinary();
            var wait = round.Steps.Single(s => s.Signal is null);
            var beforeReview = round.Steps.TakeWhile(s => s != wait).ToList();
            var afterReview = round.Steps.SkipWhile(s => s != wait).Skip(1).ToList();
            var start = new StartWorkflow(round.Workflow, round.Jurisdiction, "盐城市总工会权益保障部", round.Variables);
            var more = true;
            while (more)
            {
                var atReview = new List<Guid>(RoundsPerBatch);
                var latestDue = DateTimeOffset.MinValue;
                for (var i = 0; i < RoundsPerBatch; i++)
                {
                    var last = await Run(engine => engine.StartAsync(start));
                    tally.Started(last);
                    var id = last.Instance?.Id ?? throw new InvalidOperationException($"start failed: {last.Error}");
                    foreach (var step in beforeReview) last = await SendAsync(id, step);
                    atReview.Add(id);
                    if (last.Instance?.Steps.Max(s => s.Due) is { } due && due > latestDue) latestDue = due;
                }
                var waiting = Stopwatch.StartNew();
                more = await review.ArriveAsync(latestDue, atReview.Count);
                tally.Waited(waiting.Elapsed);
                foreach (var id in atReview)
                    foreach (var step in afterReview) await SendAsync(id, step);
            }
        }
        catch (Exception e)
        {
            review.Abandon(e);
            throw;
        }
    }

    /// <summary>Counts committed starts, signals and timers, every failure, and the time spent at the rendezvous.</summary>
    private sealed class Tally
    {
        private long _starts, _signals, _timers, _failures, _waitedTicks;
        private string? _firstFailure;

        public void Started(WorkflowResult result) => Count(result, ref _starts);

        public void Signalled(WorkflowResult result) => Count(result, ref _signals);

        public void Fired(int fired, int expected)
        {
            Interlocked.Add(ref _timers, fired);
            if (fired != expected) Fail($"{fired} timer(s) fired where {expected} review deadline(s) were due", Math.Abs(expected - fired));
        }

        public void Waited(TimeSpan time) => Interlocked.Add(ref _waitedTicks, time.Ticks);

        public Measurement ToMeasurement(string name, int threads, TimeSpan elapsed) =>
            new(name, threads, _starts + _signals + _timers, elapsed, _failures,
                $"{_starts} starts + {_signals} signals + {_timers} timers; {_waitedTicks * 100.0 / (elapsed.Ticks * threads):0}% of thread time at the review rendezvous (firing or waiting)",
                _firstFailure);

        private void Count(WorkflowResult result, ref long counter)
        {
            if (result.Succeeded) Interlocked.Increment(ref counter);
            else Fail(result.Error!.ToString(), 1);
        }

        private void Fail(string message, long count)
        {
            Interlocked.Add(ref _failures, count);
            Interlocked.CompareExchange(ref _firstFailure, message, null);
        }
    }
}
