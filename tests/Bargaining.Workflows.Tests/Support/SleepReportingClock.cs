using System.Threading.Channels;

namespace Bargaining.Workflows.Tests.Support;

/// <summary>
/// A manual clock as a background service sees it, reporting every sleep the service starts on it. A test moves
/// time only once the service sleeps: moved earlier, the service would count its sleep from the new time.
/// </summary>
public sealed class SleepReportingClock(ManualClock clock) : TimeProvider
{
    private readonly Channel<TimeSpan> _sleeps = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = clock.CreateTimer(callback, state, dueTime, period);
        _sleeps.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The length of the next sleep, once the service has started it.</summary>
    public Task<TimeSpan> NextSleepAsync() => _sleeps.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
}
