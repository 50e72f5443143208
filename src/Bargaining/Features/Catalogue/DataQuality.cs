using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Catalogue;

/// <summary>The kinds of defect the data-quality report finds, each with its stable code and Chinese name.</summary>
public static class QualityIssues
{
    public const string CreditCodeInvalid = "credit-code-invalid";
    public const string UnionCodeMissing = "union-code-missing";
    public const string NoChairAccount = "no-chair-account";
    public const string StaleRound = "stale-round";
    public const string ContractWithoutTerm = "contract-without-term";
    public const string ContractNotFiled = "contract-not-filed";

    /// <summary>The kinds in the report's column order, with their names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [CreditCodeInvalid] = "企业信用代码无效",
        [UnionCodeMissing] = "工会信用代码缺失或无效",
        [NoChairAccount] = "企业无工会主席账号",
        [StaleRound] = "协商逾期未办",
        [ContractWithoutTerm] = "合同未载期限",
        [ContractNotFiled] = "合同逾期未报送",
    };
}

/// <summary>Where an enterprise union chair's accounts are kept (sign-in accounts live beside, not inside, the bargaining model).</summary>
public interface IEnterpriseChairs
{
    /// <summary>The enterprises that have at least one union chair account.</summary>
    Task<IReadOnlySet<Guid>> EnterprisesWithChairAsync(CancellationToken ct);
}

/// <summary>
/// The data-quality report (数据质量): per county-level unit and for the city, how many of each defect
/// (<see cref="QualityIssues"/>); with <paramref name="OrganisationId"/> or <paramref name="Kind"/>, the items
/// themselves, each with where it is fixed. A round is stale once more than <paramref name="StaleDays"/> days overdue.
/// Only the city union.
/// </summary>
public sealed record DataQualityQuery(Guid? OrganisationId = null, string? Kind = null, int StaleDays = DataQualityQuery.DefaultStaleDays) : IQuery<DataQualityReport>, IAuthorisedRequest
{
    /// <summary>Days overdue before a round counts as stale, unless asked otherwise.</summary>
    public const int DefaultStaleDays = 30;

    /// <summary>Items listed at most (the counts are always whole).</summary>
    public const int MaxItems = 500;

    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以查看数据质量报告");
}

