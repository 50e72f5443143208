using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace Bargaining.Documents.Tests.Support;

/// <summary>A word as pdftotext -bbox-layout reports it, in points from the page's top-left corner.</summary>
public sealed record PdfWord(string Text, double XMin, double YMin, double XMax, double YMax);

/// <summary>Words that share a line on the page, left to right.</summary>
public sealed record PdfLine(IReadOnlyList<PdfWord> Words)
{
    /// <summary>The line's text with the spaces pdftotext puts between words left out.</summary>
    public string Text => string.Concat(Words.Select(w => w.Text));
    public double XMin => Words.Min(w => w.XMin);
    public double XMax => Words.Max(w => w.XMax);
    public double YMin => Words.Min(w => w.YMin);
    public double YMax => Words.Max(w => w.YMax);
    public override string ToString() => $"{Text} [{XMin:0.##}–{XMax:0.##}, {YMin:0.##}–{YMax:0.##}]";
}

/// <summary>One page of a PDF: its lines top to bottom.</summary>
public sealed record PdfPage(int Number, double Width, double Height, IReadOnlyList<PdfLine> Lines)
{
    /// <summary>The lines inside the style's text block (no running header, no page number).</summary>
    public IReadOnlyList<PdfLine> BodyLines(DocumentStyle style) =>
        Lines.Where(l => l.YMin >= style.TextTop - 2 && l.YMax <= style.TextTop + style.TextHeight + 2).ToList();
}

/// <summary>A font row of pdffonts.</summary>
public sealed record PdfFont(string Name, string Type, string Encoding, bool Embedded, bool Subset, bool Unicode);

/// <summary>Runs the poppler-utils tools on a PDF (Debian package poppler-utils, installed by scripts/setup.sh).</summary>
public static class Poppler
{
    /// <summary>
    /// The plain text of the whole document in the order it was drawn (-raw): pdftotext's default reading order
    /// takes the ideographic space in 第一章　总则 for a column gap and moves 总则 after the next line.
    /// </summary>
    public static string Text(string pdf) => Run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-");

    /// <summary>The fonts the PDF uses, as pdffonts lists them.</summary>
    public static IReadOnlyList<PdfFont> Fonts(string pdf)
    {
        var rows = Run("pdffonts", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Columns are fixed-width; the dashed second row gives their extents (names may contain spaces).
        var columns = new List<(int Start, int Length)>();
        var dashes = rows[1];
        for (var i = 0; i < dashes.Length;)
        {
            var end = dashes.IndexOf(' ', i) is var e and >= 0 ? e : dashes.Length;
            columns.Add((i, end - i));
            i = end + 1;
        }
        string Cell(string row, int c) =>
            columns[c].Start >= row.Length ? "" : row.Substring(columns[c].Start, Math.Min(columns[c].Length, row.Length - columns[c].Start)).Trim();
        return rows.Skip(2).Select(r => new PdfFont(Cell(r, 0), Cell(r, 1), Cell(r, 2),
            Cell(r, 3) == "yes", Cell(r, 4) == "yes", Cell(r, 5) == "yes")).ToList();
    }

    /// <summary>Every page's words grouped into lines, from pdftotext -bbox-layout.</summary>
    public static IReadOnlyList<PdfPage> Layout(string pdf)
    {
        var xhtml = XDocument.Parse(Run("pdftotext", "-enc", "UTF-8", "-bbox-layout", pdf, "-"));
        XNamespace ns = "http://www.w3.org/1999/xhtml";
        return xhtml.Descendants(ns + "page").Select((page, index) => new PdfPage(index + 1,
            Number(page, "width"), Number(page, "height"),
            Lines(page.Descendants(ns + "word").Select(w => new PdfWord(w.Value,
                Number(w, "xMin"), Number(w, "yMin"), Number(w, "xMax"), Number(w, "yMax")))))).ToList();
    }

    /// <summary>Renders pages to PNG files (pdftoppm) and returns their paths.</summary>
    public static IReadOnlyList<string> RenderPng(string pdf, string directory, int dpi = 60)
    {
        var prefix = Path.Combine(directory, Path.GetFileNameWithoutExtension(pdf));
        Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-png", pdf, prefix);
        return Directory.GetFiles(directory, Path.GetFileName(prefix) + "-*.png").Order().ToList();
    }

    /// <summary>
    /// Groups words into lines by vertical overlap rather than trusting pdftotext's own lines: it cuts a line into
    /// separate flows at a wide gap (after 第一章　, say).
    /// </summary>
    private static List<PdfLine> Lines(IEnumerable<PdfWord> words)
    {
        var lines = new List<List<PdfWord>>();
        foreach (var word in words.OrderBy(w => (w.YMin + w.YMax) / 2))
        {
            var middle = (word.YMin + word.YMax) / 2;
            var line = lines.LastOrDefault();
            if (line is not null && middle > line.Min(w => w.YMin) && middle < line.Max(w => w.YMax)) line.Add(word);
            else lines.Add([word]);
        }
        return lines.Select(l => new PdfLine(l.OrderBy(w => w.XMin).ToList())).ToList();
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is missing: install poppler-utils (scripts/setup.sh does).", e);
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}");
            return output;
        }
    }
}
