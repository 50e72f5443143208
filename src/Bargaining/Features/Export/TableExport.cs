using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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

/// <summary>Writes <see cref="ExportTable"/>s as .xlsx (DocumentFormat.OpenXml) and .csv (CsvHelper).</summary>
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
    /// are Excel dates (serial numbers shown as yyyy-mm-dd), so they sort and filter as dates.
    /// </summary>
    public static byte[] Xlsx(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(
                    new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" },
                    new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "yyyy-mm-dd hh:mm" }),
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true },
                    new CellFormat { NumberFormatId = DateFormat, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = DateTimeFormat, ApplyNumberFormat = true }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(RowOf(1, table.Columns.Cast<object?>().ToList(), header: true));
            for (var i = 0; i < table.Rows.Count; i++) data.Append(RowOf((uint)i + 2, table.Rows[i], header: false));
            var widths = new Columns(table.Columns.Select((c, i) => new Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true,
                Width = Math.Min(60, 2 + table.Rows.Select(r => i < r.Count ? Width(Text(r[i])) : 0).Append(Width(c)).Max()),
            }));
            var frozen = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 });
            sheetPart.Worksheet = new Worksheet(frozen, widths, data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Title) }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row RowOf(uint number, IReadOnlyList<object?> cells, bool header)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = ColumnName(i) + number.ToString(CultureInfo.InvariantCulture);
            var cell = cells[i] switch
            {
                null => new Cell { CellReference = reference },
                int or long or decimal or double => new Cell
                {
                    CellReference = reference, DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(cells[i], CultureInfo.InvariantCulture)!),
                },
                DateOnly d => DateCell(reference, d.ToDateTime(TimeOnly.MinValue), DateStyle),
                // Shown at the offset it carries (the caller converts to local time), as a clock reading, not UTC.
                DateTimeOffset t => DateCell(reference, t.DateTime, DateTimeStyle),
                var other => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Text(other)!)) },
            };
            if (header) cell.StyleIndex = 1;
            row.Append(cell);
        }
        return row;
    }

    private const uint DateFormat = 164, DateTimeFormat = 165; // the first ids free for custom formats
    private const uint DateStyle = 2, DateTimeStyle = 3;        // indexes into CellFormats above

    private static Cell DateCell(string reference, DateTime value, uint style) => new()
    {
        CellReference = reference, DataType = CellValues.Number, StyleIndex = style,
        CellValue = new CellValue(value.ToOADate().ToString(CultureInfo.InvariantCulture)),
    };

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
