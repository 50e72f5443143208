namespace Bargaining.Features.Rounds.Change;

/// <summary>What a run of a compared text is: kept, taken out of the old text, or put into the new one.</summary>
public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>A run of text of one <see cref="DiffKind"/>.</summary>
public sealed record DiffRun(DiffKind Kind, string Text);

/// <summary>
/// Compares two texts character by character, as Chinese has no spaces between words: the longest common
/// subsequence of characters (after the common start and end), then grouped for reading — a kept run of a single
/// character between two changes joins them (so 3% → 6% reads as one change, not as three), and each change prints
/// its removed text before its added text.
/// </summary>
public static class TextDiff
{
    /// <summary>Texts longer than this product of lengths (after the common start and end) are compared as wholly replaced.</summary>
    private const long MaxCells = 4_000_000;

    /// <summary>The runs that turn <paramref name="old"/> into <paramref name="new"/>; none when both are empty.</summary>
    public static IReadOnlyList<DiffRun> Compare(string old, string @new)
    {
        var prefix = 0;
        while (prefix < old.Length && prefix < @new.Length && old[prefix] == @new[prefix]) prefix++;
        var suffix = 0;
        while (suffix < old.Length - prefix && suffix < @new.Length - prefix && old[^(suffix + 1)] == @new[^(suffix + 1)]) suffix++;
        var a = old[prefix..^suffix];
        var b = @new[prefix..^suffix];

        var marks = new List<(DiffKind Kind, char C)>();
        marks.AddRange(old[..prefix].Select(c => (DiffKind.Same, c)));
        marks.AddRange((long)a.Length * b.Length > MaxCells
            ? [.. a.Select(c => (DiffKind.Removed, c)), .. b.Select(c => (DiffKind.Added, c))]
            : Middle(a, b));
        marks.AddRange(old[^suffix..].Select(c => (DiffKind.Same, c)));
        return Group(Runs(marks));
    }

    /// <summary>The character marks of the longest common subsequence of <paramref name="a"/> and <paramref name="b"/>.</summary>
    private static List<(DiffKind, char)> Middle(string a, string b)
    {
        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var marks = new List<(DiffKind, char)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { marks.Add((DiffKind.Same, a[x])); x++; y++; }
            else if (lengths[x + 1, y] >= lengths[x, y + 1]) marks.Add((DiffKind.Removed, a[x++]));
            else marks.Add((DiffKind.Added, b[y++]));
        }
        while (x < a.Length) marks.Add((DiffKind.Removed, a[x++]));
        while (y < b.Length) marks.Add((DiffKind.Added, b[y++]));
        return marks;
    }

    private static List<DiffRun> Runs(IEnumerable<(DiffKind Kind, char C)> marks)
    {
        var runs = new List<DiffRun>();
        foreach (var (kind, c) in marks)
            if (runs.Count > 0 && runs[^1].Kind == kind) runs[^1] = runs[^1] with { Text = runs[^1].Text + c };
            else runs.Add(new DiffRun(kind, c.ToString()));
        return runs;
    }

    /// <summary>Joins changes separated by one kept character and puts each change's removed text before its added text.</summary>
    private static IReadOnlyList<DiffRun> Group(List<DiffRun> runs)
    {
        var grouped = new List<DiffRun>();
        var (removed, added) = ("", "");
        void Flush()
        {
            if (removed.Length > 0) grouped.Add(new DiffRun(DiffKind.Removed, removed));
            if (added.Length > 0) grouped.Add(new DiffRun(DiffKind.Added, added));
            (removed, added) = ("", "");
        }
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var between = run.Kind == DiffKind.Same && run.Text.Length == 1 && removed.Length + added.Length > 0 && i + 1 < runs.Count;
            if (run.Kind == DiffKind.Same && !between)
            {
                Flush();
                grouped.Add(run);
            }
            else if (between) (removed, added) = (removed + run.Text, added + run.Text);
            else if (run.Kind == DiffKind.Removed) removed += run.Text;
            else added += run.Text;
        }
        Flush();
        return grouped;
    }
}
