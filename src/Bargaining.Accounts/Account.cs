using Bargaining.Domain;
using Microsoft.AspNetCore.Identity;

namespace Bargaining.Accounts;

/// <summary>
/// A person's sign-in account, bound to one role in one organisation (and, for a union chair or an employer
/// representative, one enterprise). The claims of a signed-in account become the <see cref="CurrentUser"/> every
/// command is authorised against.
/// </summary>
public sealed class Account : IdentityUser
{
    /// <summary>Name shown on screens and journaled with every change, e.g. 王建国.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The role.</summary>
    public Role Role { get; set; }

    /// <summary>The city union, county-level union or city-direct unit the role belongs to.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>For a union chair or employer representative, their enterprise.</summary>
    public Guid? EnterpriseId { get; set; }

    /// <summary>
    /// Whether deadline reminders go to the account's e-mail address (once it is confirmed): three days and one day
    /// before each deadline of the rounds the person acts in.
    /// </summary>
    public bool RemindByEmail { get; set; }

    /// <summary>Created by whom (user id), for the administrator's list.</summary>
    public string? CreatedBy { get; set; }
}
