using System.Globalization;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Organisations;

/// <summary>
/// Imports enterprises into a county-level union or city-direct unit from a <c>.csv</c> or <c>.xlsx</c> file whose
/// first row holds the column names (企业名称, 统一社会信用代码, 行业, 经济类型, 职工人数, 女职工人数, 工会名称, 工会主席;
/// optionally 工会会员人数).
/// Every bad row is reported with its row number and reason; when any row is bad nothing is imported, unless
/// <see cref="SkipBadRows"/> asks to import the good ones.
/// </summary>
public sealed record ImportEnterprisesCommand(Guid OrganisationId, string FileName, byte[] Content, bool SkipBadRows = false)
    : IRequest<ImportReport>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator || user.Role == Role.CountyStaff && user.OrganisationId == OrganisationId
            ? Task.CompletedTask
            : throw DomainException.Forbidden("您无权为该单位导入企业：只有市总工会或本单位工作人员可以导入");
}

/// <summary>One rejected row: its number as the spreadsheet shows it (the header is row 1) and why.</summary>
public sealed record RejectedRow(int Row, string Reason);

/// <summary>What an import did: how many enterprises were added and which rows were refused.</summary>
public sealed record ImportReport(int Imported, IReadOnlyList<RejectedRow> Rejected)
{
    /// <summary>True when nothing was imported because some rows were bad and skipping was not asked for.</summary>
    public bool Refused => Imported == 0 && Rejected.Count > 0;
}

/// <summary>Checks the request itself (the rows are checked by the handler, each with its number).</summary>
public sealed class ImportEnterprisesValidator : AbstractValidator<ImportEnterprisesCommand>
{
    public ImportEnterprisesValidator()
    {
        RuleFor(c => c.FileName).Must(n => EnterpriseFile.IsSupported(n)).WithMessage("只能导入 .xlsx 或 .csv 文件");
        RuleFor(c => c.Content).NotEmpty().WithMessage("文件是空的");
    }
}

/// <summary>Handles <see cref="ImportEnterprisesCommand"/>.</summary>
public sealed class ImportEnterprisesHandler(BargainingDbContext db) : IRequestHandler<ImportEnterprisesCommand, ImportReport>
{
    public async Task<ImportReport> Handle(ImportEnterprisesCommand request, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken)
            ?? throw DomainException.NotFound("所选单位");
        if (organisation.Kind == OrganisationKind.City)
            throw DomainException.Rule("import.city", "企业应导入到县级工会或市直单位，而不是市总工会");

        var rows = EnterpriseFile.Read(request.FileName, request.Content);
        var known = (await db.Enterprises.Select(e => e.CreditCode).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new Dictionary<string, int>();
        var rejected = new List<RejectedRow>();
        var good = new List<Enterprise>();
        foreach (var row in rows)
        {
            var problems = row.Problems();
            if (row.CreditCode is { Length: > 0 } code)
            {
                if (known.Contains(code)) problems.Add($"统一社会信用代码 {code} 已存在");
                else if (seen.TryGetValue(code, out var first)) problems.Add($"统一社会信用代码 {code} 与第{first}行重复");
                else seen[code] = row.Number;
            }
            if (problems.Count > 0) rejected.Add(new RejectedRow(row.Number, string.Join("；", problems)));
            else good.Add(row.ToEnterprise(organisation.Id));
        }
        if (rejected.Count > 0 && !request.SkipBadRows) return new ImportReport(0, rejected);
        db.Enterprises.AddRange(good);
        return new ImportReport(good.Count, rejected);
    }
}

/// <summary>One data row of an enterprise file, as text, with its row number.</summary>
public sealed record EnterpriseRow(int Number, string? Name, string? CreditCode, string? Industry, string? EconomicType, string? Employees, string? WomenEmployees, string? UnionName, string? ChairName,
    string? UnionMembers = null)
{
    /// <summary>Every problem of the row, in Chinese; empty when it can be imported.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("缺少企业名称");
        if (global::Bargaining.Domain.CreditCode.Problem(CreditCode) is { } code) problems.Add(code);
        if (string.IsNullOrWhiteSpace(Industry)) problems.Add("缺少行业");
        if (string.IsNullOrWhiteSpace(EconomicType)) problems.Add("缺少经济类型");
        Within(Name, TextLimits.Line, "企业名称", problems);
        Within(Industry, TextLimits.Title, "行业", problems);
        Within(EconomicType, TextLimits.Title, "经济类型", problems);
        Within(UnionName, TextLimits.Line, "工会名称", problems);
        Within(ChairName, TextLimits.PersonName, "工会主席姓名", problems);
        var employees = Count(Employees, "职工人数", problems);
        var women = Count(WomenEmployees, "女职工人数", problems);
        if (employees is { } e && women is { } w && w > e) problems.Add($"女职工人数（{w}）多于职工人数（{e}）");
        if (!string.IsNullOrWhiteSpace(UnionMembers))
        {
            var members = Count(UnionMembers, "工会会员人数", problems);
            if (members is > 0 && string.IsNullOrWhiteSpace(UnionName)) problems.Add("填写了工会会员人数，但缺少工会名称");
            if (employees is { } all && members is { } m && m > all) problems.Add($"工会会员人数（{m}）多于职工人数（{all}）");
        }
        return problems;
    }

    /// <summary>The enterprise of a row without problems.</summary>
    public Enterprise ToEnterprise(Guid organisationId) =>
        new(organisationId, Name!.Trim(), CreditCode!, Industry!.Trim(), EconomicType!.Trim(), int.Parse(Employees!, CultureInfo.InvariantCulture),
            int.Parse(WomenEmployees!, CultureInfo.InvariantCulture), Blank(UnionName), Blank(ChairName),
            string.IsNullOrWhiteSpace(UnionMembers) ? null : int.Parse(UnionMembers, CultureInfo.InvariantCulture));

    // As wide as the column it goes into (Domain/TextLimits.cs).
    private static void Within(string? text, int limit, string field, List<string> problems)
    {
        if (text?.Trim().Length > limit) problems.Add($"{field}不能超过{limit}个字");
    }

    private static int? Count(string? text, string field, List<string> problems)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        problems.Add(string.IsNullOrWhiteSpace(text) ? $"缺少{field}" : $"{field}“{text}”不是非负整数");
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Reads enterprise rows from <c>.csv</c> (UTF-8) and <c>.xlsx</c> (first worksheet).</summary>
public static class EnterpriseFile
{
    /// <summary>The column headers, in the order of <see cref="EnterpriseRow"/>.</summary>
    public static readonly string[] Columns = ["企业名称", "统一社会信用代码", "行业", "经济类型", "职工人数", "女职工人数", "工会名称", "工会主席"];

