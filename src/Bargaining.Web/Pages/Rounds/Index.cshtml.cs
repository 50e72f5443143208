using Bargaining.Domain;
using Bargaining.Features.Export;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Views;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

/// <summary>
/// The rounds the caller may see (its enterprise's, its county's, what was filed with it, or the whole city), with
/// filters; "awaiting" lists what waits for the caller now — an employer's incoming offers among them. County staff
/// urge an overdue reply right from its row (督办) and download the list as it is filtered.
/// </summary>
public sealed class IndexModel(IMediator mediator) : BargainingPage(mediator)
{
    /// <summary>Only rounds at this stage.</summary>
    [BindProperty(SupportsGet = true)] public RoundStage? Stage { get; set; }
    /// <summary>Only overdue rounds.</summary>
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    /// <summary>Only rounds waiting for the caller.</summary>
    [BindProperty(SupportsGet = true)] public bool Awaiting { get; set; }
    /// <summary>Part of an enterprise's name.</summary>
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    /// <summary>Only this unit (city union).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    /// <summary>Only this size.</summary>
    [BindProperty(SupportsGet = true)] public SizeBand? Size { get; set; }
    /// <summary>Only this industry.</summary>
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    /// <summary>Page.</summary>
    [BindProperty(SupportsGet = true, Name = "pg")] public int PageNumber { get; set; } = 1;

    /// <summary>The page of rounds.</summary>
    public RoundList List { get; private set; } = null!;

    /// <summary>The title, by filter and role.</summary>
    public string Heading => Awaiting ? (Me.Role == Role.EmployerRepresentative ? "待回应和待办理的协商" : "待我办理") : Overdue ? "逾期未办的协商" : "集体协商";

    /// <summary>Lists.</summary>
    public async Task OnGetAsync() => List = await Mediator.Send(Query(PageNumber, 50));

    /// <summary>Records how the county urged the overdue reply of <paramref name="round"/>, then shows the list again.</summary>
    public async Task<IActionResult> OnPostUrgeAsync(Guid round, string? how)
    {
        if (await TryAsync(() => Mediator.Send(new UrgeReplyCommand(round, how ?? ""))))
        {
            Notice = "已记录督促情况";
            return Redirect(Url.Page("/Rounds/Index", null, Filters.ToDictionary(f => f.Key, f => (object?)f.Value))!);
        }
        await OnGetAsync();
        return Page();
    }

    /// <summary>Downloads every round the filters select (all pages).</summary>
    public async Task<IActionResult> OnGetExportAsync(ExportFormat format)
    {
        var file = await Mediator.Send(new ExportRoundListQuery(Query(1, 200), format));
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The current filters as route values, for the forms and links that keep them.</summary>
    public Dictionary<string, string> Filters => new Dictionary<string, string?>
    {
        ["stage"] = Stage?.ToString(), ["overdue"] = Overdue ? "true" : null, ["awaiting"] = Awaiting ? "true" : null, ["search"] = Search,
        ["unit"] = Unit?.ToString(), ["size"] = Size?.ToString(), ["industry"] = Industry, ["pg"] = PageNumber > 1 ? PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    }.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => f.Value!);

    /// <summary>The query the filters ask for.</summary>
    public RoundListQuery Query(int page, int size) => new()
    {
        Stage = Stage, OverdueOnly = Overdue, AwaitingMe = Awaiting, Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        OrganisationId = Unit, Size = Size, Industry = string.IsNullOrWhiteSpace(Industry) ? null : Industry.Trim(), Page = Math.Max(1, page), PageSize = size,
    };
}
