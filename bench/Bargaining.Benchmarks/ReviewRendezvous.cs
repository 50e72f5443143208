namespace Bargaining.Benchmarks;

/// <summary>
/// Where the workers meet after each batch of rounds, every round of the batch waiting at the review step: the last
/// to arrive moves the shared clock past every review deadline and fires the due timers, as a host's timer
/// processor would. Time may only jump here: a jump while another worker's round waits on its reply or filing
/// deadline would lapse that deadline and change the round.
/// </summary>
/// <param name="workers">How many workers must arrive.</param>
/// <param name="fireDueTimers">Given the latest review deadline and how many are due, fires them; returns whether to run another batch.</param>
internal sealed class ReviewRendezvous(int workers, Func<DateTimeOffset, int, Task<bool>> fireDueTimers)
{
    private readonly Lock _gate = new();
    private int _arrived, _due;
    private DateTimeOffset _latestDue = DateTimeOffset.MinValue;
    private TaskCompletionSource<bool> _released = NewRelease();

    /// <summary>Waits until every worker has arrived and the timers have fired; returns whether to run another batch.</summary>
    public async Task<bool> ArriveAsync(DateTimeOffset latestDue, int due)
    {
        TaskCompletionSource<bool> released;
        bool last;
        lock (_gate)
        {
            released = _released;
            if (latestDue > _latestDue) _latestDue = latestDue;
            _due += due;
            last = ++_arrived == workers;
            if (last)
            {
                (latestDue, due) = (_latestDue, _due);
                (_arrived, _due, _latestDue) = (0, 0, DateTimeOffset.MinValue);
                _released = NewRelease();
            }
        }
        if (last)
        {
            try
            {
                released.SetResult(await fireDueTimers(latestDue, due));
            }
            catch (Exception e)
            {
                released.SetException(e);
            }
        }
        return await released.Task;
    }

    /// <summary>Fails the workers waiting now, so a run whose worker crashed ends instead of hanging.</summary>
    public void Abandon(Exception error)
    {
        lock (_gate) _released.TrySetException(error);
    }

    private static TaskCompletionSource<bool> NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
