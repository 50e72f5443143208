using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bargaining.Features.Export;

/// <summary>The file types a list can be exported to.</summary>
public enum ExportFormat
{
    /// <summary>Excel workbook (.xlsx), one worksheet.</summary>
    Xlsx,
    /// <summary>Comma-separated values (.csv), UTF-8 with a byte order mark so Excel reads Chinese correctly.</summary>
    Csv,
}

/// <summary>An exported file, ready for download.</summary>
/// <param name="FileName">Name with extension, e.g. <c>企业名单.xlsx</c>.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Content">The bytes.</param>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A table to export: a title (the worksheet's and the file's name), the column headers and the rows. Cells may be
/// text, whole or decimal numbers (written as numbers in .xlsx), dates (yyyy-MM-dd), booleans (是/否) or null (empty).
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The table as a file of <paramref name="format"/>.</summary>
    public ExportFile ToFile(ExportFormat format) => format == ExportFormat.Csv
        ? new ExportFile(FileName(".csv"), "text/csv; charset=utf-8", TableWriter.Csv(this))
        : new ExportFile(FileName(".xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", TableWriter.Xlsx(this));

    private string FileName(string extension) =>
        string.Concat(Title.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c)) + extension;
}

/// <summary>Writes <see cref="ExportTable"/>s as .xlsx (SpreadsheetML written as it goes) and .csv (CsvHelper).</summary>
public static class TableWriter
{
    /// <summary>UTF-8 with a byte order mark: without it Excel opens a Chinese .csv as GBK and shows mojibake.</summary>
    public static readonly Encoding CsvEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The table as .csv: a header row, then one line per row.</summary>
    public static byte[] Csv(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, CsvEncoding))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var column in table.Columns) csv.WriteField(column);
            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row) csv.WriteField(cell is string text ? FormulaSafe(text) : Text(cell));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The table as an .xlsx workbook with one worksheet: a bold, frozen header row; numbers stay numbers and dates
    /// are Excel dates (serial numbers shown as yyyy-mm-dd), so they sort and filter as dates. Texts are inline
    /// strings, never formulas, so a text such as <c>=HYPERLINK(…)</c> shows as typed.
    /// </summary>
    /// <remarks>
    /// The package is written straight into a zip, each part streamed once with an <see cref="XmlWriter"/> and
    /// compressed at the fastest level: building the document's DOM and saving it through System.IO.Packaging cost
    /// about five times the CPU (docs/benchmarks.md, "Whole-list exports").
    /// </remarks>
    public static byte[] Xlsx(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.WriteRaw(ContentTypes));
            Part(zip, "_rels/.rels", w => w.WriteRaw(PackageRelationships));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.WriteRaw(WorkbookRelationships));
            Part(zip, "xl/styles.xml", w => w.WriteRaw(Styles));
            Part(zip, "xl/workbook.xml", w =>
            {
                w.WriteStartElement("workbook", Main);
                w.WriteAttributeString("xmlns", "r", null, Relationships);
                w.WriteStartElement("sheets", Main);
                w.WriteStartElement("sheet", Main);
                w.WriteAttributeString("name", SheetName(table.Title));
                w.WriteAttributeString("sheetId", "1");
                w.WriteAttributeString("id", Relationships, "rId1");
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
            });
            Part(zip, "xl/worksheets/sheet1.xml", w => Worksheet(w, table));
        }
        return stream.ToArray();
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const string ContentTypes =
        """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""";

    private const string PackageRelationships =
        """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private const string WorkbookRelationships =
        """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";

    // Cell styles (cellXfs) by index: 0 plain, 1 bold (the header), 2 a date, 3 a date and time.
    private const string Styles =
        """<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="2"><font/><font><b/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="4"><xf/><xf fontId="1" applyFont="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>""";

    private const string HeaderStyle = "1", DateStyle = "2", DateTimeStyle = "3";

    private static readonly XmlWriterSettings PartSettings = new() { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };

    // A fixed time in the zip's entries: the same table gives the same bytes.
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        using var part = entry.Open();
        using var writer = XmlWriter.Create(part, PartSettings);
        writer.WriteStartDocument();
        write(writer);
    }

    private static void Worksheet(XmlWriter w, ExportTable table)
    {
        w.WriteStartElement("worksheet", Main);
        w.WriteStartElement("sheetViews", Main);
        w.WriteStartElement("sheetView", Main);
        w.WriteAttributeString("workbookViewId", "0");
        w.WriteStartElement("pane", Main);
        w.WriteAttributeString("ySplit", "1");
        w.WriteAttributeString("topLeftCell", "A2");
        w.WriteAttributeString("activePane", "bottomLeft");
        w.WriteAttributeString("state", "frozen");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cols", Main);
        var widths = Widths(table);
        for (var i = 0; i < widths.Length; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            w.WriteStartElement("col", Main);
            w.WriteAttributeString("min", number);
            w.WriteAttributeString("max", number);
            w.WriteAttributeString("width", widths[i].ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }
        w.WriteEndElement();

        var columns = Enumerable.Range(0, Math.Max(table.Columns.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty().Max())).Select(ColumnName).ToArray();
        w.WriteStartElement("sheetData", Main);
        WriteRow(w, columns, 1, [.. table.Columns], header: true);
        for (var i = 0; i < table.Rows.Count; i++) WriteRow(w, columns, i + 2, table.Rows[i], header: false);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteRow(XmlWriter w, string[] columns, int number, IReadOnlyList<object?> cells, bool header)
    {
        var row = number.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", row);
        for (var i = 0; i < cells.Count; i++)
        {
            w.WriteStartElement("c", Main);
            w.WriteAttributeString("r", columns[i] + row);
            switch (cells[i])
            {
                case null:
                    break;
                case int or long or decimal or double:
                    Number(w, Convert.ToString(cells[i], CultureInfo.InvariantCulture)!, header ? HeaderStyle : null);
                    break;
                case DateOnly d:
                    Number(w, d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), DateStyle);
                    break;
                // Shown at the offset it carries (the caller converts to local time), as a clock reading, not UTC.
                case DateTimeOffset t:
                    Number(w, t.DateTime.ToOADate().ToString(CultureInfo.InvariantCulture), DateTimeStyle);
                    break;
                case var other:
                    if (header) w.WriteAttributeString("s", HeaderStyle);
                    w.WriteAttributeString("t", "inlineStr");
                    w.WriteStartElement("is", Main);
                    w.WriteElementString("t", Main, Text(other));
                    w.WriteEndElement();
                    break;
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Number(XmlWriter w, string value, string? style)
    {
        if (style is not null) w.WriteAttributeString("s", style);
        w.WriteAttributeString("t", "n");
        w.WriteElementString("v", Main, value);
    }

    // Wide enough for the longest text in each column, header included, at most 60.
    private static double[] Widths(ExportTable table)
    {
        var widths = table.Columns.Select(Width).ToArray();
        foreach (var row in table.Rows)
            for (var i = 0; i < Math.Min(row.Count, widths.Length); i++) widths[i] = Math.Max(widths[i], Width(Text(row[i])));
        return [.. widths.Select(w => Math.Min(60, 2 + w))];
    }

    /// <summary>
    /// A text that a spreadsheet would run as a formula (<c>=HYPERLINK(…)</c>, <c>+</c>, <c>-</c>, <c>@</c>, or a
    /// leading tab or carriage return) is written with a leading apostrophe, so Excel shows it as the text it is.
    /// Numbers are not texts here and stay as they are.
    /// </summary>
    private static string FormulaSafe(string text) => text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    // A Chinese character is about two columns wide.
    private static double Width(string? text) => text?.Sum(c => c > 0x2E80 ? 2.0 : 1.1) ?? 0;

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    // Excel: at most 31 characters, none of []:*?/\.
    private static string SheetName(string title)
    {
        var name = new string([.. title.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
        return name.Length == 0 ? "Sheet1" : name[..Math.Min(31, name.Length)];
    }
}
