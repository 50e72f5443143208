using System.Text.Json;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Export;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.City;

/// <summary>
/// The city union's dashboard for one campaign: every county-level unit and city-direct unit with its funnel, offer
/// and signing rates against the targets, coverage, agreed wage rises, overdue rounds and rank; charts; drill-down
/// to the unit's enterprises; export to Excel and CSV.
/// </summary>
public sealed class IndexModel(IMediator mediator, QualitySummaryCache quality, TimeProvider clock, Jurisdictions.JurisdictionCatalog jurisdictions) : BargainingPage(mediator)
{
    /// <summary>The day the contracts in force are counted on; today by default.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }

    /// <summary>The city's contracts in force on <see cref="On"/>, by unit.</summary>
    public ContractsInForce InForce { get; private set; } = null!;

    /// <summary>The campaign shown; the newest by default.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Campaign { get; set; }

    /// <summary>Every campaign.</summary>
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];

    /// <summary>The dashboard, or null when there is no campaign yet.</summary>
    public CityDashboard? Dashboard { get; private set; }

    /// <summary>The charts' data, as JSON for ECharts.</summary>
    public string ChartData { get; private set; } = "{}";

    /// <summary>Each unit's contracts with unmet obligations (履约检查); units with none are absent.</summary>
    public IReadOnlyDictionary<Guid, int> UnmetCounts { get; private set; } = new Dictionary<Guid, int>();

    /// <summary>Shows the dashboard.</summary>
    public async Task OnGetAsync()
    {
        Campaigns = await Mediator.Send(new CampaignListQuery());
        Units = [.. (await Mediator.Send(new Features.Organisations.OrganisationListQuery())).Where(u => u.Kind != Domain.OrganisationKind.City)];
        (Quality, QualityCountedAt) = await quality.GetAsync(Mediator);
        UnmetCounts = await Mediator.Send(new Features.Implementation.UnmetContractCountsQuery());
        InForce = await Mediator.Send(new ContractsInForceQuery(On ?? jurisdictions.Default.Time.LocalDate(clock.GetUtcNow())));
        var id = Campaign ?? Campaigns.FirstOrDefault()?.Id;
        if (id is null) return;
        Campaign = id;
        Dashboard = await Mediator.Send(new CityDashboardQuery(id.Value));
        var rows = Dashboard.Rows.Where(r => r.Progress.Enterprises > 0).ToList();
        ChartData = JsonSerializer.Serialize(new
        {
            units = rows.Select(r => Short(r.Progress.Unit)),
            funnel = new
            {
                offers = rows.Select(r => r.Progress.Funnel.Offers),
                replies = rows.Select(r => r.Progress.Funnel.Replies),
                bargaining = rows.Select(r => r.Progress.Funnel.Bargaining),
                signed = rows.Select(r => r.Progress.Funnel.Signed),
                filed = rows.Select(r => r.Progress.Funnel.Filed),
                effective = rows.Select(r => r.Progress.Funnel.Effective),
            },
            offerRate = rows.Select(r => r.OfferRate),
            signingRate = rows.Select(r => r.SigningRate),
            offerTarget = Dashboard.OfferRateTarget,
            signingTarget = Dashboard.SigningRateTarget,
        });
    }

    /// <summary>The data-quality report's counts (<c>_QualitySummary</c>).</summary>
    public Features.Catalogue.DataQualityReport? Quality { get; private set; }

    /// <summary>When <see cref="Quality"/> was counted (at most <see cref="QualitySummaryCache.Lifetime"/> ago).</summary>
    public DateTimeOffset QualityCountedAt { get; private set; }

    /// <summary><see cref="QualityCountedAt"/> in local time, e.g. 14:05.</summary>
    public string QualityCountedAtText => QualityCountedAt.ToOffset(jurisdictions.Default.Time.UtcOffset).ToString("HH:mm");

    /// <summary>The units that may take part, for the new campaign's form.</summary>
    public IReadOnlyList<Features.Organisations.OrganisationRow> Units { get; private set; } = [];

    /// <summary>Launches a new campaign (集中要约行动) for the ticked units.</summary>
    public async Task<IActionResult> OnPostCreateAsync(string? name, DateOnly? startsOn, DateOnly? endsOn, List<Guid> units, decimal? offerRateTarget, decimal? signingRateTarget, int? workersCoveredTarget)
    {
        var id = Guid.Empty;
        if (await TryAsync(async () => id = await Mediator.Send(new CreateCampaignCommand(name ?? "", startsOn ?? default, endsOn ?? default, units,
                offerRateTarget ?? 0, signingRateTarget ?? 0, workersCoveredTarget ?? 0))))
        {
            Notice = $"已发起“{name}”";
            return RedirectToPage(new { campaign = id });
        }
        await OnGetAsync();
        return Page();
    }

    /// <summary>Downloads the dashboard's table.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid campaign, ExportFormat format)
    {
        var file = await Mediator.Send(new ExportCityDashboardQuery(campaign, format));
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>A unit's name without 总工会 and with the zones abbreviated, for chart axes.</summary>
    public static string Short(string unit) => unit.Replace("总工会", "", StringComparison.Ordinal).Replace("经济技术开发区", "经开区", StringComparison.Ordinal)
        .Replace("高新技术产业开发区", "高新区", StringComparison.Ordinal).Replace("（参加单位）", "", StringComparison.Ordinal);
}
