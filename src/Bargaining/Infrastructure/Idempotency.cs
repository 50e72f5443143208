using System.Text.Json;
using System.Text.Json.Serialization;
using Bargaining.Domain;
using Bargaining.Persistence;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bargaining.Infrastructure;

/// <summary>
/// A command an account sent under an idempotency key, with what it answered. Written in the command's own
/// transaction, answer included, so a committed command always has its key and its answer, and a key never exists
/// without its command. The primary key (account, key) lets only one of two concurrent requests with the key run.
/// </summary>
public sealed class CommandKey
{
    private CommandKey()
    {
    }

    public CommandKey(string accountId, string key, string fingerprint, string command, DateTimeOffset expiresAt)
    {
        AccountId = accountId;
        Key = key;
        Fingerprint = fingerprint;
        Command = command;
        ExpiresAt = expiresAt;
    }

    /// <summary>The account that sent it: keys of different accounts are independent.</summary>
    public string AccountId { get; private set; } = "";

    /// <summary>The key the client chose (<c>Idempotency-Key</c>, or the form's hidden key).</summary>
    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the request (method, path, body): the same key with another request is refused.</summary>
    public string Fingerprint { get; private set; } = "";

    /// <summary>The command's type name.</summary>
    public string Command { get; private set; } = "";

    /// <summary>The command's result as JSON, given back to every repeat.</summary>
    public string Outcome { get; private set; } = "";

    /// <summary>After this instant the key is forgotten: the same key is then a new request.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    internal void Complete(string outcome) => Outcome = outcome;
}

/// <summary>The idempotency key a request carries and the fingerprint of that request, set by the host.</summary>
/// <param name="Key">What the client sent (1 to <see cref="IdempotencyKeys.MaxKeyLength"/> printable ASCII characters).</param>
/// <param name="Fingerprint">SHA-256 (hex) of the request's method, path and body.</param>
public sealed record RequestKey(string Key, string Fingerprint);

/// <summary>How long a key is remembered.</summary>
public sealed record IdempotencyOptions
{
    /// <summary>How long a command's key and answer are kept (default 24 hours).</summary>
    public TimeSpan KeyLifetime { get; init; } = TimeSpan.FromHours(24);
}

