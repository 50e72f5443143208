using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Offer;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

/// <summary>
/// A party starts a round for its enterprise (either side may make the offer, Art 32); the offer letter itself is
/// then drafted on the round's page, with the topic checklist. The rules that apply follow from where the enterprise
/// is, so they are shown, not chosen.
/// </summary>
public sealed class NewModel(IMediator mediator) : BargainingPage(mediator)
{
    /// <summary>
    /// The kinds a single enterprise may bargain: industry and regional contracts bind every enterprise of an industry or
    /// area (LCL Art 53) and are not started for one.
    /// </summary>
    public static IReadOnlyList<RoundKind> Kinds { get; } = Enum.GetValues<RoundKind>().Except([RoundKind.Industry, RoundKind.Regional]).ToList();

    /// <summary>The name of the profile governing the caller's unit, for reading only.</summary>
    public string? JurisdictionName { get; private set; }

    /// <summary>What the contract is about.</summary>
    [BindProperty]
    public RoundKind Kind { get; set; } = RoundKind.Wage;

    /// <summary>Ordinary or simplified procedure.</summary>
    [BindProperty]
    public Procedure Procedure { get; set; } = Procedure.Ordinary;

    /// <summary>Only the parties start rounds here; a county union launches its enterprises' offers from its own page.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (Me.EnterpriseId is null) return Redirect("/County");
        await ShowJurisdictionAsync();
        return Page();
    }

    /// <summary>Starts the round and opens it.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var side = Me.Role == Role.EmployerRepresentative ? Side.Employer : Side.Worker;
        var id = Guid.Empty;
        if (!await TryAsync(async () => id = await Mediator.Send(new StartRoundCommand(Me.EnterpriseId ?? Guid.Empty, Kind, Procedure, side))))
        {
            await ShowJurisdictionAsync();
            return Page();
        }
        Notice = "协商已发起，请在下方填写并发出要约书";
        return Redirect($"/Rounds/{id}");
    }

    private async Task ShowJurisdictionAsync() => JurisdictionName = await Mediator.Send(new GoverningJurisdictionQuery(Me.OrganisationId));
}
