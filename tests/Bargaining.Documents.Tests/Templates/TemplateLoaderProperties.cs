using Bargaining.Testing;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Bargaining.Documents.Tests.Templates;

/// <summary>
/// The loader on the real templates of <c>templates/</c>, mutated line by line (lines dropped, repeated, swapped, cut;
/// Handlebars and Markdown fragments put in): whatever it is given, it accepts a template that then renders the
/// round's data (or refuses that data, naming the line), or refuses it with a reason on a line of the file; it never throws.
/// </summary>
public sealed class TemplateLoaderProperties(ITestOutputHelper output)
{
    private static readonly string[] Files = Directory.GetFiles(Repository.Templates, "*.md").Where(f => Path.GetFileName(f) != "README.md").Order(StringComparer.Ordinal).ToArray();

    private static readonly string[] Fragments =
    [
        "{{", "}}", "{{{", "}}}", "{{name}}", "{{offeror.chief.name}}", "{{nosuch}}", "{{#each offeror.representatives}}", "{{/each}}", "{{#if}}", "{{#if replyBy}}",
        "{{/if}}", "{{else}}", "{{> partial}}", "{{!-- ", " --}}", "{{../name}}", "{{@root.x}}", "{{ordinal}}", "{{chineseOrdinal @index}}", "{{this}}",
        "# ", "## ", "<-", "§ ", "| a | b |", "|---|---|", "---", "\n", "\n\n", "*", "**", "`", "\\", "\u0000", "中文", "💼", "\t", "\r",
    ];

    [Fact]
    public void A_mutated_template_is_accepted_and_renders_or_is_refused_on_a_line_and_never_throws()
    {
        var gen =
            from file in Gen.Elements(Files)
            from count in Gen.Choose(1, 4)
            from seed in Gen.Choose(0, int.MaxValue)
            select (File: Path.GetFileName(file), Text: Mutate(File.ReadAllText(file), count, new Random(seed)));
        Fuzz.Check(output, "mutated templates", gen, mutant => mutant.File switch
        {
            "offer-letter.md" => Check(mutant.Text, RoundData.OfferLetter),
            "response.md" => Check(mutant.Text, RoundData.Response),
            "meeting-minutes.md" => Check(mutant.Text, RoundData.Minutes),
            "congress-resolution.md" => Check(mutant.Text, RoundData.Resolution),
            "change-agreement.md" => Check(mutant.Text, RoundData.ChangeAgreement),
            "redline.md" => Check(mutant.Text, RoundData.Redline),
            _ => Check(mutant.Text, RoundData.Contract()),
        });
    }

    private static string Check<TData>(string text, TData data) where TData : class
    {
        var result = TemplateLoader.Parse<TData>(text, "mutant.md");
        if (result.Template is { } template)
        {
            Assert.Empty(result.Errors);
            try
            {
                template.Render(data);
                return "accepted";
            }
            catch (InvalidOperationException e)
            {
                // Documented: a part the data leaves empty (an article of one optional field) is refused at render, naming the file and line.
                Assert.StartsWith("mutant.md filled in with this", e.Message);
                return "accepted, refused at render for the data";
            }
        }
        var lines = text.Split('\n').Length;
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e =>
        {
            Assert.InRange(e.Line, 0, lines);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        });
        return "refused";
    }

    private static string Mutate(string text, int count, Random random)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        for (var i = 0; i < count && lines.Count > 0; i++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[at]); break;
                case 2: (lines[at], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[at]); break;
                case 3: lines[at] = lines[at][..random.Next(lines[at].Length + 1)]; break;
                default: lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), Fragments[random.Next(Fragments.Length)]); break;
            }
        }
        return string.Join('\n', lines);
    }
}
