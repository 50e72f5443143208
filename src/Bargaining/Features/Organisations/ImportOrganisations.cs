using System.Text.Json;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Organisations;

/// <summary>
/// The city union imports its organisation tree — itself, its county-level unions and the city-direct units — from the
/// file it keeps (<c>organisations.json</c>, read by <see cref="OrganisationFile"/>). Units are matched by code, so
/// importing again is safe: names and labour departments follow the file, new units are added, and units the file no
/// longer lists are kept, since enterprises, campaigns and accounts refer to them. A file with any problem is refused
/// whole, every problem listed.
/// </summary>
public sealed record ImportOrganisationsCommand(string FileName, byte[] Content) : IRequest<ImportOrganisationsReport>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以导入单位名册");

    /// <summary>The command for the file at <paramref name="path"/>; refused in Chinese when the file cannot be read.</summary>
    public static ImportOrganisationsCommand FromFile(string path)
    {
        try
        {
            return new(Path.GetFileName(path), File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DomainException(FailureKind.Validation, "organisations.file",
                e is FileNotFoundException or DirectoryNotFoundException ? $"找不到单位名册文件 {Path.GetFullPath(path)}" : $"无法读取单位名册文件 {Path.GetFullPath(path)}");
        }
    }
}

/// <summary>What an import did, and the file's organisations as they now stand (the city first, then the units in the file's order).</summary>
public sealed record ImportOrganisationsReport(int Created, int Updated, int Unchanged, IReadOnlyList<OrganisationRow> Units, IReadOnlyList<string> KeptNotInFile);

/// <summary>Checks the request itself (the file's content is checked by <see cref="OrganisationFile"/>).</summary>
public sealed class ImportOrganisationsValidator : AbstractValidator<ImportOrganisationsCommand>
{
    public ImportOrganisationsValidator()
    {
        RuleFor(c => c.FileName).Must(n => n?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true || OrganisationFile.IsExport(n))
            .WithMessage("单位名册应为 .json 文件，或数据目录导出的 .jsonl 文件");
        RuleFor(c => c.Content).NotEmpty().WithMessage("单位名册文件是空的");
    }
}

/// <summary>Handles <see cref="ImportOrganisationsCommand"/>.</summary>
public sealed class ImportOrganisationsHandler(BargainingDbContext db) : IRequestHandler<ImportOrganisationsCommand, ImportOrganisationsReport>
{
    public async Task<ImportOrganisationsReport> Handle(ImportOrganisationsCommand request, CancellationToken cancellationToken)
    {
        var tree = OrganisationFile.Read(request.FileName, request.Content);
        var existing = await db.Organisations.ToListAsync(cancellationToken);
        var byCode = existing.ToDictionary(o => o.Code, StringComparer.Ordinal);

        // A code names one unit for good: enterprises, accounts and filing numbers hang on it.
        var conflicts = new List<string>();
        var city = existing.FirstOrDefault(o => o.Kind == OrganisationKind.City);
        if (city is not null && city.Code != tree.City.Code)
            conflicts.Add($"系统中市总工会的代码为 {city.Code}，文件中为 {tree.City.Code}，市总工会不能通过导入更换");
        foreach (var entry in tree.Units)
            if (byCode.TryGetValue(entry.Code, out var known) && known.Kind != entry.Kind)
                conflicts.Add($"{entry.Code} {known.Name} 在系统中是{OrganisationFile.Title(known.Kind)}，文件中为{OrganisationFile.Title(entry.Kind)}，单位类别不能通过导入更改");
        if (conflicts.Count > 0) throw OrganisationFile.Refused(request.FileName, conflicts, FailureKind.Conflict);

        int created = 0, updated = 0, unchanged = 0;
        var units = new List<Organisation>();
        foreach (var entry in tree.Units.Prepend(tree.City))
        {
            if (byCode.TryGetValue(entry.Code, out var unit))
            {
                if (Apply(unit, entry)) updated++;
                else unchanged++;
            }
            else
            {
                unit = new Organisation(entry.Code, entry.Name, entry.Kind, entry.Kind == OrganisationKind.City ? null : city);
                Apply(unit, entry);
                db.Organisations.Add(unit);
                created++;
            }
            if (unit.Kind == OrganisationKind.City) city = unit;
            units.Add(unit);
        }
        var listed = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return new ImportOrganisationsReport(created, updated, unchanged,
            [.. units.Select(o => new OrganisationRow(o.Id, o.Code, o.Name, o.Kind, o.LabourAuthority, o.FilingAbbreviation))],
            [.. existing.Where(o => !listed.Contains(o.Code)).OrderBy(o => o.Code, StringComparer.Ordinal).Select(o => $"{o.Code} {o.Name}")]);
    }

