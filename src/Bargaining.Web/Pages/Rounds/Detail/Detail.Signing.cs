using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Signing;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// The contract's term (Art 38) and the chiefs' signatures. Forms in _Signing.cshtml.
public sealed partial class DetailModel
{
    /// <summary>
    /// True when the caller's side may record or change the ordinary procedure's term: at the table, at the congress,
    /// and at the signatures as long as no term is recorded.
    /// </summary>
    public bool TermOpen => MySide is not null && Table.Procedure == Procedure.Ordinary
        && Timeline.CurrentSteps.Any(s => s.Node is Nodes.Bargaining or Nodes.Congress or Nodes.UnionSignature or Nodes.EmployerSignature)
        && !(Timeline.CurrentSteps.Any(s => s.Node is Nodes.UnionSignature or Nodes.EmployerSignature) && Table.TermStartsOn is not null);

    /// <summary>Records the contract's term.</summary>
    public Task<IActionResult> OnPostTermAsync(Guid id, DateOnly? startsOn, DateOnly? endsOn) =>
        SendAsync(id, "合同期限已记录", new AgreeContractTermCommand(id, SideOrForbid(), startsOn ?? default, endsOn ?? default));

    /// <summary>Signs for the caller's side.</summary>
    public Task<IActionResult> OnPostSignAsync(Guid id) => SendAsync(id, "已签字", new SignCommand(id, SideOrForbid()));
}
