namespace Bargaining.Documents.Rendering;

/// <summary>What a render produced.</summary>
/// <param name="PageCount">The number of pages written.</param>
/// <param name="MissingCharacters">
/// Characters no installed face has, each once. They print as 〓 (the typesetter's mark for a missing character),
/// never as an empty box; a caller that must not print an incomplete name should refuse the document when this is
/// not empty.
/// </param>
public sealed record RenderResult(int PageCount, IReadOnlyList<string> MissingCharacters)
{
    /// <summary>The document's title as printed.</summary>
    public string Title { get; init; } = "";

    /// <summary>Every character printed as written.</summary>
    public bool IsComplete => MissingCharacters.Count == 0;
}
