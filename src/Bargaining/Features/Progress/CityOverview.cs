using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Progress;

/// <summary>
/// The city union's overview of a campaign: a row per county-level union and city-direct unit with its figures, its
/// offer and signing rates against the campaign's targets, and the participants ranked (奖惩考核).
/// </summary>
public sealed record CityOverviewQuery(Guid CampaignId) : IRequest<CityOverview>, IAuthorisedRequest
{
    /// <inheritdoc />
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以查看全市集中要约行动情况");
}

/// <summary>The overview: the campaign's targets and one row per unit.</summary>
public sealed record CityOverview(Guid CampaignId, string Campaign, decimal OfferRateTarget, decimal SigningRateTarget, int WorkersCoveredTarget,
    int WorkersCovered, IReadOnlyList<CityOverviewRow> Rows);

/// <summary>
/// One unit. Rates are in % of the unit's enterprises, counting offers made from the campaign's first day (集中 and
/// 分散 alike, as the reports do); <see cref="Rank"/> is null for units not taking part.
/// </summary>
public sealed record CityOverviewRow(UnitProgress Progress, bool Participating, decimal? OfferRate, decimal? SigningRate, bool OfferTargetMet, bool SigningTargetMet, int? Rank);

/// <summary>Handles <see cref="CityOverviewQuery"/>.</summary>
public sealed class CityOverviewHandler(BargainingDbContext db, ProgressFigures figures) : IRequestHandler<CityOverviewQuery, CityOverview>
{
    /// <inheritdoc />
    public async Task<CityOverview> Handle(CityOverviewQuery request, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Units).FirstOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
            ?? throw DomainException.NotFound("该集中要约行动");
        var units = await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.City)
            .OrderBy(o => o.Kind).ThenBy(o => o.Code).ToListAsync(cancellationToken);
        var participants = campaign.Units.Select(u => u.OrganisationId).ToHashSet();
        var rows = (await figures.ComputeAsync(units, campaign.StartsOn, cancellationToken)).Select(p =>
        {
            decimal? offer = p.Enterprises == 0 ? null : Math.Round(100m * p.EnterprisesOffered / p.Enterprises, 1);
            decimal? signing = p.Enterprises == 0 ? null : Math.Round(100m * p.EnterprisesSigned / p.Enterprises, 1);
            return new CityOverviewRow(p, participants.Contains(p.OrganisationId), offer, signing,
                offer >= campaign.OfferRateTarget, signing >= campaign.SigningRateTarget, null);
        }).ToList();
        return new CityOverview(campaign.Id, campaign.Name, campaign.OfferRateTarget, campaign.SigningRateTarget, campaign.WorkersCoveredTarget,
            rows.Where(r => r.Participating).Sum(r => r.Progress.WorkersCovered), Ranked(rows));
    }

    /// <summary>Participants by signing rate, then offer rate, then workers covered; equal figures share a rank (1, 2, 2, 4).</summary>
    private static List<CityOverviewRow> Ranked(List<CityOverviewRow> rows)
    {
        var key = (CityOverviewRow r) => (r.SigningRate ?? -1, r.OfferRate ?? -1, r.Progress.WorkersCovered);
        var order = rows.Where(r => r.Participating).OrderByDescending(r => key(r).Item1).ThenByDescending(r => key(r).Item2).ThenByDescending(r => key(r).Item3).ToList();
        var ranks = order.Select(r => (Row: r, Rank: 1 + order.Count(o => key(o).CompareTo(key(r)) > 0))).ToDictionary(x => x.Row.Progress.OrganisationId, x => x.Rank);
        return [.. rows.Select(r => r with { Rank = ranks.TryGetValue(r.Progress.OrganisationId, out var rank) ? rank : null })
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Progress.Kind).ThenBy(r => r.Progress.Unit, StringComparer.Ordinal)];
    }
}