    /// <summary>Gives <paramref name="unit"/> the entry's name and, when the entry states one, its labour department; true when anything changed.</summary>
    private static bool Apply(Organisation unit, OrganisationEntry entry)
    {
        var changed = false;
        if (unit.Name != entry.Name)
        {
            unit.Rename(entry.Name);
            changed = true;
        }
        if (entry.CreditCode is { } code && unit.CreditCode != code)
        {
            unit.SetCreditCode(code);
            changed = true;
        }
        if (entry.LabourAuthority is { } authority && (unit.LabourAuthority != authority || unit.FilingAbbreviation != entry.FilingAbbreviation))
        {
            unit.SetLabourAuthority(authority, entry.FilingAbbreviation!);
            changed = true;
        }
        return changed;
    }
}

/// <summary>One organisation as the file states it.</summary>
public sealed record OrganisationEntry(string Code, string Name, OrganisationKind Kind, string? LabourAuthority = null, string? FilingAbbreviation = null, string? CreditCode = null);

/// <summary>The city union and its units, as the file states them.</summary>
public sealed record OrganisationTree(OrganisationEntry City, IReadOnlyList<OrganisationEntry> Units);

/// <summary>
/// Reads <c>organisations.json</c> (UTF-8; comments and trailing commas allowed):
/// <c>{ "city": { "code", "name", "creditCode" }, "units": [ { "code", "name", "kind": "county" | "cityDirect", "creditCode", "labourAuthority", "filingAbbreviation" } ] }</c>,
/// plus free-text <c>note</c> and <c>toVerify</c>; or the catalogue's JSON Lines export (<c>.jsonl</c>), whose
/// <c>organisation</c> records it reads as that file. Collects every problem before refusing, each with its JSON path.
/// </summary>
public static class OrganisationFile
{
    private static readonly string[] FileFields = ["note", "toVerify", "city", "units"];
    private static readonly string[] CityFields = ["code", "name", "creditCode", "labourAuthority", "filingAbbreviation"];
    private static readonly string[] UnitFields = ["code", "name", "kind", "creditCode", "labourAuthority", "filingAbbreviation"];

