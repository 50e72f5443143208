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

/// <summary>Runs every FluentValidation validator of the request and refuses it with all field errors at once.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
            failures.AddRange((await validator.ValidateAsync(request, cancellationToken)).Errors);
        if (failures.Count > 0)
        {
            var errors = failures.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray());
            throw new DomainException(FailureKind.Validation, "validation", string.Join("；", failures.Select(f => f.ErrorMessage).Distinct()), errors);
        }
        return await next();
    }
}

/// <summary>Checks <see cref="IAuthorisedRequest"/> requests against the caller.</summary>
public sealed class AuthorisationBehaviour<TRequest, TResponse>(ICurrentUserAccessor users, BargainingDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IAuthorisedRequest authorised)
        {
            var user = users.User ?? throw DomainException.Forbidden("请先登录");
            await authorised.AuthoriseAsync(user, db, cancellationToken);
        }
        return await next();
    }
}

/// <summary>
/// One transaction per command: everything the handler changes (its own rows and the workflow's) commits together
/// or not at all.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(BargainingDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (db.Database.CurrentTransaction is not null) return await next();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var response = await next();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
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
