using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Bargaining.Documents.Fonts;

/// <summary>
/// The one PDFsharp font resolver of the process. PDFsharp has a single global resolver, so every located file is
/// registered here under a family name of its own (its path), and any resolver that was set before is kept and
/// asked for the families it knows.
/// </summary>
internal sealed class FontRegistry : IFontResolver
{
    private const string FamilyPrefix = "Bargaining:";
    private static readonly FontRegistry Instance = new();
    private static readonly Lock Gate = new();

    private readonly ConcurrentDictionary<string, byte[]> filesByPath = new();
    private IFontResolver? previous;

    /// <summary>Registers a .ttf file and returns the family name to create <c>XFont</c>s with.</summary>
    public static string Register(string path, byte[] bytes)
    {
        EnsureInstalled();
        Instance.filesByPath.TryAdd(path, bytes);
        return FamilyPrefix + path;
    }

    /// <summary>Puts this resolver in place again if something replaced it since.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            var current = GlobalFontSettings.FontResolver;
            if (ReferenceEquals(current, Instance)) return;
            Instance.previous = current;
            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!familyName.StartsWith(FamilyPrefix, StringComparison.Ordinal))
            return previous?.ResolveTypeface(familyName, bold, italic);
        var path = familyName[FamilyPrefix.Length..];
        // The Chinese faces here ship one weight only; bold is simulated (about 2% wider, see STACK.md).
        return filesByPath.ContainsKey(path) ? new FontResolverInfo(path, bold, false) : null;
    }

    public byte[]? GetFont(string faceName) =>
        filesByPath.TryGetValue(faceName, out var bytes) ? bytes : previous?.GetFont(faceName);
}
