using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Campaigns;

/// <summary>The city union's offer campaigns, newest first (for the dashboard's campaign select).</summary>
public sealed record CampaignListQuery : IQuery<IReadOnlyList<CampaignRow>>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A campaign: name, window and targets.</summary>
public sealed record CampaignRow(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, decimal OfferRateTarget, decimal SigningRateTarget, int WorkersCoveredTarget);

/// <summary>Handles <see cref="CampaignListQuery"/>.</summary>
public sealed class CampaignListHandler(BargainingDbContext db) : IRequestHandler<CampaignListQuery, IReadOnlyList<CampaignRow>>
{
    public async Task<IReadOnlyList<CampaignRow>> Handle(CampaignListQuery request, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn)
            .Select(c => new CampaignRow(c.Id, c.Name, c.StartsOn, c.EndsOn, c.OfferRateTarget, c.SigningRateTarget, c.WorkersCoveredTarget)).ToListAsync(cancellationToken);
}
