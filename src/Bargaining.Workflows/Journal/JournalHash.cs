using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bargaining.Workflows.Persistence;

namespace Bargaining.Workflows;

/// <summary>The hash chain over journal entries: each entry's hash covers its content and the previous hash.</summary>
public static class JournalHash
{
    /// <summary>The previous-hash of an instance's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Computes an entry's hash from its content and <see cref="WorkflowJournalRecord.PreviousHash"/>.</summary>
    public static string Compute(WorkflowJournalRecord e)
    {
        // Length-prefixed fields: no separator inside a value can make two different entries hash alike.
        var sb = new StringBuilder(256);
        void Field(string? value) => sb.Append(value?.Length ?? -1).Append(':').Append(value).Append(';');
        Field(e.InstanceId.ToString("N"));
        Field(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(e.Kind);
        Field(e.Node);
        Field(e.Signal);
        Field(e.Actor);
        Field(e.Role);
        Field(e.Payload);
        Field(e.IdempotencyKey);
        Field(e.Moves);
        Field(e.Result);
        Field(e.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(e.PreviousHash);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()), hash);
        return Convert.ToHexStringLower(hash);
    }
}

/// <summary>The result of checking an instance's journal chain.</summary>
/// <param name="Valid">True when every entry's hash and link check out and the instance's head matches.</param>
/// <param name="Entries">How many entries were checked.</param>
/// <param name="BrokenAt">The sequence number of the first bad entry, if any.</param>
/// <param name="Problem">What is wrong, if anything.</param>
public sealed record JournalVerification(bool Valid, int Entries, long? BrokenAt, string? Problem);
