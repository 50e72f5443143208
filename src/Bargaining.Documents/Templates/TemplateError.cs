namespace Bargaining.Documents.Templates;

/// <summary>Why a template was refused: the file, the line (from 1) and the reason.</summary>
/// <param name="File">The template file.</param>
/// <param name="Line">The line the problem is on; 0 when it concerns the whole file.</param>
/// <param name="Message">The reason, with what to write instead where there is an obvious fix.</param>
public sealed record TemplateError(string File, int Line, string Message)
{
    /// <summary>file:line: reason, as compilers print it.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>One or more templates were refused; <see cref="Errors"/> lists every problem found, not only the first.</summary>
public sealed class TemplateLoadException(IReadOnlyList<TemplateError> errors)
    : Exception($"{errors.Count} template error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors))
{
    /// <summary>Every problem, in file and line order.</summary>
    public IReadOnlyList<TemplateError> Errors { get; } = errors;
}
