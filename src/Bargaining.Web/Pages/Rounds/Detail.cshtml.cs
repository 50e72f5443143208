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
public sealed partial class DetailModel(IMediator mediator, TimeProvider clock) : BargainingPage(mediator)
{
    /// <summary>The timeline with the caller's available actions.</summary>
    public RoundTimeline Timeline { get; private set; } = null!;

    /// <summary>The table.</summary>
    public NegotiationTable Table { get; private set; } = null!;

    /// <summary>Today in China.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>The caller's side at the table, if a party.</summary>
    public Side? MySide => Me.Role switch { Role.UnionChair => Side.Worker, Role.EmployerRepresentative => Side.Employer, _ => null };

    /// <summary>True when the caller may send <paramref name="signal"/> (one of <see cref="Signals"/>) now.</summary>
    public bool Can(string signal) => Timeline.Actions.Any(a => a.Signal == signal);

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

    /// <summary>The documents the round has reached, with their titles.</summary>
    public IEnumerable<(string Title, RoundDocumentKind Kind, int? Meeting)> Documents()
    {
        if (Table.OfferReceivedOn is not null) yield return ("要约书", RoundDocumentKind.OfferLetter, null);
        if (Table.Accepted is not null) yield return ("回应书", RoundDocumentKind.Response, null);
        foreach (var m in Table.Meetings.Where(m => m.Minutes is not null)) yield return ($"第{m.Number}次协商会议记录", RoundDocumentKind.MeetingMinutes, m.Number);
        if (Table.CongressAdopted is not null) yield return ("职工代表大会决议", RoundDocumentKind.CongressResolution, null);
        if (Timeline.Stage.IsSigned())
        {
            yield return ("集体合同审查申报表", RoundDocumentKind.FilingForm, null);
            yield return ("集体合同文本（带核验码）", RoundDocumentKind.Contract, null);
        }
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
    }

    private Side SideOrForbid() => MySide ?? throw DomainException.Forbidden("只有协商双方（企业工会主席或企业方代表）可以进行此操作");
}