    /// <summary>A column a file may have, after <see cref="Columns"/>.</summary>
    public const string UnionMembersColumn = "工会会员人数";

    /// <summary>True for the file types that can be imported.</summary>
    public static bool IsSupported(string? fileName) =>
        fileName is not null && (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase));

    /// <summary>The rows of a file; throws a validation <see cref="DomainException"/> when the header row lacks a column.</summary>
    public static IReadOnlyList<EnterpriseRow> Read(string fileName, byte[] content)
    {
        var table = Table(fileName, content);
        if (table.Count == 0) throw new DomainException(FailureKind.Validation, "import.empty", "文件中没有数据");
        var header = table[0].Select(h => h.Trim()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new DomainException(FailureKind.Validation, "import.columns", $"第1行缺少列：{string.Join("、", missing)}（应包含：{string.Join("、", Columns)}）");
        var index = Columns.Append(UnionMembersColumn).Select(c => header.IndexOf(c)).ToArray();
        string? Cell(List<string> row, int column) => index[column] >= 0 && index[column] < row.Count ? row[index[column]].Trim() : null;
        return table.Skip(1)
            .Select((row, i) => (Row: row, Number: i + 2))
            .Where(x => x.Row.Any(c => !string.IsNullOrWhiteSpace(c)))
            .Select(x => new EnterpriseRow(x.Number, Cell(x.Row, 0), Cell(x.Row, 1)?.ToUpperInvariant(), Cell(x.Row, 2), Cell(x.Row, 3), Cell(x.Row, 4), Cell(x.Row, 5), Cell(x.Row, 6), Cell(x.Row, 7), Cell(x.Row, 8)))
            .ToList();
    }

    /// <summary>The cells of a <c>.csv</c> or <c>.xlsx</c> file, row by row (also the deputies' roster import reads files this way).</summary>
    public static List<List<string>> Table(string fileName, byte[] content) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(content) : ReadXlsx(content);

    private static List<List<string>> ReadCsv(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        var rows = new List<List<string>>();
        while (csv.Read()) rows.Add([.. csv.Record ?? []]);
        return rows;
    }

    private static List<List<string>> ReadXlsx(byte[] content)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content), isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no worksheet");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var rows = new List<List<string>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var number = row.RowIndex?.Value ?? (uint)(rows.Count + 1);
                if (number > MaxRows) throw OutsideTheSheet($"第{number}行", $"{MaxRows}行");
                while (rows.Count < number - 1) rows.Add([]);
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    if (column >= MaxColumns) throw OutsideTheSheet($"第{number}行的单元格 {cell.CellReference?.Value}", $"{MaxColumns}列");
                    while (cells.Count < column) cells.Add("");
                    var text = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
                    if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(text, out var s) && s < strings.Count) text = strings[s];
                    cells.Add(text);
                }
                rows.Add(cells);
            }
            return rows;
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or FileFormatException or IOException)
        {
            throw new DomainException(FailureKind.Validation, "import.unreadable", $"无法读取该 .xlsx 文件：{e.Message}");
        }
    }

    // Excel's own limits. A row or cell reference beyond them would otherwise have the reader pad the table up to it
    // (row 4,000,000,000 or column ZZZZZZ: hundreds of millions of empty cells, the process out of memory).
    private const int MaxRows = 1_048_576, MaxColumns = 16_384;

    private static DomainException OutsideTheSheet(string what, string limit) =>
        new(FailureKind.Validation, "import.unreadable", $"无法读取该 .xlsx 文件：{what}超出工作表的范围（至多{limit}）");

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = Math.Min(index * 26 + (char.ToUpperInvariant(c) - 'A' + 1), MaxColumns + 1);
        return index - 1;
    }
}
