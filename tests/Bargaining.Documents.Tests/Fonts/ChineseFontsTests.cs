using System.Text;

namespace Bargaining.Documents.Tests.Fonts;

public sealed class ChineseFontsTests : IDisposable
{
    private const string Song = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
    private const string Sans = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    private readonly string empty = Directory.CreateTempSubdirectory("bargaining-fonts-").FullName;

    public void Dispose() => Directory.Delete(empty, recursive: true);

    [Fact]
    public void The_Debian_faces_are_found_in_the_standard_folders()
    {
        var fonts = ChineseFonts.Locate();
        Assert.Equal(Song, fonts.Song.FilePath);
        Assert.Equal(Sans, fonts.Sans.FilePath);
    }

    [Fact]
    public void Configured_paths_are_used_without_searching()
    {
        var fonts = ChineseFonts.Locate(new FontOptions { SongFontPath = Sans, SansFontPath = Song, SearchDirectories = [empty] });
        Assert.Equal(Sans, fonts.Song.FilePath);
        Assert.Equal(Song, fonts.Sans.FilePath);
    }

    [Fact]
    public void One_face_alone_serves_as_both()
    {
        var fonts = ChineseFonts.Locate(new FontOptions { SongFontPath = Song, SearchDirectories = [empty] });
        Assert.Same(fonts.Song, fonts.Sans);
    }

    [Fact]
    public void The_Song_face_lacks_rare_name_characters_that_the_sans_face_has()
    {
        var fonts = Rendered.Fonts;
        foreach (var c in "堃喆昇玥赟".EnumerateRunes())
        {
            Assert.False(fonts.Song.HasGlyph(c), c.ToString());
            Assert.True(fonts.Sans.HasGlyph(c), c.ToString());
        }
        Assert.False(fonts.CanRender(new Rune(0x20000)));
    }

    [Fact]
    public void Without_any_Chinese_font_the_error_names_the_packages_and_the_settings()
    {
        var error = Assert.Throws<ChineseFontsNotFoundException>(() =>
            ChineseFonts.Locate(new FontOptions { SearchDirectories = [empty] }));
        Assert.Contains("fonts-arphic-gbsn00lp", error.Message);
        Assert.Contains("fonts-droid-fallback", error.Message);
        Assert.Contains("FontOptions.SongFontPath", error.Message);
        Assert.Contains("FontOptions.SansFontPath", error.Message);
    }

    [Fact]
    public void A_configured_path_that_does_not_exist_is_named_in_the_error()
    {
        var missing = Path.Combine(empty, "nothing.ttf");
        var error = Assert.Throws<ChineseFontsNotFoundException>(() =>
            ChineseFonts.Locate(new FontOptions { SongFontPath = missing }));
        Assert.Contains("FontOptions.SongFontPath", error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_font_collection_is_refused_because_PDFsharp_cannot_load_it()
    {
        var collection = Path.Combine(empty, "NotoSansCJK-Regular.ttc");
        File.WriteAllBytes(collection, [.."ttcf"u8, 0, 1, 0, 0]);
        var error = Assert.Throws<ChineseFontsNotFoundException>(() =>
            ChineseFonts.Locate(new FontOptions { SansFontPath = collection, SongFontPath = Song }));
        Assert.Contains(".ttc", error.Message);
    }
}
