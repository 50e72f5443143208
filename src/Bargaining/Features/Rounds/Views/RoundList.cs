using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Views;

/// <summary>
/// The one list of rounds every screen uses, scoped by the caller's role: a union chair or employer representative
/// sees their enterprise's rounds; county staff their county's; an instructor (集体协商指导员) the rounds of the
/// enterprises currently assigned to them (their work list; a single round of the county stays readable through
/// <see cref="RoundTimelineQuery"/>); a reviewer the rounds filed in its area (Art 42–47); a coordinator the rounds
/// in coordination in its area (Art 49–54); the city union everything. Newest first.
/// </summary>
public sealed record RoundListQuery : IQuery<RoundList>, IAuthorisedRequest
{
    /// <summary>Only this county-level union or city-direct unit.</summary>
    public Guid? OrganisationId { get; init; }
    /// <summary>Only this enterprise.</summary>
    public Guid? EnterpriseId { get; init; }
    /// <summary>Only offers made in this campaign (集中要约).</summary>
    public Guid? CampaignId { get; init; }
    /// <summary>Only rounds at this stage.</summary>
    public RoundStage? Stage { get; init; }
    /// <summary>Only rounds past a deadline.</summary>
    public bool OverdueOnly { get; init; }
    /// <summary>Only enterprises of this industry (exact, e.g. 制造业).</summary>
    public string? Industry { get; init; }
    /// <summary>Only enterprises of this size.</summary>
    public SizeBand? Size { get; init; }
    /// <summary>Only rounds where the caller's side or role may act now (the workflow's available signals).</summary>
    public bool AwaitingMe { get; init; }
    /// <summary>Part of the enterprise's name.</summary>
    public string? Search { get; init; }
    /// <summary>Page, from 1.</summary>
    public int Page { get; init; } = 1;
    /// <summary>Rows per page (1–200).</summary>
    public int PageSize { get; init; } = 50;

    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        if (OrganisationId is not { } unit) return;
        var name = await db.Organisations.Where(o => o.Id == unit).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("该单位");
        if (user.Role == Role.CityAdministrator || unit == user.OrganisationId) return;
        throw DomainException.Forbidden($"您无权查看“{name}”的集体协商：只有本单位工作人员和市总工会可以查看");
    }
}

/// <summary>A page of rounds and how many there are in all.</summary>
public sealed record RoundList(IReadOnlyList<RoundListRow> Rows, int Total, int Page, int PageSize);

/// <summary>
/// One round: its enterprise and unit, kind, where it stands, its last day, days late, who must act next, and
/// whether the caller (county staff or instructor of its county) may urge an overdue reply from the list.
/// </summary>
public sealed record RoundListRow(
    Guid RoundId,
    Guid EnterpriseId,
    string Enterprise,
    Guid OrganisationId,
    string Unit,
    RoundKind Kind,
    string KindName,
    RoundStage Stage,
    string StageName,
    string Step,
    DateOnly? LastDay,
    int? DaysLate,
    IReadOnlyList<string> NextActors,
    bool AwaitingMe,
    DateTimeOffset CreatedAt,
    bool MayUrge = false);

/// <summary>Validates <see cref="RoundListQuery"/>.</summary>
public sealed class RoundListQueryValidator : AbstractValidator<RoundListQuery>
{
    public RoundListQueryValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("页码应从1开始");
        RuleFor(x => x.PageSize).InclusiveBetween(1, Paging.Largest).WithMessage($"每页条数应在1至{Paging.Largest}之间");
        RuleFor(x => x.Search).MaximumLength(100).WithMessage("企业名称关键字不能超过100个字");
        RuleFor(x => x.Industry).MaximumLength(100).WithMessage("行业不能超过100个字");
        RuleFor(x => x.Stage).IsInEnum().WithMessage("协商阶段无效");
        RuleFor(x => x.Size).IsInEnum().WithMessage("企业规模无效");
    }
}

