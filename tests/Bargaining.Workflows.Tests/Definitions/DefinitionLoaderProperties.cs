using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Bargaining.Testing;
using Xunit.Abstractions;

namespace Bargaining.Workflows.Tests.Definitions;

/// <summary>
/// The loader on the real definitions of <c>workflows/</c>, mutated (<see cref="Fuzz.MutatedJson"/>): whatever it is
/// given, it accepts a definition whose every target exists, or refuses it with every error located and explained;
/// it never throws.
/// </summary>
public sealed partial class DefinitionLoaderProperties(ITestOutputHelper output)
{
    private static readonly string[] Definitions = Directory.GetFiles(Path.Combine(RepositoryRoot(), "workflows"), "*.json")
        .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    /// <summary>The conditions and periods the real definitions name (the application registers the same ones).</summary>
    private static readonly DefinitionVocabulary Vocabulary = new(Named("when"), Named("parameter"));

    [Fact]
    public void The_real_definitions_load_with_the_names_they_use()
    {
        Assert.Equal(4, Definitions.Length);   // ordinary, simplified, renewal and change
        Assert.All(Definitions, json => Assert.Empty(DefinitionLoader.Parse(json, "real.json", Vocabulary).Errors));
    }

    [Fact]
    public void A_mutated_definition_is_accepted_whole_or_refused_with_every_error_located_and_never_throws() =>
        Fuzz.Check(output, "mutated workflow definitions", Fuzz.MutatedJson(Definitions), mutant =>
        {
            var (definition, errors) = DefinitionLoader.Parse(mutant.Text, "mutant.json", Vocabulary);
            if (definition is null)
            {
                Assert.NotEmpty(errors);
                Assert.All(errors, e =>
                {
                    Assert.Matches("^(\\$|line )", e.Path);
                    Assert.Matches("^[a-z-]+$", e.Code);
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                });
                return "refused";
            }
            Assert.Empty(errors);
            Assert.Same(definition.Node(definition.Start), definition.Nodes[definition.Start]);
            foreach (var node in definition.NodeOrder)
            foreach (var target in node.Targets())
                Assert.True(definition.Nodes.ContainsKey(target), $"{node.Id} leads to {target}, which does not exist");
            return "accepted";
        });

    private static HashSet<string> Named(string property) =>
        Definitions.SelectMany(json => Regex.Matches(json, $"\"{property}\":\\s*\"([^\"]+)\"")).Select(m => m.Groups[1].Value).ToHashSet();

    private static string RepositoryRoot([CallerFilePath] string file = "")
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null; directory = Path.GetDirectoryName(directory))
            if (File.Exists(Path.Combine(directory, "Bargaining.sln"))) return directory;
        throw new InvalidOperationException($"No Bargaining.sln above {file}.");
    }
}
