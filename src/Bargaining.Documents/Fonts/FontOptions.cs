namespace Bargaining.Documents.Fonts;

/// <summary>
/// Where to find the Chinese faces. Explicit paths win; otherwise the standard font folders are searched for the
/// Debian faces named in <see cref="ChineseFonts"/>.
/// </summary>
public sealed class FontOptions
{
    /// <summary>The folders searched (recursively) when a path is not configured: the Linux standard locations.</summary>
    public static IReadOnlyList<string> StandardDirectories { get; } =
    [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/share/fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
    ];

    /// <summary>A TrueType (.ttf) Song face (宋体) for body text; null to search <see cref="SearchDirectories"/>.</summary>
    public string? SongFontPath { get; init; }

    /// <summary>A TrueType (.ttf) sans face (黑体) for headings and rare characters; null to search.</summary>
    public string? SansFontPath { get; init; }

    /// <summary>The folders searched for faces whose path is not configured.</summary>
    public IReadOnlyList<string> SearchDirectories { get; init; } = StandardDirectories;
}
