using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bargaining.Workflows.Hosting;

/// <summary>Settings of the background timer processor.</summary>
public sealed class WorkflowTimerOptions
{
    /// <summary>Longest wait between two looks at the timer table (a timer due sooner wakes it earlier).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timers fired per batch.</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Fires due workflow timers in the background. Timers are rows in the database, so they survive restarts; each
/// fires exactly once because its row is deleted in the transaction that moves the instance. Sleeps until the
/// next timer is due or the poll interval passes, on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class WorkflowTimerProcessor : BackgroundService
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly WorkflowTimerOptions options;
    private readonly ILogger<WorkflowTimerProcessor> logger;

    /// <summary>Creates the processor; refuses a poll interval outside 10 ms to 30 days or a batch size below 1.</summary>
    public WorkflowTimerProcessor(IServiceScopeFactory scopes, TimeProvider clock, WorkflowTimerOptions options, ILogger<WorkflowTimerProcessor> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PollInterval, TimeSpan.FromMilliseconds(10), nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PollInterval, TimeSpan.FromDays(30), nameof(options)); // timers cannot wait 49.7 days or more
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        (this.scopes, this.clock, this.options, this.logger) = (scopes, clock, options, logger);
    }

    /// <summary>
    /// Fires every due timer now, batch after batch, until a batch fires none; returns how many fired. (A batch can
    /// fire fewer than it found and still leave more due: another instance's processor took some of them.)
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            var fired = await engine.FireDueTimersAsync(options.BatchSize, ct);
            total += fired;
            if (fired == 0) return total;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.PollInterval;
            try
            {
                var fired = await RunOnceAsync(stoppingToken);
                if (fired > 0) logger.LogInformation("fired {Count} workflow timer(s)", fired);
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().NextDueAsync(stoppingToken) is { } next)
                    wait = TimeSpan.FromTicks(Math.Clamp((next - clock.GetUtcNow()).Ticks, TimeSpan.FromMilliseconds(10).Ticks, options.PollInterval.Ticks));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "workflow timer processing failed; retrying in {Wait}", wait);
            }
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
