using Bargaining.Domain;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Jurisdictions;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

/// <summary>
/// A party starts a round for its enterprise (either side may make the offer, Art 32); the offer letter itself is
/// then drafted on the round's page, with the topic checklist.
/// </summary>
public sealed class NewModel(IMediator mediator, JurisdictionCatalog jurisdictions) : BargainingPage(mediator)
{
    /// <summary>The jurisdictions configured, for the select.</summary>
    public IEnumerable<string> Jurisdictions => jurisdictions.Profiles.Keys;

    /// <summary>What the contract is about.</summary>
    [BindProperty]
    public RoundKind Kind { get; set; } = RoundKind.Wage;

    /// <summary>Ordinary or simplified procedure.</summary>
    [BindProperty]
    public Procedure Procedure { get; set; } = Procedure.Ordinary;

    /// <summary>Whose rules apply.</summary>
    [BindProperty]
    public string Jurisdiction { get; set; } = "jiangsu";

    /// <summary>Only the parties start rounds here; a county union launches its enterprises' offers from its own page.</summary>
    public IActionResult OnGet() => Me.EnterpriseId is null ? Redirect("/County") : Page();

    /// <summary>Starts the round and opens it.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var side = Me.Role == Role.EmployerRepresentative ? Side.Employer : Side.Worker;
        var id = Guid.Empty;
        if (!await TryAsync(async () => id = await Mediator.Send(new StartRoundCommand(Me.EnterpriseId ?? Guid.Empty, Kind, Procedure, side, Jurisdiction))))
            return Page();
        Notice = "协商已发起，请在下方填写并发出要约书";
        return Redirect($"/Rounds/{id}");
    }
}
