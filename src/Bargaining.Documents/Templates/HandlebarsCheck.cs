using System.Text;
using System.Text.RegularExpressions;

namespace Bargaining.Documents.Templates;

/// <summary>
/// Reads the Handlebars tags of a template before Handlebars.Net compiles it, because Handlebars.Net reports neither
/// the line of a syntax error nor a placeholder that names no field. Allows the subset templates need (values,
/// #if/#unless/#each/#with with {{else}}, comments, the two numbering helpers) and resolves every path against the
/// data model. Also yields the text with the tags masked, for checking the Markdown structure line by line.
/// </summary>
internal static partial class HandlebarsCheck
{
    /// <summary>Stands for a block tag in the masked text; a line holding only these and spaces vanishes, as in Handlebars.</summary>
    internal const char BlockMark = '\u0001';

    private static readonly string[] BlockHelpers = ["if", "unless", "each", "with"];

    /// <summary>Helpers taking @index: the 1-based number of the item, in Arabic or Chinese numerals.</summary>
    internal static readonly string[] IndexHelpers = ["ordinal", "chineseOrdinal"];

    /// <summary>The helper printing a whole-number field in Chinese numerals: {{chinese copies}} → 五.</summary>
    internal const string ChineseHelper = "chinese";

    private static readonly string[] Helpers = [.. IndexHelpers, ChineseHelper];

    public sealed record Result(IReadOnlyList<(int Line, string Message)> Errors, string Masked);

    private sealed record Tag(int Start, int End, int Line, string Body);

    private sealed record Block(string Helper, int Line, bool PushedContext, bool HasElse = false);

    private sealed record Context(DataShape Shape, bool InEach);

    public static Result Check(string source, ObjectShape model)
    {
        var errors = new List<(int, string)>();
        var masked = new StringBuilder(source);
        var blocks = new Stack<Block>();
        var contexts = new List<Context> { new(model, false) };

        foreach (var tag in Tags(source, errors))
        {
            var isBlockTag = CheckTag(tag, blocks, contexts, model, errors);
            for (var i = tag.Start; i < tag.End; i++)
                if (source[i] != '\n') masked[i] = isBlockTag ? BlockMark : 'x';
        }
        foreach (var open in blocks)
            errors.Add((open.Line, $"{{{{#{open.Helper}}}}} is never closed: add {{{{/{open.Helper}}}}}."));
        return new Result(errors.OrderBy(e => e.Item1).ToList(), masked.ToString());
    }

