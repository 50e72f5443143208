using Bargaining.Features.Organisations;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Admin;

/// <summary>The city union's units and, for each, the labour-administration department that receives its filings and the abbreviation of its filing numbers.</summary>
public sealed class UnitsModel(IMediator mediator) : BargainingPage(mediator)
{
    /// <summary>Every organisation.</summary>
    public IReadOnlyList<OrganisationRow> Units { get; private set; } = [];

    /// <summary>Lists.</summary>
    public async Task OnGetAsync() => Units = await Mediator.Send(new OrganisationListQuery());

    /// <summary>Sets a unit's department.</summary>
    public async Task<IActionResult> OnPostAsync(Guid organisationId, string? name, string? abbreviation)
    {
        if (await TryAsync(() => Mediator.Send(new SetLabourAuthorityCommand(organisationId, name ?? "", abbreviation ?? ""))))
        {
            Notice = $"已设置：{name}（编号简称 {abbreviation}）";
            return RedirectToPage();
        }
        Units = await Mediator.Send(new OrganisationListQuery());
        return Page();
    }
}