/// <summary>
/// The idempotency key of the current request (scoped): the host sets <see cref="Pending"/>; the first command the
/// request sends takes it (<see cref="IdempotencyBehaviour{TRequest, TResponse}"/>), and the transaction behaviour
/// records it with the command's result in the command's transaction (<see cref="ClaimAsync"/>).
/// </summary>
public sealed class IdempotencyKeys(ICurrentUserAccessor users, TimeProvider clock, IdempotencyOptions options)
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxKeyLength = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private (string Account, RequestKey Key, string Command)? _claiming;

    /// <summary>The key of this request, until its first command takes it.</summary>
    public RequestKey? Pending { get; set; }

    /// <summary>Whether <paramref name="key"/> is a key the host accepts.</summary>
    public static bool IsWellFormed(string key) => key.Length is > 0 and <= MaxKeyLength && key.All(c => c is >= '!' and <= '~');

    internal (string Account, RequestKey Key)? Take()
    {
        if (Pending is not { } key || users.User is not { } user) return null;
        Pending = null;
        return (user.UserId, key);
    }

    /// <summary>The stored answer of <paramref name="key"/> if the account's key is known and current; a refusal if it named another request.</summary>
    internal async Task<(bool Found, TResponse? Response)> FindAsync<TRequest, TResponse>(BargainingDbContext db, string account, RequestKey key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stored = await db.CommandKeys.AsNoTracking().FirstOrDefaultAsync(k => k.AccountId == account && k.Key == key.Key && k.ExpiresAt > now, ct);
        if (stored is null) return (false, default);
        if (stored.Fingerprint != key.Fingerprint || stored.Command != typeof(TRequest).Name)
            throw DomainException.Rule("idempotency-key.reused",
                "此幂等键已用于另一项内容或地址不同的请求，本次未执行。网页表单请刷新页面后重新填写提交；接口调用请为新的请求使用新的 Idempotency-Key");
        return (true, JsonSerializer.Deserialize<TResponse>(stored.Outcome, Json));
    }

    internal void Expect(string account, RequestKey key, string command) => _claiming = (account, key, command);

    internal void Forget() => _claiming = null;

    /// <summary>
    /// Records the request's key in the open write transaction before the handler runs, and saves it at once: a
    /// concurrent request with the same key waits at the primary key until this transaction ends, then fails with
    /// <see cref="CommandKeyTakenException"/> and reads this one's answer. Null when the command carries no key.
    /// </summary>
    internal async Task<CommandKey?> ClaimAsync(BargainingDbContext db, CancellationToken ct)
    {
        if (_claiming is not { } claim) return null;
        _claiming = null;
        var now = clock.GetUtcNow();
        await db.CommandKeys.Where(k => k.AccountId == claim.Account && k.Key == claim.Key.Key && k.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var row = new CommandKey(claim.Account, claim.Key.Key, claim.Key.Fingerprint, claim.Command, now + options.KeyLifetime);
        db.CommandKeys.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsKeyTaken(e))
        {
            throw new CommandKeyTakenException();
        }
        return row;
    }

    /// <summary>Stores the handler's result on the claimed key, in the same transaction; it must read back equal.</summary>
    internal static void Complete<TResponse>(CommandKey key, TResponse response)
    {
        var outcome = JsonSerializer.Serialize(response, Json);
        if (JsonSerializer.Serialize(JsonSerializer.Deserialize<TResponse>(outcome, Json), Json) != outcome)
            throw new InvalidOperationException($"{typeof(TResponse).Name} does not read back from JSON as written; a repeated request could not be answered the same");
        key.Complete(outcome);
    }

    /// <summary>Deletes the keys that have expired; returns how many.</summary>
    public static Task<int> SweepAsync(BargainingDbContext db, DateTimeOffset now, CancellationToken ct = default) =>
        db.CommandKeys.Where(k => k.ExpiresAt <= now).ExecuteDeleteAsync(ct);

    // SQLite names the primary key's columns; PostgreSQL gives the constraint's name.
    private static bool IsKeyTaken(DbUpdateException e) => e.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19 } sqlite => sqlite.Message.Contains("command_keys.", StringComparison.Ordinal),
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } postgres => postgres.ConstraintName == "PK_command_keys",
        _ => false,
    };
}

/// <summary>
/// A command whose answer holds secrets shown once (a deputy's personal link): its answer is never stored with an
/// idempotency key, so it runs as if sent without one; the command itself refuses or tolerates a repeat.
/// </summary>
public interface IAnswersSecrets;

/// <summary>Another request with the same account and key committed first; its answer is the answer.</summary>
public sealed class CommandKeyTakenException() : Exception("the idempotency key was recorded by a concurrent request");

/// <summary>
/// Answers a command sent again with its key from what the first one answered, without running it: before
/// authorisation and validation, so the repeat is answered the same even when the round has moved on since. A
/// request that lost the race to a concurrent one with the same key is answered from the winner's record.
/// </summary>
public sealed class IdempotencyBehaviour<TRequest, TResponse>(IdempotencyKeys keys, BargainingDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IQuery<TResponse> or IAnswersSecrets || db.Database.CurrentTransaction is not null || keys.Take() is not { } taken) return await next();
        var (account, key) = taken;
        var stored = await keys.FindAsync<TRequest, TResponse>(db, account, key, cancellationToken);
        if (stored.Found) return stored.Response!;
        keys.Expect(account, key, typeof(TRequest).Name);
        try
        {
            return await next();
        }
        catch (CommandKeyTakenException)
        {
            stored = await keys.FindAsync<TRequest, TResponse>(db, account, key, cancellationToken);
            if (stored.Found) return stored.Response!;
            throw DomainException.Conflict("idempotency-key.busy", "同一请求正在处理中，请稍后再试");
        }
        finally
        {
            keys.Forget();
        }
    }
}

/// <summary>Deletes expired idempotency keys every hour.</summary>
public sealed class CommandKeySweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CommandKeySweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var swept = await IdempotencyKeys.SweepAsync(scope.ServiceProvider.GetRequiredService<BargainingDbContext>(), clock.GetUtcNow(), stoppingToken);
                if (swept > 0) logger.LogInformation("{Count} expired idempotency keys deleted", swept);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "expired idempotency keys not deleted this time");
            }
        }
    }
}
