using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Progress;

/// <summary>
/// The city union's dashboard of a campaign: a row per county-level union and city-direct unit with its funnel, its
/// offer and signing rates against the campaign's targets, coverage, wage rises and overdue rounds, the participants
/// ranked (奖惩考核), and the participants' totals.
/// </summary>
public sealed record CityDashboardQuery(Guid CampaignId) : IQuery<CityDashboard>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以查看全市集中要约行动情况");
}

/// <summary>The dashboard: the campaign and its targets, one row per unit (ranked first), and the participants' totals.</summary>
public sealed record CityDashboard(Guid CampaignId, string Campaign, DateOnly StartsOn, DateOnly EndsOn, decimal OfferRateTarget, decimal SigningRateTarget,
    int WorkersCoveredTarget, IReadOnlyList<CityDashboardRow> Rows, CityDashboardRow Totals)
{
    /// <summary>Workers covered by effective contracts in the participating units.</summary>
    public int WorkersCovered => Totals.Progress.WorkersCovered;
}

/// <summary>
/// One unit (or the totals). Rates are in % of the unit's enterprises, counting offers made from the campaign's first
/// day (集中 and 分散 alike, as the reports do); <see cref="Rank"/> is null for units not taking part and for the totals.
/// </summary>
public sealed record CityDashboardRow(UnitProgress Progress, bool Participating, decimal? OfferRate, decimal? SigningRate, bool OfferTargetMet, bool SigningTargetMet, int? Rank)
{
    /// <summary>Rounds past a deadline now.</summary>
    public int OverdueCount => Progress.OverdueCount;
}

/// <summary>Handles <see cref="CityDashboardQuery"/>.</summary>
public sealed class CityDashboardHandler(BargainingDbContext db, ProgressFigures figures) : IRequestHandler<CityDashboardQuery, CityDashboard>
{
    public async Task<CityDashboard> Handle(CityDashboardQuery request, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Units).FirstOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
            ?? throw DomainException.NotFound("该集中要约行动");
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Code).ToListAsync(cancellationToken);
        var units = organisations.Where(o => o.Kind != OrganisationKind.City).ToList();
        var city = organisations.FirstOrDefault(o => o.Kind == OrganisationKind.City) ?? throw DomainException.NotFound("市总工会");
        var participants = campaign.Units.Select(u => u.OrganisationId).ToHashSet();
        var (progress, total) = await figures.ComputeAsync(units, campaign.StartsOn, (city, participants), cancellationToken);
        CityDashboardRow Row(UnitProgress p, bool participating)
        {
            decimal? offer = p.Enterprises == 0 ? null : Math.Round(100m * p.EnterprisesOffered / p.Enterprises, 1);
            decimal? signing = p.Enterprises == 0 ? null : Math.Round(100m * p.EnterprisesSigned / p.Enterprises, 1);
            return new CityDashboardRow(p, participating, offer, signing, offer >= campaign.OfferRateTarget, signing >= campaign.SigningRateTarget, null);
        }
        return new CityDashboard(campaign.Id, campaign.Name, campaign.StartsOn, campaign.EndsOn, campaign.OfferRateTarget, campaign.SigningRateTarget,
            campaign.WorkersCoveredTarget, Ranked([.. progress.Select(p => Row(p, participants.Contains(p.OrganisationId)))]),
            Row(total! with { Unit = "合计（参加单位）" }, true));
    }

    /// <summary>Participants by signing rate, then offer rate, then workers covered; equal figures share a rank (1, 2, 2, 4).</summary>
    private static List<CityDashboardRow> Ranked(List<CityDashboardRow> rows)
    {
        var key = (CityDashboardRow r) => (r.SigningRate ?? -1, r.OfferRate ?? -1, r.Progress.WorkersCovered);
        var order = rows.Where(r => r.Participating).OrderByDescending(r => key(r).Item1).ThenByDescending(r => key(r).Item2).ThenByDescending(r => key(r).Item3).ToList();
        var ranks = order.Select(r => (Row: r, Rank: 1 + order.Count(o => key(o).CompareTo(key(r)) > 0))).ToDictionary(x => x.Row.Progress.OrganisationId, x => x.Rank);
        return [.. rows.Select(r => r with { Rank = ranks.TryGetValue(r.Progress.OrganisationId, out var rank) ? rank : null })
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Progress.Kind).ThenBy(r => r.Progress.Unit, StringComparer.Ordinal)];
    }
}
