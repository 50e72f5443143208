using System.Globalization;
using System.Text;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Workflows;

/// <summary>
/// The journals' heads written down outside the database: each instance's entry count and head hash at one moment,
/// the whole sealed with the journal key. Seals alone cannot show that a journal's last entries were cut away together
/// with the instance's state (what remains is still sealed); a checkpoint kept elsewhere (another machine, a write-once
/// store) shows it, and shows an instance deleted whole. Written by <c>bargaining checkpoint</c>, checked by
/// <c>bargaining verify --checkpoint FILE</c>.
/// </summary>
public sealed record JournalCheckpoint(DateTimeOffset At, IReadOnlyDictionary<Guid, (long Sequence, string Head)> Heads)
{
    private const string Header = "bargaining-journal-checkpoint 1";

    /// <summary>The heads of every instance of <paramref name="db"/> now.</summary>
    public static async Task<JournalCheckpoint> TakeAsync(DbContext db, DateTimeOffset at, CancellationToken ct = default)
    {
        var heads = await db.Set<WorkflowInstanceRecord>().AsNoTracking().Select(i => new { i.Id, i.JournalSequence, i.JournalHead }).ToListAsync(ct);
        return new JournalCheckpoint(at, heads.ToDictionary(h => h.Id, h => (h.JournalSequence, h.JournalHead)));
    }

    /// <summary>The checkpoint as text, its last line the seal of the lines before it.</summary>
    public string Write(JournalSeal seal)
    {
        var body = new StringBuilder().Append(Header).Append(' ').AppendLine(At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        foreach (var (id, (sequence, head)) in Heads.OrderBy(h => h.Key))
            body.Append(id.ToString("D")).Append(' ').Append(sequence.ToString(CultureInfo.InvariantCulture)).Append(' ').AppendLine(head);
        var text = body.ToString();
        return text + "seal " + seal.Compute(Hash(text)) + "\n";
    }

    /// <summary>Reads a checkpoint written by <see cref="Write"/>; refused unless its seal is the key's.</summary>
    public static JournalCheckpoint Read(string text, JournalSeal seal)
    {
        var at = text.LastIndexOf("seal ", StringComparison.Ordinal);
        if (!text.StartsWith(Header + " ", StringComparison.Ordinal) || at < 0 || !seal.Verifies(Hash(text[..at]), text[(at + 5)..].Trim()))
            throw new FormatException("the checkpoint is not one this journal key sealed, or it was changed");
        var lines = text[..at].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var heads = lines.Skip(1).Select(l => l.Split(' ')).ToDictionary(f => Guid.Parse(f[0]), f => (long.Parse(f[1], CultureInfo.InvariantCulture), f[2]));
        return new JournalCheckpoint(DateTimeOffset.Parse(lines[0][(Header.Length + 1)..], CultureInfo.InvariantCulture), heads);
    }

    /// <summary>
    /// What differs in <paramref name="db"/> from this checkpoint: an instance gone, a journal shorter than it was, or
    /// an entry at the checkpoint's head whose hash is not the one written down. Instances started since are not checked here.
    /// </summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(DbContext db, CancellationToken ct = default)
    {
        var problems = new List<string>();
        var ids = Heads.Keys.ToList();
        var now = await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.JournalSequence }).ToDictionaryAsync(i => i.Id, i => i.JournalSequence, ct);
        foreach (var (id, (sequence, head)) in Heads.OrderBy(h => h.Key))
        {
            if (!now.TryGetValue(id, out var count)) { problems.Add($"{id}: the instance is gone (it had {sequence} entries)"); continue; }
            if (count < sequence) { problems.Add($"{id}: the journal has {count} entries, fewer than the {sequence} it had"); continue; }
            if (sequence == 0) continue;
            var hash = await db.Set<WorkflowJournalRecord>().AsNoTracking().Where(j => j.InstanceId == id && j.Sequence == sequence).Select(j => j.Hash).FirstOrDefaultAsync(ct);
            if (hash != head) problems.Add($"{id}: entry {sequence} is not the entry it was");
        }
        return problems;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
