using Bargaining.Domain;
using Bargaining.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bargaining.Web.Pages;

/// <summary>Home: each role starts on its own screen.</summary>
public sealed class IndexModel : PageModel
{
    /// <summary>Redirects to the role's start page.</summary>
    public IActionResult OnGet() => Redirect(User.ToCurrentUser()?.Role switch
    {
        Role.CityAdministrator => "/City",
        Role.CountyStaff or Role.Instructor => "/County",
        Role.Reviewer => "/Review",
        Role.EmployerRepresentative => "/Rounds?awaiting=true",
        _ => "/Rounds",
    });
}
