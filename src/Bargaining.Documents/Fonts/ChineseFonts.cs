using System.Text;

namespace Bargaining.Documents.Fonts;

/// <summary>
/// The two faces a Chinese contract needs: a Song face (宋体) for body text and a sans face (黑体) for headings.
/// Each is the other's per-character fallback, because the Song face covers GB2312 only and people's names often
/// use characters outside it (堃, 喆, 昇, 玥, 赟).
/// </summary>
public sealed class ChineseFonts
{
    /// <summary>The Debian packages that provide the faces this class looks for.</summary>
    public const string DebianPackages = "fonts-arphic-gbsn00lp fonts-droid-fallback";

    // File names in order of preference. Only plain TrueType loads in PDFsharp 6.5, so no .ttc/.otf here.
    private static readonly string[] SongFiles = ["gbsn00lp.ttf", "simsun.ttf"];
    private static readonly string[] SansFiles = ["DroidSansFallbackFull.ttf", "DroidSansFallback.ttf", "simhei.ttf"];

    private ChineseFonts(FontFace song, FontFace sans)
    {
        Song = song;
        Sans = sans;
    }

    /// <summary>The Song face for body text (AR PL SungtiL GB by default).</summary>
    public FontFace Song { get; }

    /// <summary>The sans face for headings, also the fallback for characters the Song face lacks (Droid Sans Fallback).</summary>
    public FontFace Sans { get; }

    /// <summary>
    /// Finds the faces from <paramref name="options"/> or the standard font folders. When only one face exists it
    /// serves both roles.
    /// </summary>
    /// <exception cref="ChineseFontsNotFoundException">No Chinese face at all, or a configured path that is not a usable .ttf.</exception>
    public static ChineseFonts Locate(FontOptions? options = null)
    {
        options ??= new FontOptions();
        var song = Find(options.SongFontPath, nameof(FontOptions.SongFontPath), SongFiles, options.SearchDirectories);
        var sans = Find(options.SansFontPath, nameof(FontOptions.SansFontPath), SansFiles, options.SearchDirectories);
        if (song is null && sans is null)
            throw new ChineseFontsNotFoundException(
                $"No Chinese font found in {string.Join(", ", options.SearchDirectories)}. Install the Debian packages " +
                $"{DebianPackages} (`apt-get install {DebianPackages}`; scripts/setup.sh does it), or set " +
                $"{nameof(FontOptions)}.{nameof(FontOptions.SongFontPath)} and " +
                $"{nameof(FontOptions)}.{nameof(FontOptions.SansFontPath)} to TrueType (.ttf) files.");
        var songFace = Load(song ?? sans!);
        var sansFace = sans is null || sans == song ? songFace : Load(sans);
        return new ChineseFonts(songFace, sansFace);
    }

    /// <summary>The faces to try, in order, for text whose main face is <paramref name="main"/>.</summary>
    internal IReadOnlyList<FontFace> FallbackChain(FontFace main) => main == Song ? [Song, Sans] : [Sans, Song];

    /// <summary>Whether any face can print <paramref name="character"/>.</summary>
    public bool CanRender(Rune character) => Song.HasGlyph(character) || Sans.HasGlyph(character);

    private static string? Find(string? configured, string setting, string[] fileNames, IReadOnlyList<string> directories)
    {
        if (configured is not null)
        {
            if (!File.Exists(configured))
                throw new ChineseFontsNotFoundException(
                    $"{nameof(FontOptions)}.{setting} points to {configured}, which does not exist. Fix the path, or " +
                    $"clear it to search {string.Join(", ", directories)} (Debian packages: {DebianPackages}).");
            return Path.GetFullPath(configured);
        }
        var search = new EnumerationOptions
        {
            RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive,
        };
        foreach (var name in fileNames)
            foreach (var directory in directories.Where(Directory.Exists))
                if (Directory.EnumerateFiles(directory, name, search).FirstOrDefault() is { } found)
                    return Path.GetFullPath(found);
        return null;
    }

    private static FontFace Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var tag = bytes.Length >= 4 ? Encoding.ASCII.GetString(bytes, 0, 4) : "";
        // PDFsharp 6.5 throws on collections and CFF outlines deep inside rendering; refuse them here, clearly.
        if (tag is "ttcf" or "OTTO" || bytes.Length < 4 || (tag != "true" && BitConverter.ToUInt32(bytes, 0) != 0x00000100))
            throw new ChineseFontsNotFoundException(
                $"{path} is not a plain TrueType font (PDFsharp 6.5 cannot load .ttc collections or CFF .otf files). " +
                $"Point {nameof(FontOptions)} at a .ttf file, such as those in the Debian packages {DebianPackages}.");
        return new FontFace(path, bytes);
    }
}