/// <summary>
/// Handles <see cref="RoundListQuery"/> from the rounds' summaries (<see cref="RoundProgress"/>): the database filters
/// by stage, overdue and who may act, counts and pages them in their order, and the page's rows are read from the
/// summaries with their rounds, enterprises and units (<see cref="RoundStatusReader"/>). Only rounds whose earliest
/// deadline has lapsed with its timer not fired yet are described from their workflows, as "awaiting me" decides
/// on them.
/// </summary>
public sealed class RoundListHandler(BargainingDbContext db, RoundStatusReader statuses, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<RoundListQuery, RoundList>
{
    public async Task<RoundList> Handle(RoundListQuery request, CancellationToken cancellationToken)
    {
        var user = users.Caller();
        if (request.CampaignId is { } campaign && !await db.Campaigns.AnyAsync(c => c.Id == campaign, cancellationToken))
            throw DomainException.NotFound("该集中要约行动");
        var now = workflow.Now.ToUniversalTime();
        var role = RoundAccess.WorkflowRole(user.Role);
        var rounds = Scoped(db, user, request);
        if (request.Stage is { } stage) rounds = rounds.Where(p => p.Stage == stage);
        if (request.OverdueOnly) rounds = rounds.Where(p => p.OverdueFrom <= now);
        if (request.AwaitingMe)
        {
            var pattern = RoundProgress.RolePattern(role ?? "");
            IReadOnlyList<ListedRound> lapsed = role is null ? [] : await ListedAsync(rounds.Where(p => p.DueAt <= now), cancellationToken);
            var mine = (await statuses.ReadAsync(lapsed, cancellationToken)).Where(s => s.Value.NextRoles.Contains(role!)).Select(s => s.Key).ToList();
            rounds = rounds.Where(p => ((p.DueAt == null || p.DueAt > now) && p.AwaitedRoles.Contains(pattern)) || mine.Contains(p.RoundId));
        }

        var skip = (request.Page - 1) * request.PageSize;
        var page = await (from p in rounds.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.RoundId).Skip(skip).Take(request.PageSize)
                          join r in db.Rounds on p.RoundId equals r.Id
                          join e in db.Enterprises on p.EnterpriseId equals e.Id
                          join o in db.Organisations on p.OrganisationId equals o.Id
                          orderby p.CreatedAt descending, p.RoundId descending
                          select new { Summary = p, r.Kind, r.Jurisdiction, r.WorkflowInstanceId, r.CreatedAt, Enterprise = e.Name, Unit = o.Name })
            .AsNoTracking().ToListAsync(cancellationToken);
        var total = await Paging.TotalAsync(rounds, skip, request.PageSize, page.Count, cancellationToken);
        var status = await statuses.ReadAsync([.. page.Select(x => new ListedRound(x.Summary, x.Jurisdiction, x.WorkflowInstanceId))], cancellationToken);
        return new RoundList([.. page.Select(x =>
        {
            var s = status[x.Summary.RoundId];
            return new RoundListRow(x.Summary.RoundId, x.Summary.EnterpriseId, x.Enterprise, x.Summary.OrganisationId, x.Unit, x.Kind, x.Kind.Chinese(),
                s.Stage, s.Stage.Chinese(), s.Step, s.LastDay, s.DaysLate, s.NextActors,
                role is not null && s.NextRoles.Contains(role), x.CreatedAt, role == WorkflowRoles.CountyUnion && s.CountyMayUrge);
        })], total, request.Page, request.PageSize);
    }

    /// <summary>The rounds of <paramref name="rounds"/> with what <see cref="RoundStatusReader"/> needs to describe them.</summary>
    private async Task<IReadOnlyList<ListedRound>> ListedAsync(IQueryable<RoundProgress> rounds, CancellationToken ct) =>
        await (from p in rounds
               join r in db.Rounds on p.RoundId equals r.Id
               select new ListedRound(p, r.Jurisdiction, r.WorkflowInstanceId)).AsNoTracking().ToListAsync(ct);

    /// <summary>
    /// The summaries of the rounds the caller may list (<see cref="EnterpriseScope.Rounds"/>), with the filters of
    /// <paramref name="request"/> that are not about where a round stands.
    /// </summary>
    internal static IQueryable<RoundProgress> Scoped(BargainingDbContext db, CurrentUser user, RoundListQuery request)
    {
        var rounds = EnterpriseScope.Rounds(db, user, request.OrganisationId, request.Industry, request.Size, request.Search);
        if (request.EnterpriseId is { } enterpriseId) rounds = rounds.Where(p => p.EnterpriseId == enterpriseId);
        if (request.CampaignId is { } campaign) rounds = rounds.Where(p => db.Rounds.Any(r => r.Id == p.RoundId && r.Offer.CampaignId == campaign));
        // A reviewer sees what was filed with it, including contracts it objected to and that are back at the table.
        if (user.Role == Role.Reviewer) rounds = rounds.Where(p => db.Rounds.Any(r => r.Id == p.RoundId && (r.Filing.ReceivedOn != null || r.Review.ObjectedAt != null)));
        if (user.Role == Role.Coordinator) rounds = rounds.Where(p => db.Rounds.Any(r => r.Id == p.RoundId && r.Coordination.AppliedAt != null));
        return rounds;
    }
}

