using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace Bargaining.Testing;

/// <summary>
/// Property-based checks (FsCheck) of one size in every run: <see cref="Cases"/> cases drawn from a fixed seed, so a
/// CI run is repeatable and its cost known. <c>BARGAINING_FUZZ_CASES</c> and <c>BARGAINING_FUZZ_SEED</c> run more
/// cases, or others, on demand. Each check writes how many cases it ran to the test's output.
/// </summary>
public static class Fuzz
{
    /// <summary>Cases per property: 200 unless <c>BARGAINING_FUZZ_CASES</c> says otherwise.</summary>
    public static int Cases { get; } = Setting("BARGAINING_FUZZ_CASES", 200);

    private static ulong Seed { get; } = (ulong)Setting("BARGAINING_FUZZ_SEED", 20261207);

    /// <summary>
    /// Checks <paramref name="property"/> (which throws when it does not hold, and otherwise names the outcome, e.g.
    /// "accepted" or "refused") on <see cref="Cases"/> values of <paramref name="values"/>; writes the tally of outcomes.
    /// </summary>
    public static void Check<T>(ITestOutputHelper output, string name, Gen<T> values, Func<T, string> property)
    {
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var config = Config.QuickThrowOnFailure
            .WithName(name)
            .WithMaxTest(Cases)
            .WithStartSize(1)
            .WithEndSize(60)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        FsCheck.Check.One(config, Prop.ForAll(Arb.From(values), (T value) =>
        {
            var outcome = property(value);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }));
        output.WriteLine($"{name}: {outcomes.Values.Sum()} cases (seed {Seed}), the property held in each: {string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}"))}");
    }

    /// <summary>
    /// <see cref="Check{T}(ITestOutputHelper, string, Gen{T}, Func{T, string})"/> for an asynchronous property; each
    /// case runs on the thread pool, away from the test framework's synchronisation context.
    /// </summary>
    public static void Check<T>(ITestOutputHelper output, string name, Gen<T> values, Func<T, Task<string>> property) =>
        Check(output, name, values, (Func<T, string>)(value => Task.Run(() => property(value)).GetAwaiter().GetResult()));

    /// <summary>A text of any characters (control characters, CJK, surrogates, quotes) up to the generator's size.</summary>
    public static Gen<string> AnyText { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Elements("", " ", "\"", "'", "\\", "{{", "}}", "中文", "\u0000", "\uD800", "💼", "=HYPERLINK(\"x\")", "<script>", "Robert'); DROP TABLE rounds;--"),
        Gen.Choose(1, 5000).Select(n => new string('长', n)));

    /// <summary>
    /// One of <paramref name="documents"/> changed by one to four mutations: a property or item dropped, an item
    /// duplicated, a text replaced by another text of the document (a node renamed to another's id, a target pointed
    /// back at an earlier node: duplicates and cycles), a value replaced by one of the wrong type or a huge number, an
    /// unknown property added; now and then the text cut short or buried deep in arrays.
    /// </summary>
    public static Gen<Mutant> MutatedJson(IReadOnlyList<string> documents) =>
        from document in Gen.Choose(0, documents.Count - 1)
        from count in Gen.Choose(1, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        select Mutate(documents[document], count, new Random(seed));

    /// <summary>A mutated document and what was done to it.</summary>
    public sealed record Mutant(string Text, IReadOnlyList<string> Mutations)
    {
        public override string ToString() => $"{string.Join("; ", Mutations)}: {(Text.Length > 2000 ? Text[..2000] + "…" : Text)}";
    }

    private static readonly string[] WeirdValues =
    [
        "null", "true", "0", "-1", "1.5", "2147483648", "-9223372036854775809", "1e308", "1e400", "\"\"", "\" \"", "[]", "{}",
        "\"P99999D\"", "\"P9999Y9999M\"", "\"PT999999H\"", "\"-P1D\"", "\"Bad Id\"", "\"中文\"", "[null]", "{\"to\": 1}",
        "\"" + new string('x', 10_000) + "\"",
    ];

    private static Mutant Mutate(string document, int count, Random random)
    {
        var root = JsonNode.Parse(document, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var done = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var places = Places(root).ToList();
            if (places.Count == 0) break;
            var (parent, key, index) = places[random.Next(places.Count)];
            var texts = Places(root).Select(p => Get(p)).OfType<JsonValue>().Where(v => v.TryGetValue<string>(out _)).Select(v => v.GetValue<string>()).Distinct().ToList();
            switch (random.Next(6))
            {
                case 0:
                    if (parent is JsonObject o) o.Remove(key!); else ((JsonArray)parent).RemoveAt(index);
                    done.Add($"dropped {key ?? $"[{index}]"}");
                    break;
                case 1 when parent is JsonArray a:
                    a.Add(a[index]?.DeepClone());
                    done.Add($"duplicated [{index}]");
                    break;
                case 2 when texts.Count > 0:
                    var text = texts[random.Next(texts.Count)];
                    Set((parent, key, index), JsonValue.Create(text));
                    done.Add($"{key ?? $"[{index}]"} = \"{text}\"");
                    break;
                case 3 when parent is JsonObject target:
                    target[$"unknown{random.Next(100)}"] = JsonNode.Parse(WeirdValues[random.Next(WeirdValues.Length)]);
                    done.Add("an unknown property");
                    break;
                default:
                    var weird = WeirdValues[random.Next(WeirdValues.Length)];
                    Set((parent, key, index), JsonNode.Parse(weird));
                    done.Add($"{key ?? $"[{index}]"} = {(weird.Length > 40 ? weird[..40] + "…" : weird)}");
                    break;
            }
        }
        var json = root.ToJsonString();
        switch (random.Next(10))
        {
            case 0:
                json = json[..random.Next(json.Length)];
                done.Add("cut short");
                break;
            case 1:
                json = new string('[', 200) + json + new string(']', 200);
                done.Add("200 arrays deep");
                break;
        }
        return new Mutant(json, done);

        static IEnumerable<(JsonNode Parent, string? Key, int Index)> Places(JsonNode node)
        {
            if (node is JsonObject o)
                foreach (var (key, child) in o.ToList())
                {
                    yield return (o, key, -1);
                    if (child is not null) foreach (var p in Places(child)) yield return p;
                }
            else if (node is JsonArray a)
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, null, i);
                    if (a[i] is { } child) foreach (var p in Places(child)) yield return p;
                }
        }
        static JsonNode? Get((JsonNode Parent, string? Key, int Index) p) => p.Parent is JsonObject o ? o[p.Key!] : ((JsonArray)p.Parent)[p.Index];
        static void Set((JsonNode Parent, string? Key, int Index) p, JsonNode? value)
        {
            if (p.Parent is JsonObject o) o[p.Key!] = value;
            else ((JsonArray)p.Parent)[p.Index] = value;
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
