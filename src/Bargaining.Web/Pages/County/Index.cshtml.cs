using Bargaining.Accounts;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Infrastructure;
using Bargaining.Features.Organisations;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Jurisdictions;
using Bargaining.Web.Accounts;
using Bargaining.Web.Pages.Rounds;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Pages.County;

/// <summary>
/// A county union's (or a city-direct unit's, or the city's for one unit) enterprises with filters and its figures;
/// county staff select enterprises to launch the campaign's offers at once or to assign an instructor.
/// </summary>
[RequestSizeLimit(RequestLimits.Upload)]   // the enterprise list's import
public sealed class IndexModel(IMediator mediator, UserManager<Bargaining.Accounts.Account> accounts, AccountAdministration administration, TimeProvider clock, JurisdictionCatalog jurisdictions) : BargainingPage(mediator)
{
    /// <summary>The unit shown: the caller's own, or any for the city union.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    /// <summary>Stage of the latest round.</summary>
    [BindProperty(SupportsGet = true)] public RoundStage? Stage { get; set; }
    /// <summary>Never started a round.</summary>
    [BindProperty(SupportsGet = true)] public bool WithoutRound { get; set; }
    /// <summary>Latest round overdue.</summary>
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    /// <summary>Industry.</summary>
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    /// <summary>Size.</summary>
    [BindProperty(SupportsGet = true)] public SizeBand? Size { get; set; }
    /// <summary>Name.</summary>
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    /// <summary>Page.</summary>
    [BindProperty(SupportsGet = true, Name = "pg")] public int PageNumber { get; set; } = 1;
    /// <summary>The day the contracts in force are counted on; today by default.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }

    /// <summary>The unit's contracts in force on <see cref="On"/>.</summary>
    public ContractsInForce InForce { get; private set; } = null!;

    /// <summary>The unit's figures.</summary>
    public UnitProgress Progress { get; private set; } = null!;
    /// <summary>The unit's contracts with unmet obligations (履约检查).</summary>
    public IReadOnlyList<Features.Implementation.UnmetContract> Unmet { get; private set; } = [];
    /// <summary>The page of enterprises.</summary>
    public EnterpriseList List { get; private set; } = null!;
    /// <summary>The unit's instructors (accounts), for assignment.</summary>
    public IReadOnlyList<(string Id, string Name)> Instructors { get; private set; } = [];
    /// <summary>The launch report of the last batch, shown once.</summary>
    public LaunchReport? Launched { get; private set; }
    /// <summary>Today in China.</summary>
    public DateOnly Today => jurisdictions.Default.Time.LocalDate(clock.GetUtcNow());
    /// <summary>True when the caller may act on the list (county staff of the unit).</summary>
    public bool CanAct => Me.Role == Role.CountyStaff;
    /// <summary>The offer checklist for the batch.</summary>
    public IReadOnlyList<OfferTopicInput> Checklist { get; } = OfferChecklist.Default();

