using Bargaining.Features.Rounds.Offer;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// The offer (要约, Art 32): sending it, the written reply, the county union chasing an overdue reply. Forms in _Offer.cshtml.
public sealed partial class DetailModel
{
    /// <summary>The offer checklist: every Art 8 topic with a suggested clause.</summary>
    public IReadOnlyList<OfferTopicInput> Checklist => _checklist ??= OfferChecklist.Default(Table.Kind);

    private IReadOnlyList<OfferTopicInput>? _checklist;

    /// <summary>Sends the offer with the ticked topics; an employer's offer names its legal representative.</summary>
    public Task<IActionResult> OnPostOfferAsync(Guid id, List<OfferTopicInput> topics, DateOnly? receivedOn, int? representativesPerSide, string? employerLegalRepresentative) =>
        SendAsync(id, "要约书已发出", new MakeOfferCommand(id,
            [.. topics.Where(t => t.Selected).Select(t => t.ToProposal())],
            receivedOn ?? Today, representativesPerSide, EmployerLegalRepresentative: Blank(employerLegalRepresentative)));

    /// <summary>Accepts or refuses the offer; an employer's reply names its legal representative.</summary>
    public Task<IActionResult> OnPostReplyAsync(Guid id, bool accept, string? reason, string? employerLegalRepresentative) =>
        SendAsync(id, accept ? "已书面回应：同意协商" : "已书面回应：拒绝协商", new ReplyToOfferCommand(id, accept, reason, EmployerLegalRepresentative: Blank(employerLegalRepresentative)));

    /// <summary>The county union chases an overdue reply.</summary>
    public Task<IActionResult> OnPostUrgeAsync(Guid id, string? how) =>
        SendAsync(id, "已记录督促情况", new UrgeReplyCommand(id, how ?? ""));
}
