using Bargaining.Domain;
using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds;

/// <summary>
/// Who may act in a round, in one place: a union chair for the worker side of their own enterprise, an employer
/// representative for the employer side of their own enterprise, county staff for the enterprises of their county.
/// </summary>
public static class RoundAccess
{
    /// <summary>Throws forbidden unless <paramref name="user"/> may act for <paramref name="side"/> of the round's enterprise.</summary>
    public static async Task AuthoriseSideAsync(CurrentUser user, BargainingDbContext db, Guid roundId, Side side, CancellationToken ct)
    {
        var enterpriseId = (await db.RoundAsync(roundId, ct)).EnterpriseId;
        await AuthoriseSideOfEnterpriseAsync(user, db, enterpriseId, side, ct);
    }

    /// <summary>As <see cref="AuthoriseSideAsync"/>, for the round a topic belongs to.</summary>
    public static async Task AuthoriseTopicSideAsync(CurrentUser user, BargainingDbContext db, Guid topicId, Side side, CancellationToken ct)
    {
        var roundId = await db.Topics.Where(t => t.Id == topicId).Select(t => (Guid?)t.RoundId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("该议题");
        await AuthoriseSideAsync(user, db, roundId, side, ct);
    }

    /// <summary>
    /// Throws forbidden unless <paramref name="user"/> may start a round of the enterprise offered by <paramref name="side"/>:
    /// that side of the enterprise, or county staff of its county.
    /// </summary>
    public static async Task AuthoriseStarterAsync(CurrentUser user, BargainingDbContext db, Guid enterpriseId, Side side, CancellationToken ct)
    {
        if (user.Role == Role.CountyStaff && await db.Enterprises.AnyAsync(e => e.Id == enterpriseId && e.OrganisationId == user.OrganisationId, ct)) return;
        if (user.Role is Role.UnionChair or Role.EmployerRepresentative)
        {
            await AuthoriseSideOfEnterpriseAsync(user, db, enterpriseId, side, ct);
            return;
        }
        throw DomainException.Forbidden($"您无权为{await EnterpriseNameAsync(user, db, enterpriseId, ct)}发起集体协商：只有本企业工会主席、企业方代表或所在县级总工会工作人员可以发起");
    }

    /// <summary>Throws forbidden unless <paramref name="user"/> may act for <paramref name="side"/> of the enterprise.</summary>
    public static async Task AuthoriseSideOfEnterpriseAsync(CurrentUser user, BargainingDbContext db, Guid enterpriseId, Side side, CancellationToken ct)
    {
        var role = side == Side.Worker ? Role.UnionChair : Role.EmployerRepresentative;
        if (user.Role == role && user.EnterpriseId == enterpriseId) return;
        var name = await EnterpriseNameAsync(user, db, enterpriseId, ct);
        throw DomainException.Forbidden(side == Side.Worker
            ? $"您无权代表{name}的职工方：只有本企业工会主席可以代表职工方"
            : $"您无权代表{name}的企业方：只有本企业的企业方代表可以代表企业方");
    }

    /// <summary>
    /// Throws forbidden unless <paramref name="user"/> is a reviewer (人社部门, Art 44) of the round's enterprise's
    /// county-level area.
    /// </summary>
    public static async Task AuthoriseReviewerAsync(CurrentUser user, BargainingDbContext db, Guid roundId, CancellationToken ct)
    {
        var enterpriseId = (await db.RoundAsync(roundId, ct)).EnterpriseId;
        if (user.Role == Role.Reviewer && await db.Enterprises.AnyAsync(e => e.Id == enterpriseId && e.OrganisationId == user.OrganisationId, ct)) return;
        throw DomainException.Forbidden("您无权审查该企业的集体合同：只有企业所在地的劳动保障行政部门可以审查（《集体合同规定》第四十四条）");
    }

    /// <summary>
    /// Throws forbidden unless <paramref name="user"/> is a dispute coordinator (协调处理, Art 50–51) of the round's
    /// enterprise's county-level area.
    /// </summary>
    public static async Task AuthoriseCoordinatorAsync(CurrentUser user, BargainingDbContext db, Guid roundId, CancellationToken ct)
    {
        var enterpriseId = (await db.RoundAsync(roundId, ct)).EnterpriseId;
        if (user.Role == Role.Coordinator && await db.Enterprises.AnyAsync(e => e.Id == enterpriseId && e.OrganisationId == user.OrganisationId, ct)) return;
        throw DomainException.Forbidden("您无权协调处理该企业的集体协商争议：只有企业所在地劳动保障行政部门组织的协调处理机构可以处理（《集体合同规定》第五十条、第五十一条）");
    }

    /// <summary>
    /// Throws forbidden unless <paramref name="user"/> may see the round: either side of the enterprise, county staff
    /// of its county, or the city union.
    /// </summary>
    public static async Task AuthoriseReaderAsync(CurrentUser user, BargainingDbContext db, Guid enterpriseId, CancellationToken ct)
    {
        if (user.Role == Role.CityAdministrator) return;
        if (user.Role is Role.UnionChair or Role.EmployerRepresentative && user.EnterpriseId == enterpriseId) return;
        // The county's reviewers and coordinators read the rounds they review or coordinate (Art 42–54).
        if (user.Role is Role.CountyStaff or Role.Instructor or Role.Reviewer or Role.Coordinator
            && await db.Enterprises.AnyAsync(e => e.Id == enterpriseId && e.OrganisationId == user.OrganisationId, ct)) return;
        // The refusal does not name the enterprise: someone outside it should not learn whose round an id is.
        throw DomainException.Forbidden("您无权查看该企业的集体协商：只有本企业的双方、所属县级工会和市总工会可以查看");
    }

    /// <summary>As <see cref="AuthoriseReaderAsync"/>, for a round.</summary>
    public static async Task AuthoriseRoundReaderAsync(CurrentUser user, BargainingDbContext db, Guid roundId, CancellationToken ct) =>
        await AuthoriseReaderAsync(user, db, await EnterpriseOfAsync(db, roundId, ct), ct);

    /// <summary>County staff or an instructor of the unit the round's enterprise belongs to (the county union's steps).</summary>
    public static async Task AuthoriseCountyUnionAsync(CurrentUser user, BargainingDbContext db, Guid roundId, string action, CancellationToken ct)
    {
        if (user.Role is not (Role.CountyStaff or Role.Instructor)) throw DomainException.Forbidden($"只有县级工会工作人员或集体协商指导员可以{action}");
        var organisation = await db.Rounds.Where(r => r.Id == roundId).Join(db.Enterprises, r => r.EnterpriseId, e => e.Id, (_, e) => (Guid?)e.OrganisationId)
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("该轮协商");
        if (organisation != user.OrganisationId) throw DomainException.Forbidden($"您只能为本单位所属企业的协商{action}");
    }

    /// <summary>The role the workflow definitions give a product role; the city union only watches.</summary>
    public static string? WorkflowRole(Role role) => role switch
    {
        Role.UnionChair => WorkflowRoles.Union,
        Role.EmployerRepresentative => WorkflowRoles.Employer,
        Role.CountyStaff or Role.Instructor => WorkflowRoles.CountyUnion,
        Role.Reviewer => WorkflowRoles.Reviewer,
        Role.Coordinator => WorkflowRoles.Coordinator,
        _ => null,
    };

    /// <summary>
    /// The enterprise of a round, for a reader; not found when there is no such round. A command's checks load the
    /// round itself (<see cref="BargainingDbContext.RoundAsync"/>), tracked, which its handler then finds without a query.
    /// </summary>
    private static async Task<Guid> EnterpriseOfAsync(BargainingDbContext db, Guid roundId, CancellationToken ct) =>
        await db.Rounds.Where(r => r.Id == roundId).Select(r => (Guid?)r.EnterpriseId).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("该轮协商");

    /// <summary>
    /// How a refusal names the enterprise: “name” to someone of that enterprise, 该企业 to anyone else, who should not
    /// learn whose round or enterprise an id is; not found when there is no such enterprise.
    /// </summary>
    private static async Task<string> EnterpriseNameAsync(CurrentUser user, BargainingDbContext db, Guid enterpriseId, CancellationToken ct)
    {
        var name = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.Name).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("该企业");
        return user.EnterpriseId == enterpriseId ? $"“{name}”" : "该企业";
    }
}
