using Bargaining.Documents.Model;
using HandlebarsDotNet;

namespace Bargaining.Documents.Templates;

/// <summary>
/// A loaded, checked template: fills in a <typeparamref name="TData"/> and reads the result into the
/// <see cref="Document"/> model. Safe to use from several threads.
/// </summary>
/// <typeparam name="TData">The data model whose fields the template may use.</typeparam>
public sealed class DocumentTemplate<TData> where TData : class
{
    private readonly HandlebarsTemplate<object, object> compiled;
    private readonly DataShape shape;

    internal DocumentTemplate(string file, HandlebarsTemplate<object, object> compiled, DataShape shape)
    {
        File = file;
        this.compiled = compiled;
        this.shape = shape;
    }

    /// <summary>The file the template was loaded from.</summary>
    public string File { get; }

    /// <summary>The Markdown the template produces for <paramref name="data"/>, before it is read into the model.</summary>
    public string RenderMarkdown(TData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return compiled(TemplateValues.From(data, shape)!);
    }

    /// <summary>The document for <paramref name="data"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// The filled-in template is not a valid document, e.g. a title left empty by its data. The template itself was
    /// checked at load, so this points at the data.
    /// </exception>
    public Document Render(TData data)
    {
        var result = MarkdownReader.Read(RenderMarkdown(data), line => line + 1);
        if (result.Errors.Count > 0)
            throw new InvalidOperationException($"{File} filled in with this {typeof(TData).Name} is not a valid document: " +
                                                string.Join("; ", result.Errors.Select(e => $"line {e.Line} of the output: {e.Message}")));
        return result.Document!;
    }
}
