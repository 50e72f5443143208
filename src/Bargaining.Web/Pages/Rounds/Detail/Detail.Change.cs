using Bargaining.Features.Rounds.Change;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// Changing an effective contract (变更, Art 39–41) and the redline of a change or renewal. Forms in _Change.cshtml.
public sealed partial class DetailModel
{
    /// <summary>The round's version of the contract: what it changes or renews, and its clauses.</summary>
    public ContractVersion Version { get; private set; } = null!;

    /// <summary>The redline against the version this round changes or renews; null for a first contract.</summary>
    public Redline? Redline { get; private set; }

    private async Task LoadChangeAsync(Guid id)
    {
        Version = await Mediator.Send(new ContractVersionQuery(id));
        Redline = await Mediator.Send(new RedlineQuery(id));
    }

    /// <summary>Proposes a change of the articles chosen, for the caller's side.</summary>
    public async Task<IActionResult> OnPostChangeAsync(Guid id, int[]? articles, string? reason)
    {
        var change = Guid.Empty;
        if (!await TryAsync(async () => change = await Mediator.Send(new ProposeChangeCommand(id, SideOrForbid(), articles ?? [], reason ?? ""))))
            return await ReloadAsync(id);
        Notice = "变更已提出：请发出变更要约书，只能就所选条款协商";
        return Redirect($"/Rounds/{change}");
    }
}
