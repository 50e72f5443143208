using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bargaining.Workflows.Tests.Support;

/// <summary>
/// Holds each context at the start of its first write transaction until every party has got there. Each party
/// has then read the instance and none has written: the race of two simultaneous requests, made to happen every
/// time instead of now and then.
/// </summary>
public sealed class WriteBarrier(int parties) : DbTransactionInterceptor
{
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _arrived) == parties) _allArrived.SetResult();
        // Bounded, so that a party that never gets here fails the test instead of hanging it.
        await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        return result;
    }
}
