using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Congress;

// The enterprise's roster of workers' deputies (职工代表名册), kept by the union chair from one congress to the next.
// Only the chair reads it: it holds the deputies' phone numbers and e-mail addresses.

/// <summary>A deputy as the roster shows it.</summary>
public sealed record DeputyView(Guid Id, string Name, string Constituency, string? Contact);

/// <summary>The roster of an enterprise, by constituency and name.</summary>
public sealed record DeputyRosterQuery(Guid EnterpriseId) : IQuery<IReadOnlyList<DeputyView>>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideOfEnterpriseAsync(user, db, EnterpriseId, Side.Worker, ct);
}

/// <summary>Handles <see cref="DeputyRosterQuery"/>.</summary>
public sealed class DeputyRosterHandler(BargainingDbContext db) : IRequestHandler<DeputyRosterQuery, IReadOnlyList<DeputyView>>
{
    public async Task<IReadOnlyList<DeputyView>> Handle(DeputyRosterQuery request, CancellationToken cancellationToken) =>
        (await db.Deputies.AsNoTracking().Where(d => d.EnterpriseId == request.EnterpriseId).ToListAsync(cancellationToken))
            .OrderBy(d => d.Constituency, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new DeputyView(d.Id, d.Name, d.Constituency, d.Contact)).ToList();
}

/// <summary>Adds a deputy to the enterprise's roster.</summary>
public sealed record AddDeputyCommand(Guid EnterpriseId, string Name, string Constituency, string? Contact) : IRequest<DeputyView>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideOfEnterpriseAsync(user, db, EnterpriseId, Side.Worker, ct);
}

/// <summary>Changes a deputy's name, constituency or contact.</summary>
public sealed record EditDeputyCommand(Guid EnterpriseId, Guid DeputyId, string Name, string Constituency, string? Contact) : IRequest<DeputyView>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideOfEnterpriseAsync(user, db, EnterpriseId, Side.Worker, ct);
}

/// <summary>Takes a deputy off the roster; past consultations keep the deputy's invitation and comments under the name it had.</summary>
public sealed record RemoveDeputyCommand(Guid EnterpriseId, Guid DeputyId) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideOfEnterpriseAsync(user, db, EnterpriseId, Side.Worker, ct);
}

/// <summary>
/// Adds deputies from a <c>.csv</c> or <c>.xlsx</c> file whose first row names the columns 姓名, 选区（车间）and
/// optionally 联系方式, as the enterprise import does: every bad row is reported with its number, and nothing is added
/// when any row is bad.
/// </summary>
public sealed record ImportDeputiesCommand(Guid EnterpriseId, string FileName, byte[] Content) : IRequest<ImportReport>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideOfEnterpriseAsync(user, db, EnterpriseId, Side.Worker, ct);
}

/// <summary>What a deputy's fields must be, in one place for the form, the API and the import.</summary>
public static class DeputyFields
{
    /// <summary>Every problem of a deputy's fields, in Chinese.</summary>
    public static List<string> Problems(string? name, string? constituency, string? contact) =>
        [.. new[] { NameProblem(name), ConstituencyProblem(constituency), ContactProblem(contact) }.OfType<string>()];

    /// <summary>What is wrong with a deputy's name, or null.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "请填写代表姓名" : name.Length > TextLimits.PersonName ? $"代表姓名不能超过{TextLimits.PersonName}个字" : null;

    /// <summary>What is wrong with a deputy's constituency or workshop, or null.</summary>
    public static string? ConstituencyProblem(string? constituency) =>
        string.IsNullOrWhiteSpace(constituency) ? "请填写代表所在选区或车间" : constituency.Length > TextLimits.Title ? $"选区（车间）不能超过{TextLimits.Title}个字" : null;

