using Bargaining.Features.Catalogue;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.City;

/// <summary>
/// The data-quality report (数据质量): each unit's counts of every defect, the city's totals, and, for a chosen
/// unit or kind, the items with a link to the page where each is fixed.
/// </summary>
public sealed class QualityModel(IMediator mediator) : BargainingPage(mediator)
{
    /// <summary>The unit drilled into, if any.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }

    /// <summary>The kind drilled into (<see cref="QualityIssues"/>), if any.</summary>
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    /// <summary>Days overdue before a round counts as stale.</summary>
    [BindProperty(SupportsGet = true)] public int StaleDays { get; set; } = DataQualityQuery.DefaultStaleDays;

    /// <summary>The report, or null when the request was refused (the reason is in the model state).</summary>
    public DataQualityReport? Report { get; private set; }

    /// <summary>Shows the report.</summary>
    public async Task OnGetAsync() =>
        await TryAsync(async () => Report = await Mediator.Send(new DataQualityQuery(Unit, Kind, StaleDays)));

    /// <summary>Where an item is fixed: the round's page, the enterprise in its unit's list, the accounts page, or the units page.</summary>
    public static (string Href, string Text) FixedAt(QualityItem item) => item.Kind switch
    {
        _ when item.RoundId is { } round => ($"/Rounds/{round}", "打开协商"),
        QualityIssues.NoChairAccount => ("/Admin/Accounts", "开设账号"),
        QualityIssues.UnionCodeMissing => ("/Admin/Units", "查看单位"),
        _ => ($"/County?unit={item.OrganisationId}&search={Uri.EscapeDataString(item.Subject)}", "查看企业"),
    };
}