    /// <summary>The tags in order; an opening {{ without its closing braces is reported and ends the scan.</summary>
    private static IEnumerable<Tag> Tags(string source, List<(int, string)> errors)
    {
        var at = 0;
        while ((at = source.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            var line = LineOf(source, at);
            string closing = source.AsSpan(at).StartsWith("{{!--") ? "--}}" : source.AsSpan(at).StartsWith("{{{") ? "}}}" : "}}";
            var end = source.IndexOf(closing, at + 2, StringComparison.Ordinal);
            var next = source.IndexOf("{{", at + 2, StringComparison.Ordinal);
            if (end < 0 || (closing == "}}" && next >= 0 && next < end))
            {
                errors.Add((line, "\"{{\" is not closed by \"}}\" before the next tag or the end of the file."));
                if (end < 0) yield break;
                at = next;
                continue;
            }
            end += closing.Length;
            yield return new Tag(at, end, line, source[(at + 2)..(end - 2)]);
            at = end;
        }
    }

    /// <summary>Checks one tag; returns whether it is a block or comment tag (which prints nothing).</summary>
    private static bool CheckTag(Tag tag, Stack<Block> blocks, List<Context> contexts, ObjectShape model,
        List<(int, string)> errors)
    {
        var body = tag.Body;
        void Error(string message) => errors.Add((tag.Line, message));
        if (body.StartsWith('!')) return true; // {{! comment }} and {{!-- comment --}}
        if (body.StartsWith('{'))
        {
            Error($"{{{{{body}}}}} inserts text unescaped, which could break the document's structure: use {{{{{body.Trim('{', '}').Trim()}}}}}.");
            return false;
        }
        body = body.Trim().TrimStart('~').TrimEnd('~').Trim();
        if (body.Length == 0)
        {
            Error("Empty tag {{}}.");
            return false;
        }
        switch (body[0])
        {
            case '#':
                OpenBlock(body[1..].Trim(), tag.Line, blocks, contexts, errors);
                return true;
            case '/':
                CloseBlock(body[1..].Trim(), tag.Line, blocks, contexts, errors);
                return true;
            case '^':
                Error($"{{{{{body}}}}}: inverted sections are not supported; write {{{{#unless …}}}} instead.");
                return true;
            case '>':
                Error($"{{{{{body}}}}}: partials are not supported; each template is complete in itself.");
                return true;
            case '&':
                Error($"{{{{{body}}}}} inserts text unescaped, which could break the document's structure: use {{{{{body[1..].Trim()}}}}}.");
                return false;
        }
        var words = Words(body, tag.Line, errors);
        if (words is null) return false;
        if (words[0] == "else")
        {
            if (words.Length > 1) Error("Write {{else}} alone; {{else if …}} is not supported: nest an {{#if}} instead.");
            else if (blocks.Count == 0 || blocks.Peek().Helper == "with")
                Error("{{else}} outside an {{#if}}, {{#unless}} or {{#each}} block.");
            else if (blocks.Peek().HasElse)
                Error($"A second {{{{else}}}} in the {{{{#{blocks.Peek().Helper}}}}} opened on line {blocks.Peek().Line}: a block has one {{{{else}}}} at most.");
            else blocks.Push(blocks.Pop() with { HasElse = true });
            return true;
        }
        if (words.Length == 1 && Helpers.Contains(words[0]))
        {
            Error($"{{{{{words[0]}}}}} names a helper, which needs an argument, e.g. {{{{{words[0]} {(words[0] == ChineseHelper ? "copies" : "@index")}}}}}.");
            return false;
        }
        if (words.Length == 1)
        {
            if (Resolve(words[0], contexts, model, out var message) is { } shape)
            {
                if (shape is ObjectShape group)
                    Error($"{{{{{words[0]}}}}} is a group of fields ({group.FieldList}): print one of them, e.g. {{{{{words[0]}.{group.Fields.Keys.First()}}}}}.");
                else if (shape is ListShape)
                    Error($"{{{{{words[0]}}}}} is a list: repeat it with {{{{#each {words[0]}}}}}…{{{{/each}}}}.");
            }
            else Error(message!);
            return false;
        }
        if (IndexHelpers.Contains(words[0]))
        {
            if (words.Length != 2 || words[1] != "@index")
                Error($"{{{{{words[0]} …}}}} takes @index only: {{{{{words[0]} @index}}}} prints the item's number from 1.");
            else if (!contexts[^1].InEach)
                Error($"{{{{{words[0]} @index}}}} is outside an {{{{#each}}}} block.");
            return false;
        }
        if (words[0] == ChineseHelper)
        {
            if (words.Length != 2) Error($"{{{{{ChineseHelper} …}}}} takes one whole-number field, e.g. {{{{{ChineseHelper} copies}}}}.");
            else if (Resolve(words[1], contexts, model, out var message) is not { } shape) Error(message!);
            else if (shape is not ValueShape { Type: var type } || (type != typeof(int) && type != typeof(long)))
                Error($"{{{{{ChineseHelper} {words[1]}}}}}: {words[1]} is not a whole number ({shape.Describe()}).");
            return false;
        }
        Error($"Unknown helper \"{words[0]}\" in {{{{{body}}}}}: the helpers are {string.Join(", ", Helpers)}; a placeholder is a single field name.");
        return false;
    }

    private static void OpenBlock(string body, int line, Stack<Block> blocks, List<Context> contexts, List<(int, string)> errors)
    {
        var words = Words(body, line, errors);
        if (words is null) return;
        if (words.Length == 0)
        {
            errors.Add((line, "Empty block tag {{#}}: name the block and its field, e.g. {{#if field}} or {{#each list}}."));
            blocks.Push(new Block("", line, false));
            return;
        }
        var helper = words[0];
        if (!BlockHelpers.Contains(helper))
        {
            errors.Add((line, $"Unknown block {{{{#{helper}}}}}: the blocks are {string.Join(", ", BlockHelpers.Select(h => "#" + h))}."));
            blocks.Push(new Block(helper, line, false));
            return;
        }
        if (words.Length != 2)
        {
            errors.Add((line, $"{{{{#{helper}}}}} takes one field: {{{{#{helper} fieldName}}}}."));
            blocks.Push(new Block(helper, line, false));
            return;
        }
        var shape = Resolve(words[1], contexts, (ObjectShape)contexts[0].Shape, out var message);
        if (shape is null) errors.Add((line, message!));
        var pushed = false;
        switch (helper)
        {
            case "each" when shape is ListShape list:
                contexts.Add(new Context(list.Element, true));
                pushed = true;
                break;
            case "each" when shape is not null:
                errors.Add((line, $"{{{{#each {words[1]}}}}}: {words[1]} is not a list ({shape.Describe()})."));
                break;
            case "with" when shape is ObjectShape:
                contexts.Add(new Context(shape, contexts[^1].InEach));
                pushed = true;
                break;
            case "with" when shape is not null:
                errors.Add((line, $"{{{{#with {words[1]}}}}}: {words[1]} is not a group of fields ({shape.Describe()})."));
                break;
        }
        blocks.Push(new Block(helper, line, pushed));
    }

    private static void CloseBlock(string name, int line, Stack<Block> blocks, List<Context> contexts, List<(int, string)> errors)
    {
        if (blocks.Count == 0)
        {
            errors.Add((line, $"{{{{/{name}}}}} closes no open block."));
            return;
        }
        var open = blocks.Pop();
        if (open.PushedContext) contexts.RemoveAt(contexts.Count - 1);
        if (open.Helper != name)
            errors.Add((line, $"{{{{/{name}}}}} closes {{{{#{open.Helper}}}}} opened on line {open.Line}: write {{{{/{open.Helper}}}}}."));
    }

    /// <summary>The words of a tag; null (and an error) when it uses syntax outside the supported subset.</summary>
    private static string[]? Words(string body, int line, List<(int, string)> errors)
    {
        if (body.IndexOfAny(['"', '\'', '=', '(', ')', '[', ']', '|']) >= 0)
        {
            errors.Add((line, $"{{{{{body}}}}}: literals, hash arguments, sub-expressions and block parameters are not supported."));
            return null;
        }
        return body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Resolves a path in the current context (Handlebars does not look in outer contexts by itself).</summary>
    private static DataShape? Resolve(string path, List<Context> contexts, ObjectShape model, out string? message)
    {
        message = null;
        var depth = contexts.Count - 1;
        var rest = path;
        if (rest.StartsWith("@root", StringComparison.Ordinal))
        {
            depth = 0;
            rest = rest["@root".Length..].TrimStart('.', '/');
            if (rest.Length == 0) return model;
        }
        else if (rest is "@index" or "@first" or "@last")
        {
            if (contexts[^1].InEach) return new ValueShape(rest == "@index" ? typeof(int) : typeof(bool));
            message = $"{{{{{path}}}}} is outside an {{{{#each}}}} block.";
            return null;
        }
        else if (rest.StartsWith('@'))
        {
            message = $"Unknown data variable {path}: use @index, @first, @last or @root.";
            return null;
        }
        while (rest.StartsWith("../", StringComparison.Ordinal))
        {
            rest = rest[3..];
            if (--depth < 0)
            {
                message = $"{{{{{path}}}}} climbs above the document's data with ../.";
                return null;
            }
        }
        if (rest is "this" or ".") return contexts[depth].Shape;
        if (rest.StartsWith("this.", StringComparison.Ordinal) || rest.StartsWith("this/", StringComparison.Ordinal)) rest = rest[5..];
        else if (rest.StartsWith("./", StringComparison.Ordinal)) rest = rest[2..];

        var shape = contexts[depth].Shape;
        var walked = "";
        foreach (var segment in rest.Split('.', '/'))
        {
            if (!Identifier().IsMatch(segment))
            {
                message = $"{{{{{path}}}}} is not a field path: write names joined by dots, e.g. employer.name.";
                return null;
            }
            switch (shape)
            {
                case ObjectShape obj when obj.Fields.TryGetValue(segment, out var field):
                    shape = field.Shape;
                    walked = walked.Length == 0 ? segment : walked + "." + segment;
                    break;
                case ObjectShape obj:
                    var near = obj.Fields.Keys.MinBy(k => Distance(k.ToLowerInvariant(), segment.ToLowerInvariant()));
                    if (near is not null && Distance(near.ToLowerInvariant(), segment.ToLowerInvariant()) > Math.Max(2, segment.Length / 3)) near = null;
                    message = $"Unknown placeholder {{{{{path}}}}}: {(walked.Length == 0 ? obj.Describe() : walked)} has no field \"{segment}\"" +
                              (near is not null ? $" (did you mean \"{near}\"?)" : "") + $"; its fields are {obj.FieldList}.";
                    return null;
                case ListShape:
                    message = $"{{{{{path}}}}}: {walked} is a list; repeat it with {{{{#each {walked}}}}} and use the fields inside.";
                    return null;
                default:
                    message = $"{{{{{path}}}}}: {walked} is a single value and has no field \"{segment}\".";
                    return null;
            }
        }
        return shape;
    }

    /// <summary>Edit distance, for "did you mean" on a misspelt field.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    private static int LineOf(string source, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++) if (source[i] == '\n') line++;
        return line;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
