using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Testing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Bargaining.Tests.Features.Organisations;

/// <summary>
/// The imports through the real pipeline on one SQLite file, fed generated files: enterprise lists as CSV (columns
/// dropped and shuffled, cells of any text, bad codes and numbers, duplicates) and as .xlsx (odd row numbers and cell
/// references, strings out of range, bytes that are no workbook), and the organisation tree as mutated
/// <c>organisations.json</c>. Each is imported, or refused whole with a Chinese reason and not a row written.
/// </summary>
public sealed partial class ImportProperties(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly CurrentUser City = new("u-city", "盐城市总工会", Role.CityAdministrator, Guid.Empty);
    private BargainingHost _host = null!;
    private Guid _yandu;

    public async Task InitializeAsync()
    {
        _host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        await _host.ImportOrganisationsAsync();
        _yandu = await _host.WithDbAsync(db => db.Organisations.Where(o => o.Code == "320903").Select(o => o.Id).SingleAsync());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void An_enterprise_list_in_CSV_is_imported_or_refused_whole_in_Chinese() =>
        Fuzz.Check(output, "enterprise CSV files", EnterpriseCsv, file => ImportEnterprisesAsync(file.Name, file.Content, file.SkipBadRows));

    [Fact]
    public void An_enterprise_list_in_xlsx_is_imported_or_refused_whole_in_Chinese() =>
        Fuzz.Check(output, "enterprise .xlsx files", EnterpriseXlsx, file => ImportEnterprisesAsync("企业.xlsx", file, skipBadRows: false));

    [Theory] // the process ran out of memory padding the table up to the reference before (found by the property above)
    [InlineData(1u, "ZZZZZZ", "第1行的单元格 ZZZZZZ1超出工作表的范围（至多16384列）")]
    [InlineData(4_000_000_000u, "A", "第4000000000行超出工作表的范围（至多1048576行）")]
    public async Task A_cell_beyond_the_sheets_limits_is_refused_in_Chinese(uint row, string column, string reason)
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => _host.SendAsync(new ImportEnterprisesCommand(_yandu, "企业.xlsx", Workbook([(row, [(column, "盐城某某有限公司")])], false)), City));

        Assert.Equal("无法读取该 .xlsx 文件：" + reason, e.Message);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Enterprises.CountAsync()));
    }

    [Fact]
    public void An_organisation_tree_is_imported_or_refused_whole_in_Chinese()
    {
        var real = File.ReadAllText(Path.Combine(Path.GetDirectoryName(BargainingHost.RepositoryWorkflows.TrimEnd(Path.DirectorySeparatorChar))!, "organisations.json"));
        Fuzz.Check(output, "organisation files", Fuzz.MutatedJson([real]), async mutant =>
        {
            var before = await _host.WithDbAsync(db => db.Organisations.CountAsync());
            try
            {
                var report = await _host.SendAsync(new ImportOrganisationsCommand("organisations.json", Encoding.UTF8.GetBytes(mutant.Text)), City);
                Assert.Equal(before + report.Created, await _host.WithDbAsync(db => db.Organisations.CountAsync()));
                return "imported";
            }
            catch (DomainException e)
            {
                Assert.Matches(Chinese(), e.Message);
                Assert.Equal(before, await _host.WithDbAsync(db => db.Organisations.CountAsync()));
                return "refused";
            }
        });
    }

    private async Task<string> ImportEnterprisesAsync(string name, byte[] content, bool skipBadRows)
    {
        var before = await _host.WithDbAsync(db => db.Enterprises.CountAsync());
        try
        {
            var report = await _host.SendAsync(new ImportEnterprisesCommand(_yandu, name, content, skipBadRows), City);
            Assert.All(report.Rejected, r => Assert.Matches(Chinese(), r.Reason));
            Assert.Equal(before + report.Imported, await _host.WithDbAsync(db => db.Enterprises.CountAsync()));
            return report.Refused ? "refused row by row" : report.Rejected.Count > 0 ? "imported, bad rows skipped" : "imported";
        }
        catch (DomainException e)
        {
            Assert.Matches(Chinese(), e.Message);
            Assert.Equal(before, await _host.WithDbAsync(db => db.Enterprises.CountAsync()));
            return "refused";
        }
    }

    private static readonly Gen<string> Cell = Gen.OneOf(
        Fuzz.AnyText,
        Gen.Elements("", "0", "-1", "120", "40", "2147483648", "1e3", "٣٠", "１２", " 15 ", "制造业", "私营企业", "盐城某某有限公司", "91320903MA1XY00011", "91320903MA1XY0001X"),
        Gen.Choose(0, 99999).Select(n => CreditCode($"91320903MA1{n:D5}X")[..18]));

    private static readonly Gen<string[]> GoodRow = Gen.Choose(0, 99999).Select(n =>
        new[] { $"盐都测试企业{n}有限公司", CreditCode($"91320903MA1{n:D5}X"), "制造业", "私营企业", "200", "80", $"盐都测试企业{n}工会", "张伟" });

    private static readonly Gen<(string Name, byte[] Content, bool SkipBadRows)> EnterpriseCsv =
        from columns in Gen.Frequency((4, Gen.Constant(EnterpriseFile.Columns)), (1, Gen.Shuffle(EnterpriseFile.Columns).SelectMany(c => Gen.SubListOf(c)).Select(c => c.ToArray())))
        from rows in Gen.ListOf(Gen.Frequency((3, GoodRow), (2, Gen.ArrayOf(Cell, EnterpriseFile.Columns.Length))))
        from skip in ArbMap.Default.GeneratorFor<bool>()
        from name in Gen.Frequency((9, Gen.Constant("企业.csv")), (1, Gen.Elements("企业.txt", "企业.CSV", ".csv", "")))
        from bom in ArbMap.Default.GeneratorFor<bool>()
        let text = string.Join("\n", new[] { string.Join(",", columns) }.Concat(rows.Select(r => string.Join(",", r.Select(Quoted)))))
        select (name, (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray(), skip);

    private static readonly Gen<byte[]> EnterpriseXlsx = Gen.OneOf(
        from rows in Gen.ListOf(Gen.Zip(Gen.Elements<uint?>(null, 1, 2, 3, 7, 1_000, 4_000_000_000), Gen.ListOf(Gen.Zip(Gen.Elements<string?>(null, "A", "B", "H", "I", "AA", "XFD", "ZZZZZZ", "a", "中", "1"), Cell))))
        from shared in ArbMap.Default.GeneratorFor<bool>()
        select Workbook(rows, shared),
        Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>()),
        GoodRow.Select(row => Workbook([(1u, EnterpriseFile.Columns.Select((c, i) => ((string?)null, c)).ToList()), (2u, row.Select(c => ((string?)null, c)).ToList())], false)));

    /// <summary>A workbook of one sheet with the given rows (number, cells with their column letters), its texts shared or inline.</summary>
    internal static byte[] Workbook(IEnumerable<(uint? Number, List<(string? Column, string Text)> Cells)> rows, bool sharedStrings)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var strings = new List<string>();
            foreach (var (number, cells) in rows)
            {
                var row = new Row { RowIndex = number is { } n ? (UInt32Value)n : null };
                foreach (var (column, text) in cells)
                {
                    var cell = new Cell { CellReference = column is null ? null : column + (number ?? 1) };
                    if (sharedStrings)
                    {
                        strings.Add(text);
                        (cell.DataType, cell.CellValue) = (CellValues.SharedString, new CellValue(strings.Count % 5 == 0 ? "999999" : (strings.Count - 1).ToString()));
                    }
                    else (cell.DataType, cell.InlineString) = (CellValues.InlineString, new InlineString(new Text(XmlSafe(text))));
                    row.Append(cell);
                }
                data.Append(row);
            }
            sheet.Worksheet = new Worksheet(data);
            if (sharedStrings) workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(XmlSafe(s)))));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "企业" }));
        }
        return stream.ToArray();
    }

    private static string XmlSafe(string text) => new(text.Where(c => XmlConvert.IsXmlChar(c)).ToArray());

    private static string Quoted(string cell) => cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;

    private static string CreditCode(string first17) => first17 + Bargaining.Domain.CreditCode.CheckCharacter(first17);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
