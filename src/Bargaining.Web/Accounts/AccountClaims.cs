using Bargaining.Accounts;
using System.Security.Claims;
using Bargaining.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bargaining.Web.Accounts;

/// <summary>The claims an account signs in with, and the <see cref="CurrentUser"/> read back from them.</summary>
public static class AccountClaims
{
    /// <summary>Claim types.</summary>
    public const string RoleType = "bargaining:role", OrganisationType = "bargaining:organisation", EnterpriseType = "bargaining:enterprise", NameType = "bargaining:name";

    /// <summary>The caller behind a signed-in principal, or null when nobody is signed in.</summary>
    public static CurrentUser? ToCurrentUser(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = principal.FindFirstValue(RoleType);
        var organisation = principal.FindFirstValue(OrganisationType);
        if (id is null || !Enum.TryParse<Role>(role, out var r) || !Guid.TryParse(organisation, out var org)) return null;
        var enterprise = Guid.TryParse(principal.FindFirstValue(EnterpriseType), out var e) ? e : (Guid?)null;
        return new CurrentUser(id, principal.FindFirstValue(NameType) ?? principal.Identity.Name ?? id, r, org, enterprise);
    }

    /// <summary>The caller an account is, as if signed in (for work done on its behalf outside a request).</summary>
    public static CurrentUser ToCurrentUser(this Account account) =>
        new(account.Id, account.DisplayName, account.Role, account.OrganisationId, account.EnterpriseId);

    /// <summary>The role's name in Chinese, for screens.</summary>
    public static string Title(this Role role) => role switch
    {
        Role.CityAdministrator => "市总工会管理员",
        Role.CountyStaff => "县级工会工作人员",
        Role.Instructor => "集体协商指导员",
        Role.UnionChair => "企业工会主席",
        Role.EmployerRepresentative => "企业方代表",
        Role.Reviewer => "人社部门审查员",
        Role.Coordinator => "争议协调员",
        _ => role.ToString(),
    };
}

/// <summary>Adds the role, organisation and enterprise of an <see cref="Account"/> to its sign-in principal.</summary>
public sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountClaims.RoleType, user.Role.ToString()));
        identity.AddClaim(new Claim(AccountClaims.OrganisationType, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(AccountClaims.NameType, user.DisplayName));
        if (user.EnterpriseId is { } e) identity.AddClaim(new Claim(AccountClaims.EnterpriseType, e.ToString()));
        return identity;
    }
}

/// <summary>
/// The signed-in account of the current HTTP request, for the MediatR pipeline; outside a request (the reminders'
/// sweep), the account the scope acts for.
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor http) : ICurrentUserAccessor
{
    /// <summary>Who a scope without a request acts for.</summary>
    public CurrentUser? Acting { get; set; }

    public CurrentUser? User => Acting ?? http.HttpContext?.User.ToCurrentUser();
}
