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
/// Handles <see cref="DataQualityQuery"/>. The counts come from narrow reads: the enterprises' codes (the check
/// character is computed here), the chairs from the account store, the rounds grouped by unit from their summaries
/// (<see cref="RoundProgress"/>, indexed by overdue instant and stage); an item is described only when it is asked for.
/// </summary>
public sealed class DataQualityHandler(BargainingDbContext db, IEnterpriseChairs chairs, JurisdictionCatalog jurisdictions, TimeProvider clock)
    : IRequestHandler<DataQualityQuery, DataQualityReport>
{
    private static readonly RoundStage[] Contracted = [RoundStage.Signed, RoundStage.Filed, RoundStage.Effective];

    public async Task<DataQualityReport> Handle(DataQualityQuery request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = jurisdictions.Default.Time.LocalDate(now);
        var staleFrom = now.ToUniversalTime().AddDays(-request.StaleDays);
        var unit = request.OrganisationId;
        var selected = unit is not null || request.Kind is not null;
        bool Wanted(string kind) => selected && (request.Kind is null || request.Kind == kind);
        bool InUnit(Guid organisation) => unit is null || unit == organisation;

        var units = await db.Organisations.AsNoTracking().OrderBy(o => o.Code).ToListAsync(ct);
        var names = units.ToDictionary(o => o.Id, o => o.Name);
        var counts = QualityIssues.Names.Keys.ToDictionary(k => k, _ => new Dictionary<Guid, int>());
        void Found(string kind, Guid organisation, int count = 1) => counts[kind][organisation] = counts[kind].GetValueOrDefault(organisation) + count;
        var items = new List<QualityItem>();

        foreach (var o in units.Where(o => !CreditCode.IsValid(o.CreditCode)))
        {
            Found(QualityIssues.UnionCodeMissing, o.Id);
            if (Wanted(QualityIssues.UnionCodeMissing) && InUnit(o.Id))
                items.Add(new(QualityIssues.UnionCodeMissing, o.Id, o.Name, $"{o.Name}（{o.Code}）",
                    o.CreditCode is null ? "单位名册未填写工会统一社会信用代码（creditCode）" : CreditCode.Problem(o.CreditCode)!, null, null));
        }

        var withChair = await chairs.EnterprisesWithChairAsync(ct);
        var flagged = new List<(string Kind, Guid Id, string? Problem)>();
        foreach (var e in await db.Enterprises.AsNoTracking().Select(e => new { e.Id, e.OrganisationId, e.CreditCode }).ToListAsync(ct))
        {
            if (!CreditCode.IsValid(e.CreditCode))
            {
                Found(QualityIssues.CreditCodeInvalid, e.OrganisationId);
                if (Wanted(QualityIssues.CreditCodeInvalid) && InUnit(e.OrganisationId)) flagged.Add((QualityIssues.CreditCodeInvalid, e.Id, $"{e.CreditCode}：{CreditCode.Problem(e.CreditCode)}"));
            }
            if (!withChair.Contains(e.Id))
            {
                Found(QualityIssues.NoChairAccount, e.OrganisationId);
                if (Wanted(QualityIssues.NoChairAccount) && InUnit(e.OrganisationId)) flagged.Add((QualityIssues.NoChairAccount, e.Id, null));
            }
        }
        if (flagged.Count > 0)
        {
            var ids = flagged.Select(f => f.Id).Distinct().ToList();
            var enterprises = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.OrganisationId, e.Name }).ToDictionaryAsync(e => e.Id, ct);
            foreach (var (kind, id, problem) in flagged)
            {
                var e = enterprises[id];
                items.Add(new(kind, e.OrganisationId, names[e.OrganisationId], e.Name, problem ?? "没有企业工会主席账号，无法在线发起或回应要约", e.Id, null));
            }
        }

        var stale = db.RoundProgress.AsNoTracking().Where(p => p.OverdueFrom != null && p.OverdueFrom <= staleFrom);
        foreach (var g in await stale.GroupBy(p => p.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            Found(QualityIssues.StaleRound, g.Key, g.Count);
        if (Wanted(QualityIssues.StaleRound))
            foreach (var r in await (from p in stale
                                     where unit == null || p.OrganisationId == unit
                                     join e in db.Enterprises on p.EnterpriseId equals e.Id
                                     select new { p.RoundId, p.OrganisationId, e.Id, e.Name, p.OverdueStep, p.OverdueLastDay }).ToListAsync(ct))
                items.Add(new(QualityIssues.StaleRound, r.OrganisationId, names[r.OrganisationId], r.Name,
                    $"“{r.OverdueStep}”期限 {r.OverdueLastDay:yyyy-MM-dd} 已过 {today.DayNumber - r.OverdueLastDay!.Value.DayNumber} 天", r.Id, r.RoundId));

        var contracts = await (from p in db.RoundProgress.AsNoTracking()
                               where Contracted.Contains(p.Stage)
                               join r in db.Rounds on p.RoundId equals r.Id
                               let noTerm = r.Signing.TermStartsOn == null || r.Signing.TermEndsOn == null
                               let notFiled = p.Stage == RoundStage.Signed && r.Filing.DueOn < today
                               where noTerm || notFiled
                               select new { p.RoundId, p.OrganisationId, p.EnterpriseId, NoTerm = noTerm, NotFiled = notFiled, r.Filing.DueOn }).ToListAsync(ct);
        var wantedContracts = contracts.Where(c => InUnit(c.OrganisationId)
            && ((c.NoTerm && Wanted(QualityIssues.ContractWithoutTerm)) || (c.NotFiled && Wanted(QualityIssues.ContractNotFiled)))).ToList();
        var contractEnterprises = wantedContracts.Count == 0 ? [] : await db.Enterprises.AsNoTracking()
            .Where(e => wantedContracts.Select(c => c.EnterpriseId).Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        foreach (var c in contracts)
        {
            if (c.NoTerm)
            {
                Found(QualityIssues.ContractWithoutTerm, c.OrganisationId);
                if (Wanted(QualityIssues.ContractWithoutTerm) && InUnit(c.OrganisationId))
                    items.Add(new(QualityIssues.ContractWithoutTerm, c.OrganisationId, names[c.OrganisationId], contractEnterprises[c.EnterpriseId],
                        "已签订的合同未载明起止日期（第三十八条）", c.EnterpriseId, c.RoundId));
            }
            if (c.NotFiled)
            {
                Found(QualityIssues.ContractNotFiled, c.OrganisationId);
                if (Wanted(QualityIssues.ContractNotFiled) && InUnit(c.OrganisationId))
                    items.Add(new(QualityIssues.ContractNotFiled, c.OrganisationId, names[c.OrganisationId], contractEnterprises[c.EnterpriseId],
                        $"应于 {c.DueOn:yyyy-MM-dd} 前报送审查，尚未报送（第四十二条）", c.EnterpriseId, c.RoundId));
            }
        }

        QualityCounts Count(Guid? id, string name) => new(id, name, QualityIssues.Names.Keys.ToDictionary(k => k,
            k => id is { } one ? counts[k].GetValueOrDefault(one) : counts[k].Values.Sum()));
        var city = units.FirstOrDefault(o => o.Kind == OrganisationKind.City);
        var sorted = items.OrderBy(i => i.Unit, StringComparer.Ordinal).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Subject, StringComparer.Ordinal).ToList();
        return new DataQualityReport(request.StaleDays, [.. units.Where(o => o.Kind != OrganisationKind.City).Select(o => Count(o.Id, o.Name))],
            Count(null, city?.Name ?? "全市"), [.. sorted.Take(DataQualityQuery.MaxItems)], sorted.Count, selected);
    }
}
