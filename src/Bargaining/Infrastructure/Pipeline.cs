using System.Diagnostics;
using Bargaining.Domain;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bargaining.Infrastructure;

/// <summary>A request that says who may send it; checked before the handler runs.</summary>
public interface IAuthorisedRequest
{
    /// <summary>Throws <see cref="DomainException"/> (forbidden) unless <paramref name="user"/> may send this request.</summary>
    Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct);
}

/// <summary>Logs each request with its outcome and duration.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await next();
            logger.LogInformation("{Request} handled in {Milliseconds} ms", typeof(TRequest).Name, watch.ElapsedMilliseconds);
            return response;
        }
        catch (DomainException e)
        {
            logger.LogInformation("{Request} refused: {Code} {Message}", typeof(TRequest).Name, e.Code, e.Message);
            throw;
        }
    }
}

/// <summary>
/// Admits a request: who may ask comes first, then whether it is well formed, then whether what it names exists. A
/// caller who may not make the request is refused (403) whatever its body; otherwise every FluentValidation validator
/// runs and all field errors are refused at once (400); an id that names nothing is 404 only for well-formed input
/// (an empty id is a field error, not a missing enterprise).
/// </summary>
public sealed class AdmissionBehaviour<TRequest, TResponse>(ICurrentUserAccessor users, BargainingDbContext db, IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        DomainException? notFound = null;
        if (request is IAuthorisedRequest authorised)
        {
            var user = users.User ?? throw DomainException.Forbidden("请先登录");
            try
            {
                await authorised.AuthoriseAsync(user, db, cancellationToken);
            }
            catch (DomainException e) when (e.Kind == FailureKind.NotFound)
            {
                notFound = e;
            }
        }
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
            failures.AddRange((await validator.ValidateAsync(request, cancellationToken)).Errors);
        if (failures.Count > 0)
        {
            var errors = failures.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray());
            throw new DomainException(FailureKind.Validation, "validation", string.Join("；", failures.Select(f => f.ErrorMessage).Distinct()), errors);
        }
        if (notFound is not null) throw notFound;
        return await next();
    }
}

/// <summary>
/// A request that only reads. It runs in a read transaction (<see cref="Database.BeginReadAsync"/>): it sees one
/// snapshot and never takes the write lock, so queries run side by side and no writer waits for them. A query that
/// changes anything is a bug and fails.
/// </summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>
/// The unit of work. A command runs in one write transaction: everything the handler changes (its own rows and the
/// workflow's) commits together or not at all. A query (<see cref="IQuery{TResponse}"/>) runs in a read
/// transaction. A database too busy to answer is a <see cref="FailureKind.Busy"/> failure (503, try again), with
/// nothing changed. A command sent with an idempotency key records the key and its result in the same transaction
/// (<see cref="IdempotencyKeys.ClaimAsync"/>).
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(BargainingDbContext db, IdempotencyKeys keys) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (db.Database.CurrentTransaction is not null) return await next();
        try
        {
            return request is IQuery<TResponse> ? await ReadAsync(next, cancellationToken) : await WriteAsync(next, cancellationToken);
        }
        catch (Exception e) when (e is not DomainException && Database.IsBusy(e))
        {
            throw DomainException.Busy();
        }
    }

    private async Task<TResponse> ReadAsync(RequestHandlerDelegate<TResponse> next, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginReadAsync(ct);
        var response = await next();
        if (db.ChangeTracker.HasChanges())
            throw new InvalidOperationException($"{typeof(TRequest).Name} is a query but changed data; make it a command");
        return response;
    }

    private async Task<TResponse> WriteAsync(RequestHandlerDelegate<TResponse> next, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // What the authorisation read before the transaction (the round, tracked) is read again inside it: a command
        // racing another on the same round decides on what that one committed, never on a copy from before it.
        db.ChangeTracker.Clear();
        try
        {
            var key = await keys.ClaimAsync(db, ct);
            var response = await next();
            if (key is not null) IdempotencyKeys.Complete(key, response);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return response;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