/// <summary>The enterprises a caller may list, and their rounds' summaries, in one place for the round and enterprise lists.</summary>
internal static class EnterpriseScope
{
    /// <summary>
    /// The caller's enterprises (see <see cref="RoundListQuery"/> for who sees what), narrowed by unit,
    /// size, part of the industry and part of the name.
    /// </summary>
    public static IQueryable<Enterprise> Of(BargainingDbContext db, CurrentUser user, Guid? organisationId, string? industry, SizeBand? size, string? search)
    {
        var enterprises = db.Enterprises.AsNoTracking();
        enterprises = user.Role switch
        {
            Role.CityAdministrator => enterprises,
            Role.UnionChair or Role.EmployerRepresentative => enterprises.Where(e => e.Id == user.EnterpriseId),
            Role.Instructor => enterprises.Where(e => e.OrganisationId == user.OrganisationId
                && db.InstructorAssignments.Any(a => a.EnterpriseId == e.Id && a.EndedAt == null && a.InstructorUserId == user.UserId)),
            _ => enterprises.Where(e => e.OrganisationId == user.OrganisationId),
        };
        if (organisationId is { } unit) enterprises = enterprises.Where(e => e.OrganisationId == unit);
        return Described(enterprises, industry, size, search);
    }

    /// <summary>
    /// The summaries of the rounds of the enterprises <see cref="Of"/> gives. The same scope, written on the summaries
    /// (which carry their enterprise's unit) so that the database counts and pages them from their own indexes; the
    /// enterprises are read only for the filters on them.
    /// </summary>
    public static IQueryable<RoundProgress> Rounds(BargainingDbContext db, CurrentUser user, Guid? organisationId, string? industry, SizeBand? size, string? search)
    {
        var rounds = db.RoundProgress.AsNoTracking();
        rounds = user.Role switch
        {
            Role.CityAdministrator => rounds,
            Role.UnionChair or Role.EmployerRepresentative => rounds.Where(p => p.EnterpriseId == user.EnterpriseId),
            Role.Instructor => rounds.Where(p => p.OrganisationId == user.OrganisationId
                && db.InstructorAssignments.Any(a => a.EnterpriseId == p.EnterpriseId && a.EndedAt == null && a.InstructorUserId == user.UserId)),
            _ => rounds.Where(p => p.OrganisationId == user.OrganisationId),
        };
        if (organisationId is { } unit) rounds = rounds.Where(p => p.OrganisationId == unit);
        if (string.IsNullOrWhiteSpace(industry) && size is null && string.IsNullOrWhiteSpace(search)) return rounds;
        var enterprises = Described(db.Enterprises, industry, size, search);
        return rounds.Where(p => enterprises.Any(e => e.Id == p.EnterpriseId));
    }

    /// <summary>Enterprises of part of <paramref name="industry"/>, of <paramref name="size"/>, with part of <paramref name="search"/> in the name.</summary>
    private static IQueryable<Enterprise> Described(IQueryable<Enterprise> enterprises, string? industry, SizeBand? size, string? search)
    {
        // Upper-cased on both providers (SQLite's instr and PostgreSQL's strpos both tell case apart): "abb" finds ABB机电;
        // Chinese text has no case and matches as typed.
        if (!string.IsNullOrWhiteSpace(industry)) enterprises = enterprises.Where(e => e.Industry.ToUpper().Contains(industry.Trim().ToUpper()));
        if (size is { } band)
        {
            var (min, max) = band.Range();
            enterprises = enterprises.Where(e => e.Employees >= min && e.Employees <= max);
        }
        if (!string.IsNullOrWhiteSpace(search)) enterprises = enterprises.Where(e => e.Name.ToUpper().Contains(search.Trim().ToUpper()));
        return enterprises;
    }
}
