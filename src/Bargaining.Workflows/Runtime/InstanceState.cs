using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bargaining.Workflows.Runtime;

/// <summary>The mutable part of an instance, persisted as one JSON document.</summary>
internal sealed class InstanceState
{
    public List<Token> Tokens { get; set; } = [];
    public JsonObject Variables { get; set; } = [];
    /// <summary>Last day of the latest deadline per node, so a later period can extend it.</summary>
    public Dictionary<string, DateOnly> Deadlines { get; set; } = [];
    public int NextToken { get; set; } = 1;
    public int NextFork { get; set; } = 1;

    /// <summary>
    /// Escapes what HTML and JavaScript need escaped, not the letters of other scripts: Chinese text is stored as UTF-8
    /// (3 bytes a character) instead of <c>\uXXXX</c> (6): the demo round's state and journal results are a fifth shorter.
    /// </summary>
    internal static readonly System.Text.Encodings.Web.JavaScriptEncoder Compact =
        System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = Compact,
    };

    public string Serialize() => JsonSerializer.Serialize(this, Options);

    public static InstanceState Deserialize(string json) => JsonSerializer.Deserialize<InstanceState>(json, Options) ?? new InstanceState();
}

/// <summary>A position in the graph. Parallel branches each hold a token; <see cref="Scope"/> names the forks it is inside.</summary>
internal sealed class Token
{
    public int Id { get; set; }
    public string Node { get; set; } = "";
    public DateTimeOffset EnteredAt { get; set; }
    /// <summary>Fork path, e.g. <c>sign#2/</c>; empty outside any parallel split.</summary>
    public string Scope { get; set; } = "";
    public Guid? TimerId { get; set; }
    public DateTimeOffset? Due { get; set; }
    public DateOnly? LastDay { get; set; }
}
