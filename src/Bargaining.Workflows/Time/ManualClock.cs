namespace Bargaining.Workflows;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when told to: for tests, demos and benchmarks that run weeks
/// of a bargaining round in a moment. Timers created from it (e.g. by <c>Task.Delay(…, clock)</c>) fire when
/// <see cref="Advance"/> or <see cref="SetUtcNow"/> passes their due time.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start.ToUniversalTime();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    /// <summary>China Standard Time, so local dates in demos read naturally.</summary>
    public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("UTC+08", TimeSpan.FromHours(8), "UTC+08", "UTC+08");

    /// <summary>Moves time forward and fires the timers that became due.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + by);
    }

    /// <summary>Sets the time (never backwards) and fires the timers that became due.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            if (value < _now) throw new ArgumentOutOfRangeException(nameof(value), "time cannot go backwards");
            _now = value.ToUniversalTime();
            due = _timers.Where(t => t.DueAt <= _now).OrderBy(t => t.DueAt).ToList();
        }
        foreach (var t in due) t.Fire(value);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period;
        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                DueAt = clock._now + dueTime;
                _period = period;
                clock._timers.Add(this);
            }
            if (dueTime == TimeSpan.Zero) Fire(clock.GetUtcNow());
            return true;
        }

        public void Fire(DateTimeOffset now)
        {
            lock (clock._gate)
            {
                if (!clock._timers.Remove(this)) return;
                if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
                {
                    DueAt = now + _period;
                    clock._timers.Add(this);
                }
            }
            callback(state);
        }

        public void Dispose()
        {
            lock (clock._gate) clock._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
