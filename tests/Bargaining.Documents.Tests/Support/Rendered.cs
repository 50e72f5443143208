namespace Bargaining.Documents.Tests.Support;

/// <summary>A document rendered to a PDF file in a temporary folder, with what poppler reads back from it.</summary>
public sealed class Rendered
{
    private static readonly Lazy<ChineseFonts> SharedFonts = new(() => ChineseFonts.Locate());
    private static readonly string Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bargaining-documents-tests");

    private readonly Lazy<IReadOnlyList<PdfPage>> pages;

    private Rendered(string path, DocumentStyle style, RenderResult result)
    {
        Path = path;
        Style = style;
        Result = result;
        pages = new(() => Poppler.Layout(path));
    }

    /// <summary>The faces from the standard locations (the Debian packages scripts/setup.sh installs), located once.</summary>
    public static ChineseFonts Fonts => SharedFonts.Value;

    public string Path { get; }
    public DocumentStyle Style { get; }
    public RenderResult Result { get; }
    public IReadOnlyList<PdfPage> Pages => pages.Value;

    /// <summary>The lines inside the text block of every page, in reading order.</summary>
    public IReadOnlyList<PdfLine> BodyLines => Pages.SelectMany(p => p.BodyLines(Style)).ToList();

    public double Right => Style.TextLeft + Style.TextWidth;

    /// <summary>
    /// Renders to a fresh file in a folder of this test process under the system temp folder. The files stay after
    /// the run, so a failing case can be opened; the next run removes folders whose process has ended.
    /// </summary>
    public static Rendered Of(Document document, DocumentStyle? style = null, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        style ??= DocumentStyle.Contract;
        var path = NewFile(name);
        var result = new DocumentRenderer(Fonts, style).Render(document, path);
        return new Rendered(path, style, result);
    }

    /// <summary>A fresh path in this test process's folder, for a file a test writes itself.</summary>
    public static string NewFile(string name, string extension = ".pdf")
    {
        var directory = System.IO.Path.Combine(Root, RunId.Value);
        Directory.CreateDirectory(directory);
        return System.IO.Path.Combine(directory, $"{name}-{Guid.NewGuid():N}{extension}");
    }

    /// <summary>Wraps a PDF a test wrote through other means (the printer, a batch) to read it back.</summary>
    public static Rendered Existing(string path, RenderResult result, DocumentStyle? style = null) =>
        new(path, style ?? DocumentStyle.Contract, result);

    private static readonly Lazy<string> RunId = new(() =>
    {
        if (Directory.Exists(Root))
            foreach (var old in Directory.GetDirectories(Root).Where(d => !IsRunning(System.IO.Path.GetFileName(d))))
                try { Directory.Delete(old, recursive: true); } catch (IOException) { /* being removed by another run */ }
        return Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    });

    private static bool IsRunning(string processId)
    {
        if (!int.TryParse(processId, out var id)) return true; // not ours: leave it
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
