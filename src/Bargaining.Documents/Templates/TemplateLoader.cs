using Bargaining.Documents.Model;
using HandlebarsDotNet;

namespace Bargaining.Documents.Templates;

/// <summary>What loading a template gave: the template, or every reason it was refused.</summary>
/// <typeparam name="TData">The template's data model.</typeparam>
public sealed record TemplateLoadResult<TData>(DocumentTemplate<TData>? Template, IReadOnlyList<TemplateError> Errors)
    where TData : class
{
    /// <summary>Whether the template loaded.</summary>
    public bool Succeeded => Template is not null;
}

/// <summary>
/// Loads Markdown + Handlebars templates and refuses, with file, line and reason, any that uses a placeholder its
/// data model lacks or breaks the Handlebars or Markdown conventions (templates/README.md). All problems of a file
/// are collected, not just the first.
/// </summary>
public static class TemplateLoader
{
    private static readonly IHandlebars Handlebars = CreateEnvironment();

    /// <summary>Loads the template in <paramref name="path"/>.</summary>
    public static TemplateLoadResult<TData> Load<TData>(string path) where TData : class
    {
        if (!File.Exists(path)) return new(null, [new TemplateError(path, 0, "The template file does not exist.")]);
        return Parse<TData>(File.ReadAllText(path), path);
    }

    /// <summary>Checks and compiles template text; <paramref name="file"/> names it in errors.</summary>
    public static TemplateLoadResult<TData> Parse<TData>(string source, string file) where TData : class
    {
        source = source.Replace("\r\n", "\n");
        var shape = (ObjectShape)DataShape.Of(typeof(TData));
        var errors = new List<TemplateError>();
        void Add(IEnumerable<(int Line, string Message)> found) => errors.AddRange(found.Select(e => new TemplateError(file, e.Line, e.Message)));

        var handlebars = HandlebarsCheck.Check(source, shape);
        Add(handlebars.Errors);
        var (structure, lineMap) = Structure(handlebars.Masked);
        Add(MarkdownReader.Read(structure, line => line < lineMap.Count ? lineMap[line] : lineMap.Count).Errors);
        if (errors.Count > 0) return Refused(errors);

        HandlebarsTemplate<object, object> compiled;
        try
        {
            compiled = Handlebars.Compile(source);
        }
        catch (HandlebarsException e)
        {
            return Refused([new TemplateError(file, 0, "Handlebars: " + e.Message)]);
        }
        var template = new DocumentTemplate<TData>(file, compiled, shape);

        // A trial run with every field filled catches what only shows once values are in (nothing should, by now).
        try
        {
            var sample = MarkdownReader.Read(compiled(TemplateValues.Sample(shape)!), line => 0);
            Add(sample.Errors.Select(e => (0, "With sample data: " + e.Message)));
        }
        catch (HandlebarsException e)
        {
            errors.Add(new TemplateError(file, 0, "With sample data, Handlebars failed: " + e.Message));
        }
        return errors.Count > 0 ? Refused(errors) : new(template, []);

        static TemplateLoadResult<TData> Refused(List<TemplateError> errors) =>
            new(null, errors.OrderBy(e => e.Line).ToList());
    }

    /// <summary>
    /// The template with its tags masked, minus the lines that hold only block tags or comments (Handlebars drops
    /// such "standalone" lines), with the template line of each remaining line.
    /// </summary>
    private static (string Text, List<int> LineMap) Structure(string masked)
    {
        var kept = new List<string>();
        var map = new List<int>();
        var lines = masked.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Contains(HandlebarsCheck.BlockMark) && line.All(c => c == HandlebarsCheck.BlockMark || char.IsWhiteSpace(c))) continue;
            kept.Add(line.Replace(HandlebarsCheck.BlockMark.ToString(), ""));
            map.Add(i + 1);
        }
        return (string.Join('\n', kept), map);
    }

    private static IHandlebars CreateEnvironment()
    {
        var handlebars = HandlebarsDotNet.Handlebars.Create(new HandlebarsConfiguration { TextEncoder = new MarkdownEncoder() });
        handlebars.RegisterHelper("ordinal", (writer, _, arguments) => writer.Write(Index(arguments) + 1));
        handlebars.RegisterHelper("chineseOrdinal", (writer, _, arguments) => writer.Write(ChineseNumerals.Format(Index(arguments) + 1)));
        handlebars.RegisterHelper(HandlebarsCheck.ChineseHelper, (writer, _, arguments) => writer.Write(Index(arguments) is var n and > 0 ? ChineseNumerals.Format(n) : "零"));
        return handlebars;

        static int Index(Arguments arguments) => Convert.ToInt32(arguments[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
