namespace Bargaining.Domain;

/// <summary>The roles of the product, each bound to an organisation.</summary>
public enum Role
{
    /// <summary>City union administrator (市总工会).</summary>
    CityAdministrator,
    /// <summary>County-level union staff (县级总工会).</summary>
    CountyStaff,
    /// <summary>Bargaining instructor (集体协商指导员) assigned by a county union.</summary>
    Instructor,
    /// <summary>Enterprise union chair (企业工会主席).</summary>
    UnionChair,
    /// <summary>Employer representative (企业方代表).</summary>
    EmployerRepresentative,
    /// <summary>Labour-bureau reviewer (人社部门审查).</summary>
    Reviewer,
    /// <summary>
    /// Dispute coordinator (协调处理, Art 49–54): staff of the labour administration, which coordinates together with
    /// the union and the enterprise organisations of its area. Not <see cref="Reviewer"/>: reviewing a filed contract
    /// and settling a bargaining dispute are separate duties.
    /// </summary>
    Coordinator,
}

/// <summary>Who is sending a command: a person acting in a role for an organisation (or an enterprise).</summary>
/// <param name="UserId">Stable id, journaled with every change.</param>
/// <param name="Name">Display name.</param>
/// <param name="Role">The role.</param>
/// <param name="OrganisationId">The city, county or city-direct unit the role belongs to.</param>
/// <param name="EnterpriseId">For a union chair or employer representative, their enterprise.</param>
public sealed record CurrentUser(string UserId, string Name, Role Role, Guid OrganisationId, Guid? EnterpriseId = null);

/// <summary>Gives handlers the caller; the web host sets it from the signed-in account, the CLI from its options.</summary>
public interface ICurrentUserAccessor
{
    /// <summary>The caller, or null when nobody is signed in.</summary>
    CurrentUser? User { get; }
}

/// <summary>A fixed caller, for the CLI, the demo and tests.</summary>
public sealed class FixedCurrentUser(CurrentUser? user) : ICurrentUserAccessor
{
    public CurrentUser? User { get; set; } = user;
}

/// <summary>The caller for handlers of <see cref="IAuthorisedRequest"/>s, which only run once someone is signed in.</summary>
public static class CurrentUserAccessorExtensions
{
    /// <summary>The caller; forbidden when nobody is signed in.</summary>
    public static CurrentUser Caller(this ICurrentUserAccessor users) => users.User ?? throw DomainException.Forbidden("请先登录");
}