    /// <summary>What is wrong with a deputy's contact, or null (none is fine).</summary>
    public static string? ContactProblem(string? contact) =>
        contact?.Trim() is { Length: > 0 } c && !IsContact(c) ? c.Length > TextLimits.Title ? $"联系方式不能超过{TextLimits.Title}个字" : $"联系方式“{c}”不是手机号码、电话号码或电子邮箱" : null;

    /// <summary>A phone number (digits, with - or spaces or a leading +) or an e-mail address.</summary>
    private static bool IsContact(string c) => c.Length <= TextLimits.Title &&
        (c.Contains('@') && c.IndexOf('@') > 0 && c.IndexOf('@') < c.Length - 1 && !c.Contains(' ')
         || c.TrimStart('+').All(ch => char.IsAsciiDigit(ch) || ch is '-' or ' ') && c.Count(char.IsAsciiDigit) is >= 7 and <= 15);
}

/// <summary>Checks a deputy's fields.</summary>
public sealed class AddDeputyValidator : AbstractValidator<AddDeputyCommand>
{
    public AddDeputyValidator()
    {
        RuleFor(c => c.Name).Must(n => DeputyFields.NameProblem(n) is null).WithMessage(c => DeputyFields.NameProblem(c.Name)!);
        RuleFor(c => c.Constituency).Must(n => DeputyFields.ConstituencyProblem(n) is null).WithMessage(c => DeputyFields.ConstituencyProblem(c.Constituency)!);
        RuleFor(c => c.Contact).Must(n => DeputyFields.ContactProblem(n) is null).WithMessage(c => DeputyFields.ContactProblem(c.Contact)!);
    }
}

/// <summary>Checks a deputy's fields.</summary>
public sealed class EditDeputyValidator : AbstractValidator<EditDeputyCommand>
{
    public EditDeputyValidator()
    {
        RuleFor(c => c.Name).Must(n => DeputyFields.NameProblem(n) is null).WithMessage(c => DeputyFields.NameProblem(c.Name)!);
        RuleFor(c => c.Constituency).Must(n => DeputyFields.ConstituencyProblem(n) is null).WithMessage(c => DeputyFields.ConstituencyProblem(c.Constituency)!);
        RuleFor(c => c.Contact).Must(n => DeputyFields.ContactProblem(n) is null).WithMessage(c => DeputyFields.ContactProblem(c.Contact)!);
    }
}

/// <summary>Checks the file.</summary>
public sealed class ImportDeputiesValidator : AbstractValidator<ImportDeputiesCommand>
{
    public ImportDeputiesValidator()
    {
        RuleFor(c => c.FileName).Must(EnterpriseFile.IsSupported).WithMessage("只能导入 .xlsx 或 .csv 文件");
        RuleFor(c => c.Content).NotEmpty().WithMessage("文件是空的");
    }
}

