using Bargaining.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Bargaining.Infrastructure;

/// <summary>
/// An e-mail waiting to be sent, written in the transaction of what it reports (a transactional outbox): a message is
/// queued if and only if its cause committed, and the sender (<see cref="OutboxSender"/>) sends it afterwards, retrying
/// while the mail server is unreachable. Its <see cref="Key"/> says what it is about, so the same notice is never queued
/// twice (a reminder of one deadline to one person, for example).
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(string key, string kind, string? userId, string recipient, string recipientName, string subject, string body, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Key = key;
        Kind = kind;
        UserId = userId;
        Recipient = recipient;
        RecipientName = recipientName;
        Subject = subject;
        Body = body;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>What the message is about, unique: e.g. <c>reminder:{user}:{round}:{day}:3</c>.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The kind of notice, for the administrator's view and the logs (e.g. <c>deadline-reminder</c>).</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The account it goes to, when it goes to one.</summary>
    public string? UserId { get; private set; }

    public string Recipient { get; private set; } = "";

    public string RecipientName { get; private set; } = "";

    public string Subject { get; private set; } = "";

    /// <summary>Plain text.</summary>
    public string Body { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the sender may try it (again).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Until when a sender holds it: another sender (a second instance) leaves it alone until then.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>The mail server's last refusal, or why it could not be reached.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Set after the last attempt failed: the message is kept, with its error, and no longer tried.</summary>
    public DateTimeOffset? GaveUpAt { get; private set; }

    internal void Sent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
        ClaimedUntil = null;
    }

    internal void Failed(string error, DateTimeOffset now, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        ClaimedUntil = null;
        if (Attempts >= maxAttempts) GaveUpAt = now;
        // 1, 2, 4 … minutes, at most six hours apart.
        else NextAttemptAt = now + TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Attempts - 1)));
    }

    public const int MaxKeyLength = 200, MaxSubjectLength = 200, MaxErrorLength = 500;
}

/// <summary>How <see cref="OutboxSender"/> reaches the mail server (configuration section <c>Mail</c>).</summary>
public sealed record MailOptions
{
    /// <summary>The SMTP server; with none, messages are queued and not sent.</summary>
    public string? Host { get; init; }

    public int Port { get; init; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c> (port 587) or <c>SslOnConnect</c> (port 465).</summary>
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>The sender address, e.g. <c>noreply@ycszgh.org.cn</c>.</summary>
    public string From { get; init; } = "noreply@bargaining.local";

    public string FromName { get; init; } = "集体协商工作平台";

    /// <summary>How often the queue is looked at.</summary>
    public TimeSpan SendEvery { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts before a message is given up (about 4 days at the longest interval).</summary>
    public int MaxAttempts { get; init; } = 20;

    /// <summary>Messages sent per look.</summary>
    public int Batch { get; init; } = 50;
}

/// <summary>Hands one message to a mail server.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Sends through an SMTP server with MailKit, one connection per batch.</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport, IAsyncDisposable
{
    private readonly SmtpClient _client = new();

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (!_client.IsConnected)
        {
            await _client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Mail:Host is not set"), options.Port, options.Security, ct);
            if (options.UserName is { Length: > 0 } user) await _client.AuthenticateAsync(user, options.Password ?? "", ct);
        }
        var mail = new MimeMessage { Subject = message.Subject, Body = new TextPart("plain") { Text = message.Body } };
        mail.From.Add(new MailboxAddress(options.FromName, options.From));
        mail.To.Add(new MailboxAddress(message.RecipientName, message.Recipient));
        mail.Headers.Add("X-Bargaining-Key", message.Key);
        await _client.SendAsync(mail, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected) await _client.DisconnectAsync(true);
        _client.Dispose();
    }
}

/// <summary>The outbox: queueing a message once per key, and sending what is due.</summary>
public static class Outbox
{
    /// <summary>
    /// Adds <paramref name="message"/> to <paramref name="db"/>'s changes unless a message with its key was queued
    /// before; saved with the caller's other changes. Returns whether it was added.
    /// </summary>
    public static async Task<bool> EnqueueAsync(BargainingDbContext db, OutboxMessage message, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.Key == message.Key)) return false;
        if (await db.OutboxMessages.AnyAsync(m => m.Key == message.Key, ct)) return false;
        db.OutboxMessages.Add(message);
        return true;
    }

    /// <summary>
    /// Sends the messages due at <paramref name="now"/>, at most <see cref="MailOptions.Batch"/>: each is claimed first
    /// (so a second instance does not send it too), then marked sent or failed with its error. Returns how many were sent.
    /// </summary>
    public static async Task<int> SendDueAsync(BargainingDbContext db, IMailTransport transport, MailOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.OutboxMessages.Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(options.Batch).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            var claimed = await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, now + TimeSpan.FromMinutes(5)), ct);
            if (claimed == 0) continue;
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, ct);
            try
            {
                await transport.SendAsync(message, ct);
                message.Sent(now);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.Failed(e.Message, now, options.MaxAttempts);
                await db.SaveChangesAsync(ct);
                // A refused recipient is this message's problem; anything else (no server, no connection) is every message's.
                if (e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted }) continue;
                break;
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}

/// <summary>Sends the outbox every <see cref="MailOptions.SendEvery"/>, when a mail server is configured.</summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, MailOptions options, TimeProvider clock, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            logger.LogInformation("no mail server configured (Mail:Host): notices are queued, not sent");
            return;
        }
        using var timer = new PeriodicTimer(options.SendEvery, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var transport = new SmtpMailTransport(options);
                var sent = await Outbox.SendDueAsync(scope.ServiceProvider.GetRequiredService<BargainingDbContext>(), transport, options, clock.GetUtcNow(), stoppingToken);
                if (sent > 0) logger.LogInformation("{Count} e-mails sent", sent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "the outbox was not sent this time");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
