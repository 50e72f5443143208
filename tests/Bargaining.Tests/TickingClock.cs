using Bargaining.Workflows;

namespace Bargaining.Tests;

/// <summary>
/// A clock that moves <paramref name="tick"/> on every read, like the real clock between two statements: what a
/// command stamps at two reads differs, as it does in production. Its time is the <see cref="ManualClock"/>'s, so
/// tests still move it by days.
/// </summary>
public sealed class TickingClock(ManualClock clock, TimeSpan tick) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        clock.Advance(tick);
        return clock.GetUtcNow();
    }

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        clock.CreateTimer(callback, state, dueTime, period);
}