    /// <summary>Shows the unit.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (Me.Role is not (Role.CountyStaff or Role.Instructor or Role.CityAdministrator)) return Forbid();
        await LoadAsync();
        return Page();
    }

    /// <summary>
    /// Launches offers for the selected enterprises (集中要约), or with <paramref name="allMatching"/> for every
    /// enterprise the filters match, on every page; each stands on its own.
    /// </summary>
    public async Task<IActionResult> OnPostLaunchAsync(List<Guid> selected, bool allMatching, RoundKind kind, List<OfferTopicInput> topics, DateOnly? receivedOn, int? representativesPerSide)
    {
        if (allMatching) selected = await AllMatchingAsync();
        LaunchReport? report = null;
        var ok = selected.Count == 0
            ? Refuse(allMatching ? "没有符合筛选条件的企业" : "请先勾选要发出要约的企业")
            : await TryAsync(async () => report = await Mediator.Send(new LaunchCampaignOffersCommand(selected, kind,
                [.. topics.Where(t => t.Selected).Select(t => t.ToProposal())],
                receivedOn ?? Today, representativesPerSide)));
        if (ok) Launched = report;
        await LoadAsync();
        return Page();
    }

    /// <summary>Assigns an instructor to the selected enterprises.</summary>
    public async Task<IActionResult> OnPostAssignAsync(List<Guid> selected, string? instructor)
    {
        var ok = selected.Count == 0 ? Refuse("请先勾选企业")
            : await TryAsync(async () =>
            {
                var command = await administration.AssignmentAsync(Me, selected, instructor);
                var result = await Mediator.Send(command);
                Notice = $"已为 {result.Assigned} 家企业指派指导员 {command.InstructorName}" + (result.Unchanged > 0 ? $"（{result.Unchanged} 家原已由其指导）" : "");
            });
        if (ok) return RedirectToPage(new { Unit, Stage, WithoutRound, Overdue, Industry, Size, Search, pg = PageNumber });
        await LoadAsync();
        return Page();
    }

    /// <summary>The report of the last import, shown once.</summary>
    public ImportReport? Imported { get; private set; }

    /// <summary>Imports enterprises from a .csv or .xlsx file: all or nothing unless bad rows are to be skipped.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool skipBadRows)
    {
        if (file is null || file.Length == 0) Refuse("请选择企业名单文件（.csv 或 .xlsx）");
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            ImportReport? report = null;
            if (await TryAsync(async () => report = await Mediator.Send(new ImportEnterprisesCommand(Me.OrganisationId, file.FileName, buffer.ToArray(), skipBadRows))))
            {
                Imported = report;
                if (report!.Refused) Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>Downloads the enterprise list with the current filters (every page).</summary>
    public async Task<IActionResult> OnGetExportAsync(Features.Export.ExportFormat format)
    {
        var file = await Mediator.Send(new Features.Export.ExportEnterpriseListQuery(Filter(1), format));
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Every enterprise the filters match, read page by page as the caller may read the list.</summary>
    private async Task<List<Guid>> AllMatchingAsync()
    {
        var all = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var list = await Mediator.Send(Filter(page) with { PageSize = Paging.Largest });
            all.AddRange(list.Rows.Select(r => r.EnterpriseId));
            if (list.Rows.Count < Paging.Largest || all.Count >= list.Total) return all;
        }
    }

    private bool Refuse(string message)
    {
        ModelState.AddModelError("", message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
    }

    /// <summary>The unit shown: any the city union picks, otherwise the caller's own.</summary>
    private Guid ShownUnit => Me.Role == Role.CityAdministrator && Unit is { } u ? u : Me.OrganisationId;

    private EnterpriseListQuery Filter(int page) => new()
    {
        OrganisationId = ShownUnit, Stage = Stage, WithoutRound = WithoutRound, OverdueOnly = Overdue,
        Industry = string.IsNullOrWhiteSpace(Industry) ? null : Industry.Trim(), Size = Size, Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        Page = Math.Max(1, page), PageSize = 50, InstructorUserId = Me.Role == Role.Instructor ? Me.UserId : null,
    };

    private async Task LoadAsync()
    {
        var unit = ShownUnit;
        Unit = unit;
        Progress = await Mediator.Send(new CountyProgressQuery(unit));
        InForce = await Mediator.Send(new ContractsInForceQuery(On ?? Today, unit));
        List = await Mediator.Send(Filter(PageNumber));
        Unmet = await Mediator.Send(new Features.Implementation.UnmetContractsQuery(unit));
        Instructors = [.. (await accounts.Users.AsNoTracking().Where(a => a.Role == Role.Instructor && a.OrganisationId == unit).OrderBy(a => a.DisplayName)
            .Select(a => new { a.Id, a.DisplayName }).ToListAsync()).Select(a => (a.Id, a.DisplayName))];
    }
}