/// <summary>Handles the roster's commands.</summary>
public sealed class DeputyRosterCommandsHandler(BargainingDbContext db, TimeProvider clock) :
    IRequestHandler<AddDeputyCommand, DeputyView>, IRequestHandler<EditDeputyCommand, DeputyView>, IRequestHandler<RemoveDeputyCommand, Unit>, IRequestHandler<ImportDeputiesCommand, ImportReport>
{
    public async Task<DeputyView> Handle(AddDeputyCommand request, CancellationToken cancellationToken)
    {
        await EnsureNewAsync(request.EnterpriseId, null, request.Name, request.Constituency, cancellationToken);
        var deputy = new Deputy(request.EnterpriseId, request.Name, request.Constituency, request.Contact, clock.GetUtcNow());
        db.Deputies.Add(deputy);
        return View(deputy);
    }

    public async Task<DeputyView> Handle(EditDeputyCommand request, CancellationToken cancellationToken)
    {
        var deputy = await FindAsync(request.EnterpriseId, request.DeputyId, cancellationToken);
        await EnsureNewAsync(request.EnterpriseId, deputy.Id, request.Name, request.Constituency, cancellationToken);
        deputy.Edit(request.Name, request.Constituency, request.Contact);
        return View(deputy);
    }

    public async Task<Unit> Handle(RemoveDeputyCommand request, CancellationToken cancellationToken)
    {
        var deputy = await FindAsync(request.EnterpriseId, request.DeputyId, cancellationToken);
        foreach (var invitation in await db.ConsultationInvitations.Where(i => i.DeputyId == deputy.Id).ToListAsync(cancellationToken))
            db.Entry(invitation).Property(i => i.DeputyId).CurrentValue = null;
        db.Deputies.Remove(deputy);
        return Unit.Value;
    }

    public async Task<ImportReport> Handle(ImportDeputiesCommand request, CancellationToken cancellationToken)
    {
        var table = EnterpriseFile.Table(request.FileName, request.Content);
        if (table.Count == 0) throw new DomainException(FailureKind.Validation, "import.empty", "文件中没有数据");
        var header = table[0].Select(h => h.Trim()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new DomainException(FailureKind.Validation, "import.columns", $"第1行缺少列：{string.Join("、", missing)}（应包含：{string.Join("、", Columns)}，可加“{ContactColumn}”）");
        var index = Columns.Append(ContactColumn).Select(c => header.IndexOf(c)).ToArray();
        string? Cell(List<string> row, int column) => index[column] >= 0 && index[column] < row.Count ? row[index[column]].Trim() : null;

        var known = (await db.Deputies.Where(d => d.EnterpriseId == request.EnterpriseId).Select(d => new { d.Name, d.Constituency }).ToListAsync(cancellationToken))
            .Select(d => (d.Name, d.Constituency)).ToHashSet();
        var seen = new Dictionary<(string, string), int>();
        var rejected = new List<RejectedRow>();
        var good = new List<Deputy>();
        var now = clock.GetUtcNow();
        foreach (var (row, number) in table.Skip(1).Select((row, i) => (row, i + 2)).Where(x => x.row.Any(c => !string.IsNullOrWhiteSpace(c))))
        {
            var (name, constituency, contact) = (Cell(row, 0), Cell(row, 1), Cell(row, 2));
            var problems = DeputyFields.Problems(name, constituency, contact);
            if (problems.Count == 0)
            {
                var key = (name!, constituency!);
                if (known.Contains(key)) problems.Add($"{name}（{constituency}）已在名册中");
                else if (seen.TryGetValue(key, out var first)) problems.Add($"与第{first}行重复");
                else seen[key] = number;
            }
            if (problems.Count > 0) rejected.Add(new RejectedRow(number, string.Join("；", problems)));
            else good.Add(new Deputy(request.EnterpriseId, name!, constituency!, contact, now));
        }
        if (rejected.Count > 0) return new ImportReport(0, rejected);
        db.Deputies.AddRange(good);
        return new ImportReport(good.Count, rejected);
    }

    /// <summary>The columns a roster file must have.</summary>
    public static readonly string[] Columns = ["姓名", "选区（车间）"];

    /// <summary>The column a roster file may have.</summary>
    public const string ContactColumn = "联系方式";

    private async Task<Deputy> FindAsync(Guid enterpriseId, Guid deputyId, CancellationToken ct) =>
        await db.Deputies.FirstOrDefaultAsync(d => d.Id == deputyId && d.EnterpriseId == enterpriseId, ct) ?? throw DomainException.NotFound("该职工代表");

    // Two deputies of one constituency may not share a name: the chair could not tell their links apart.
    private async Task EnsureNewAsync(Guid enterpriseId, Guid? self, string name, string constituency, CancellationToken ct)
    {
        var (n, c) = (name.Trim(), constituency.Trim());
        if (await db.Deputies.AnyAsync(d => d.EnterpriseId == enterpriseId && d.Id != self && d.Name == n && d.Constituency == c, ct))
            throw DomainException.Conflict("deputy.duplicate", $"{n}（{c}）已在职工代表名册中");
    }

    private static DeputyView View(Deputy d) => new(d.Id, d.Name, d.Constituency, d.Contact);
}