    /// <summary>True for the catalogue's JSON Lines export (<see cref="Catalogue.ExportChangesQuery"/>).</summary>
    public static bool IsExport(string? fileName) => fileName?.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The tree in <paramref name="content"/>; throws a validation <see cref="DomainException"/> listing every problem.</summary>
    public static OrganisationTree Read(string fileName, byte[] content)
    {
        JsonNode? root;
        try
        {
            ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
            var json = content.AsSpan().StartsWith(bom) ? content[3..] : content;
            if (IsExport(fileName)) json = FromExport(json);
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw Refused(fileName, [$"不是有效的 JSON（应以 UTF-8 编码保存），第{e.LineNumber + 1}行附近有误"]);
        }

        var problems = new List<string>();
        if (root is not JsonObject file) throw Refused(fileName, ["最外层应为 { \"city\": {…}, \"units\": […] }"]);
        Unknown(file, "", FileFields, problems);
        var city = Entry(file["city"], "city", CityFields, problems);
        var units = new List<OrganisationEntry>();
        if (file["units"] is not JsonArray array) problems.Add("缺少 units（县级工会和市直单位的列表）");
        else
            for (var i = 0; i < array.Count; i++)
                if (Entry(array[i], $"units[{i}]", UnitFields, problems) is { } unit) units.Add(unit);

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in units.Prepend(city).OfType<OrganisationEntry>())
        {
            if (!codes.TryAdd(entry.Code, entry.Name)) problems.Add($"代码 {entry.Code} 重复（{codes[entry.Code]}、{entry.Name}）");
            if (!names.TryAdd(entry.Name, entry.Code)) problems.Add($"名称“{entry.Name}”重复（代码 {names[entry.Name]}、{entry.Code}）");
        }
        if (problems.Count > 0 || city is null) throw Refused(fileName, problems);
        return new OrganisationTree(city, units);
    }

    /// <summary>
    /// The export's organisation records as an organisation file: the record of kind <c>city</c> is the city, the
    /// others its units, in the export's order; the fields keep their names, the kind codes become the file's.
    /// </summary>
    private static byte[] FromExport(byte[] jsonl)
    {
        var file = new JsonObject();
        var units = new JsonArray();
        var lines = System.Text.Encoding.UTF8.GetString(jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines)
        {
            if (JsonNode.Parse(line) is not JsonObject record || (string?)record["type"] != Catalogue.ExportRecords.Organisation) continue;
            var entry = new JsonObject();
            foreach (var field in UnitFields)
                if (record[field] is { } value) entry[field] = value.DeepClone();
            var kind = (string?)record["kind"];
            if (kind == Catalogue.CatalogueCodes.OrganisationKinds[OrganisationKind.City])
            {
                entry.Remove("kind");
                file["city"] = entry;
            }
            else
            {
                entry["kind"] = kind == Catalogue.CatalogueCodes.OrganisationKinds[OrganisationKind.CityDirect] ? "cityDirect" : kind;
                units.Add(entry);
            }
        }
        file["units"] = units;
        return System.Text.Encoding.UTF8.GetBytes(file.ToJsonString());
    }

    /// <summary>The kind of unit as a union officer says it.</summary>
    public static string Title(OrganisationKind kind) => kind switch
    {
        OrganisationKind.City => "市总工会",
        OrganisationKind.County => "县级工会",
        _ => "市直单位",
    };

    /// <summary>The refusal of <paramref name="fileName"/> for <paramref name="problems"/>: nothing is imported.</summary>
    public static DomainException Refused(string fileName, IReadOnlyList<string> problems, FailureKind kind = FailureKind.Validation) =>
        new(kind, "organisations.file", $"单位名册 {fileName} 未导入，{problems.Count} 处问题：{string.Join("；", problems)}",
            new Dictionary<string, string[]> { ["organisations"] = [.. problems] });

    private static OrganisationEntry? Entry(JsonNode? node, string path, string[] fields, List<string> problems)
    {
        if (node is not JsonObject o)
        {
            problems.Add(node is null ? $"缺少 {path}" : $"{path} 应为一个对象");
            return null;
        }
        var where = Text(o, "name") is { } shown ? $"{path}（{shown}）" : path;
        Unknown(o, where, fields, problems);
        var code = Required(o, "code", "代码", where, problems);
        if (code is not null && (code.Length > 20 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            problems.Add($"{where}：代码“{code}”应为不超过20位的字母、数字或“-”");
        var name = Required(o, "name", "名称", where, problems);
        if (name is { Length: > 100 }) problems.Add($"{where}：名称不能超过100个字");

        var kind = OrganisationKind.City;
        if (path != "city")
        {
            var stated = Required(o, "kind", "类别", where, problems);
            if (stated == "county") kind = OrganisationKind.County;
            else if (stated == "cityDirect") kind = OrganisationKind.CityDirect;
            else if (stated is not null) problems.Add($"{where}：kind 应为 county（县级工会）或 cityDirect（市直单位），不是“{stated}”");
        }

        var creditCode = Optional(o, "creditCode", "工会统一社会信用代码", where, problems);
        if (creditCode is not null && Domain.CreditCode.Problem(creditCode) is { } invalid) problems.Add($"{where}：{invalid}");
        var authority = Optional(o, "labourAuthority", "劳动保障行政部门", where, problems);
        var abbreviation = Optional(o, "filingAbbreviation", "备案编号简称", where, problems);
        if (authority is not null || abbreviation is not null)
        {
            // The same rules as the 单位设置 page, so that a department set either way prints the same filing numbers.
            var check = new SetLabourAuthorityValidator().Validate(new SetLabourAuthorityCommand(Guid.Empty, authority ?? "", abbreviation ?? ""));
            problems.AddRange(check.Errors.Select(e => $"{where}：{e.ErrorMessage}"));
        }
        return code is null || name is null || (path != "city" && kind == OrganisationKind.City) ? null : new OrganisationEntry(code, name, kind, authority, abbreviation, creditCode);
    }

    private static void Unknown(JsonObject o, string where, string[] fields, List<string> problems)
    {
        foreach (var (field, _) in o)
            if (!fields.Contains(field, StringComparer.Ordinal))
                problems.Add($"{(where.Length == 0 ? "" : where + "：")}未知字段“{field}”（可用：{string.Join("、", fields)}）");
    }

    private static string? Required(JsonObject o, string field, string title, string where, List<string> problems)
    {
        if (o[field] is null || (o[field] is JsonValue value && value.TryGetValue<string>(out var blank) && string.IsNullOrWhiteSpace(blank)))
        {
            problems.Add($"{where}：缺少 {field}（{title}）");
            return null;
        }
        return Optional(o, field, title, where, problems);
    }

    private static string? Optional(JsonObject o, string field, string title, string where, List<string> problems)
    {
        if (o[field] is { } node && !(node is JsonValue value && value.TryGetValue<string>(out _)))
        {
            problems.Add($"{where}：{field}（{title}）应为文字，加英文双引号");
            return null;
        }
        return Text(o, field);
    }

    private static string? Text(JsonObject o, string field) =>
        o[field] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
