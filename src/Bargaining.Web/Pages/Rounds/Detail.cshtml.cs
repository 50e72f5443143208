using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

/// <summary>
/// A round: where it stands and who must act by when, what the signed-in party may do now (one form per available
/// action), the negotiation table with both sides' positions and the gap, the documents to print, and the journal.
/// Each phase's forms are a partial in <c>Detail/</c> with its handlers beside it (<c>Detail.&lt;Phase&gt;.cs</c>).
/// </summary>
[RequestSizeLimit(Hosting.RequestLimits.Upload)]   // a termination's evidence file (at most 2 MB, Attachments.MaxBytes)
public sealed partial class DetailModel(IMediator mediator, TimeProvider clock, Bargaining.Jurisdictions.JurisdictionCatalog jurisdictions) : BargainingPage(mediator)
{
    /// <summary>The timeline with the caller's available actions.</summary>
    public RoundTimeline Timeline { get; private set; } = null!;

    /// <summary>The table.</summary>
    public NegotiationTable Table { get; private set; } = null!;

    /// <summary>The round's jurisdiction's time rules (its local day); before the round is read, the default jurisdiction's.</summary>
    public Bargaining.Workflows.Jurisdiction Time => Table?.Time ?? jurisdictions.Default.Time;

    /// <summary>Today in the round's jurisdiction.</summary>
    public DateOnly Today => Time.LocalDate(clock.GetUtcNow());

    /// <summary>The renewal window before expiry (3 months, Art 38), as the jurisdiction's profile has it: 3个月.</summary>
    public string RenewalWindow => Bargaining.Jurisdictions.PeriodText.Chinese(Time.Periods[Bargaining.Jurisdictions.PeriodNames.RenewalWindow].Duration);

    /// <summary>An instant as the round's local clock reads it.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Time.UtcOffset);

    /// <summary>The caller's side at the table, if a party.</summary>
    public Side? MySide => Me.Role switch { Role.UnionChair => Side.Worker, Role.EmployerRepresentative => Side.Employer, _ => null };

    /// <summary>What the caller may do now, enabled or with the reason why not yet (<see cref="RoundActionsQuery"/>).</summary>
    public RoundActions Actions { get; private set; } = null!;

    /// <summary>The round's documents, printable or with the reason why not yet (<see cref="RoundDocumentListQuery"/>).</summary>
    public IReadOnlyList<RoundDocumentStatus> Documents { get; private set; } = [];

    /// <summary>Suggested dates for the meeting and term forms (<see cref="RoundSuggestionsQuery"/>).</summary>
    public RoundSuggestions Suggestions { get; private set; } = null!;

    /// <summary>The caller's action of <paramref name="kind"/>, enabled or not; null when it is not the caller's to take.</summary>
    public RoundAction? Action(RoundActionKind kind) => Actions.Actions.FirstOrDefault(a => a.Action == kind && a.Enabled)
        ?? Actions.Actions.FirstOrDefault(a => a.Action == kind);

    /// <summary>True when the caller may take the action of <paramref name="kind"/> now.</summary>
    public bool Can(RoundActionKind kind) => Action(kind) is { Enabled: true };

    /// <summary>The value the officer posted for a field, so a refused form keeps its input.</summary>
    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].FirstOrDefault() : null;

    /// <summary>A date as the page writes it (2026年3月2日), or a dash.</summary>
    public string Day(DateOnly? date) => date is { } d ? d.ToString("yyyy年M月d日") : "—";

    /// <summary>Shows the round.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id);
        return Page();
    }

    /// <summary>Prints a document of the round (the minutes of one meeting when <paramref name="meeting"/> is given).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, RoundDocumentKind kind, int? meeting)
    {
        var file = await Mediator.Send(new PrintRoundDocumentQuery(id, kind, meeting));
        return File(file.Pdf, "application/pdf", file.FileName);
    }

    private async Task<IActionResult> SendAsync<T>(Guid id, string done, IRequest<T> command)
    {
        if (!await TryAsync(() => Mediator.Send(command))) return await ReloadAsync(id);
        Notice = done;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ReloadAsync(Guid id)
    {
        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(Guid id)
    {
        Timeline = await Mediator.Send(new RoundTimelineQuery(id));
        Table = await Mediator.Send(new NegotiationTableQuery(id));
        Actions = await Mediator.Send(new RoundActionsQuery(id));
        Documents = await Mediator.Send(new RoundDocumentListQuery(id));
        Suggestions = await Mediator.Send(new RoundSuggestionsQuery(id));
        Termination = Actions.Stage.TookEffect() ? await Mediator.Send(new Features.Rounds.Termination.TerminationRecordQuery(id)) : null;
        await LoadChangeAsync(id);
    }

    private Side SideOrForbid() => MySide ?? throw DomainException.Forbidden("只有协商双方（企业工会主席或企业方代表）可以进行此操作");
}
