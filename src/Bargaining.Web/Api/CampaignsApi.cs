using Bargaining.Features.Campaigns;
using Bargaining.Features.Export;
using Bargaining.Features.Progress;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api;

/// <summary>The city's campaigns (<c>/api/campaigns</c>, 要约行动) and a county's offers launched at once (<c>/api/offers</c>).</summary>
public static class CampaignsApi
{
    /// <summary>Maps the campaigns' endpoints.</summary>
    public static void Map(RouteGroupBuilder secured)
    {
        var campaigns = secured.MapGroup("/campaigns").WithTags("要约行动");
        campaigns.MapPost("", CreateCampaignAsync);
        campaigns.MapGet("", ListCampaignsAsync);
        campaigns.MapGet("/{id:guid}/dashboard", GetDashboardAsync);
        campaigns.MapGet("/{id:guid}/dashboard/export", ExportDashboardAsync);
        // A county launching many offers at once (集中要约); which campaign they count for follows from the date.
        secured.MapPost("/offers", LaunchCampaignOffersAsync).WithTags("要约行动");
    }

    private static async Task<Created<CreatedId>> CreateCampaignAsync(CreateCampaignCommand command, IMediator mediator, CancellationToken ct)
    {
        var id = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/campaigns/{id}", new CreatedId(id));
    }

    private static async Task<Ok<IReadOnlyList<CampaignRow>>> ListCampaignsAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CampaignListQuery(), ct));

    private static async Task<Ok<CityDashboard>> GetDashboardAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CityDashboardQuery(id), ct));

    private static async Task<FileContentHttpResult> ExportDashboardAsync(Guid id, ExportFormat? format, IMediator mediator, CancellationToken ct) =>
        Endpoints.Download(await mediator.Send(new ExportCityDashboardQuery(id, format ?? ExportFormat.Xlsx), ct));

    private static async Task<Ok<LaunchReport>> LaunchCampaignOffersAsync(LaunchCampaignOffersCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));
}