/// <summary>A unit's (or the city's) counts by <see cref="QualityIssues"/> code.</summary>
public sealed record QualityCounts(Guid? OrganisationId, string Unit, IReadOnlyDictionary<string, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>One defect: what is wrong with which enterprise, round or unit, and the page where it is fixed.</summary>
public sealed record QualityItem(string Kind, Guid OrganisationId, string Unit, string Subject, string Problem, Guid? EnterpriseId, Guid? RoundId);

/// <summary>The report: a row per unit, the city's totals, and the items selected (at most <see cref="DataQualityQuery.MaxItems"/> of <see cref="ItemsTotal"/>).</summary>
public sealed record DataQualityReport(int StaleDays, IReadOnlyList<QualityCounts> Units, QualityCounts City, IReadOnlyList<QualityItem> Items, int ItemsTotal, bool ItemsSelected);

/// <summary>Validates <see cref="DataQualityQuery"/>.</summary>
public sealed class DataQualityQueryValidator : AbstractValidator<DataQualityQuery>
{
    public DataQualityQueryValidator()
    {
        RuleFor(x => x.Kind).Must(k => k is null || QualityIssues.Names.ContainsKey(k))
            .WithMessage($"问题类别应为 {string.Join("、", QualityIssues.Names.Keys)} 之一");
        RuleFor(x => x.StaleDays).InclusiveBetween(1, 3650).WithMessage("逾期天数应在1至3650之间");
    }
}

/// <summary>
/// Handles <see cref="DataQualityQuery"/>: the enterprises' codes in one pass over a narrow index, the chairs from the
/// account store, the rounds from their summaries (<see cref="RoundProgress"/>, indexed by overdue instant and stage).
/// </summary>
public sealed class DataQualityHandler(BargainingDbContext db, IEnterpriseChairs chairs, JurisdictionCatalog jurisdictions, TimeProvider clock)
    : IRequestHandler<DataQualityQuery, DataQualityReport>
{
    public async Task<DataQualityReport> Handle(DataQualityQuery request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = jurisdictions.Default.Time.LocalDate(now);
        var units = await db.Organisations.AsNoTracking().OrderBy(o => o.Code).ToListAsync(ct);
        var names = units.ToDictionary(o => o.Id, o => o.Name);
        var items = new List<QualityItem>();

        foreach (var o in units.Where(o => o.CreditCode is null || CreditCode.Problem(o.CreditCode) is not null))
            items.Add(new(QualityIssues.UnionCodeMissing, o.Id, o.Name, $"{o.Name}（{o.Code}）",
                o.CreditCode is null ? "单位名册未填写工会统一社会信用代码（creditCode）" : CreditCode.Problem(o.CreditCode)!, null, null));

        var enterprises = await db.Enterprises.AsNoTracking().Select(e => new { e.Id, e.OrganisationId, e.Name, e.CreditCode }).ToListAsync(ct);
        var withChair = await chairs.EnterprisesWithChairAsync(ct);
        foreach (var e in enterprises)
        {
            if (CreditCode.Problem(e.CreditCode) is { } problem)
                items.Add(new(QualityIssues.CreditCodeInvalid, e.OrganisationId, names[e.OrganisationId], e.Name, $"{e.CreditCode}：{problem}", e.Id, null));
            if (!withChair.Contains(e.Id))
                items.Add(new(QualityIssues.NoChairAccount, e.OrganisationId, names[e.OrganisationId], e.Name, "没有企业工会主席账号，无法在线发起或回应要约", e.Id, null));
        }

        var staleFrom = now.ToUniversalTime().AddDays(-request.StaleDays);
        var stale = await (from p in db.RoundProgress.AsNoTracking()
                           where p.OverdueFrom != null && p.OverdueFrom <= staleFrom
                           join e in db.Enterprises on p.EnterpriseId equals e.Id
                           select new { p.RoundId, p.OrganisationId, e.Id, e.Name, p.OverdueStep, p.OverdueLastDay }).ToListAsync(ct);
        foreach (var r in stale)
            items.Add(new(QualityIssues.StaleRound, r.OrganisationId, names[r.OrganisationId], r.Name,
                $"“{r.OverdueStep}”期限 {r.OverdueLastDay:yyyy-MM-dd} 已过 {today.DayNumber - r.OverdueLastDay!.Value.DayNumber} 天", r.Id, r.RoundId));

        var signed = await (from p in db.RoundProgress.AsNoTracking()
                            where p.Stage == RoundStage.Signed || p.Stage == RoundStage.Filed || p.Stage == RoundStage.Effective
                            join r in db.Rounds on p.RoundId equals r.Id
                            where r.Signing.TermStartsOn == null || r.Signing.TermEndsOn == null || (p.Stage == RoundStage.Signed && r.Filing.DueOn < today)
                            join e in db.Enterprises on p.EnterpriseId equals e.Id
                            select new { p.RoundId, p.OrganisationId, p.Stage, e.Id, e.Name, r.Signing.TermStartsOn, r.Signing.TermEndsOn, r.Filing.DueOn }).ToListAsync(ct);
        foreach (var r in signed)
        {
            if (r.TermStartsOn is null || r.TermEndsOn is null)
                items.Add(new(QualityIssues.ContractWithoutTerm, r.OrganisationId, names[r.OrganisationId], r.Name, "已签订的合同未载明起止日期（第三十八条）", r.Id, r.RoundId));
            if (r.Stage == RoundStage.Signed && r.DueOn < today)
                items.Add(new(QualityIssues.ContractNotFiled, r.OrganisationId, names[r.OrganisationId], r.Name, $"应于 {r.DueOn:yyyy-MM-dd} 前报送审查，尚未报送（第四十二条）", r.Id, r.RoundId));
        }

        static QualityCounts Count(Guid? id, string unit, IEnumerable<QualityItem> found)
        {
            var byKind = found.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count());
            return new(id, unit, QualityIssues.Names.Keys.ToDictionary(k => k, k => byKind.GetValueOrDefault(k)));
        }
        var byUnit = items.ToLookup(i => i.OrganisationId);
        var city = units.FirstOrDefault(o => o.Kind == OrganisationKind.City);
        var rows = units.Where(o => o.Kind != OrganisationKind.City).Select(o => Count(o.Id, o.Name, byUnit[o.Id])).ToList();
        var selected = request.OrganisationId is null && request.Kind is null ? []
            : items.Where(i => (request.OrganisationId is null || i.OrganisationId == request.OrganisationId) && (request.Kind is null || i.Kind == request.Kind))
                .OrderBy(i => i.Unit, StringComparer.Ordinal).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Subject, StringComparer.Ordinal).ToList();
        return new DataQualityReport(request.StaleDays, rows, Count(city?.Id, city?.Name ?? "全市", items), [.. selected.Take(DataQualityQuery.MaxItems)], selected.Count,
            request.OrganisationId is not null || request.Kind is not null);
    }
}
