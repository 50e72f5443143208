using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Workflows.Persistence;
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
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200).WithMessage("每页条数应在1至200之间");
        RuleFor(x => x.Search).MaximumLength(100).WithMessage("企业名称关键字不能超过100个字");
        RuleFor(x => x.Industry).MaximumLength(100).WithMessage("行业不能超过100个字");
        RuleFor(x => x.Stage).IsInEnum().WithMessage("协商阶段无效");
        RuleFor(x => x.Size).IsInEnum().WithMessage("企业规模无效");
    }
}

/// <summary>
/// Handles <see cref="RoundListQuery"/>: the database filters by stage and overdue on the rounds' summaries
/// (<see cref="RoundProgress"/>), counts and pages; the page's rounds are described from their workflows, read in
/// one more query. "Awaiting me" is decided on the workflow itself, for the rounds the summary names the caller's
/// role in or whose deadline has lapsed since (the roles may have changed before the timer fires).
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
        var sources = Scoped(db, user, request);
        if (request.Stage is { } stage) sources = sources.Where(x => x.Progress.Stage == stage);
        if (request.OverdueOnly) sources = sources.Where(x => x.Progress.OverdueFrom <= now);
        if (request.AwaitingMe)
        {
            var pattern = RoundProgress.RolePattern(role ?? "");
            sources = sources.Where(x => x.Progress.AwaitedRoles.Contains(pattern) || x.Progress.DueAt <= now);
        }
        var query = sources.AsNoTracking().OrderByDescending(x => x.Round.CreatedAt).ThenByDescending(x => x.Round.Id);

        var skip = (request.Page - 1) * request.PageSize;
        if (!request.AwaitingMe)
        {
            var total = await query.CountAsync(cancellationToken);
            var page = await query.Skip(skip).Take(request.PageSize).ToListAsync(cancellationToken);
            return new RoundList(await RowsAsync(page, role, cancellationToken), total, request.Page, request.PageSize);
        }
        var rows = (await RowsAsync(await query.ToListAsync(cancellationToken), role, cancellationToken)).Where(r => r.AwaitingMe).ToList();
        return new RoundList([.. rows.Skip(skip).Take(request.PageSize)], rows.Count, request.Page, request.PageSize);
    }

    /// <summary>The rows of <paramref name="sources"/>, described from their workflows (read in one query).</summary>
    private async Task<IReadOnlyList<RoundListRow>> RowsAsync(IReadOnlyList<RoundSource> sources, string? role, CancellationToken ct)
    {
        var ids = sources.Select(x => x.Round.WorkflowInstanceId).ToList();
        var workflows = await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        return [.. sources.Select(x =>
        {
            var status = statuses.Read(x.Round, workflows[x.Round.WorkflowInstanceId]);
            return new RoundListRow(x.Round.Id, x.Enterprise.Id, x.Enterprise.Name, x.Unit.Id, x.Unit.Name, x.Round.Kind, x.Round.Kind.Chinese(),
                status.Stage, status.Stage.Chinese(), status.Step, status.LastDay, status.DaysLate, status.NextActors,
                role is not null && status.NextRoles.Contains(role), x.Round.CreatedAt, role == WorkflowRoles.CountyUnion && status.CountyMayUrge);
        })];
    }

    /// <summary>The rounds the caller may list, with the filters the database can apply.</summary>
    internal static IQueryable<RoundSource> Scoped(BargainingDbContext db, CurrentUser user, RoundListQuery request)
    {
        var enterprises = EnterpriseScope.Of(db, user, request.OrganisationId, request.Industry, request.Size, request.Search);
        if (request.EnterpriseId is { } enterpriseId) enterprises = enterprises.Where(e => e.Id == enterpriseId);
        var rounds = db.Rounds.AsQueryable();
        if (request.CampaignId is { } campaign) rounds = rounds.Where(r => r.Offer.CampaignId == campaign);
        // A reviewer sees what was filed with it, including contracts it objected to and that are back at the table.
        if (user.Role == Role.Reviewer) rounds = rounds.Where(r => r.Filing.ReceivedOn != null || r.Review.ObjectedAt != null);
        if (user.Role == Role.Coordinator) rounds = rounds.Where(r => r.Coordination.AppliedAt != null);
        return from r in rounds
               join e in enterprises on r.EnterpriseId equals e.Id
               join o in db.Organisations on e.OrganisationId equals o.Id
               join p in db.RoundProgress on r.Id equals p.RoundId
               select new RoundSource { Round = r, Enterprise = e, Unit = o, Progress = p };
    }
}

/// <summary>A round with its enterprise, unit and summary, read together.</summary>
internal sealed class RoundSource
{
    public required Round Round { get; init; }
    public required Enterprise Enterprise { get; init; }
    public required Organisation Unit { get; init; }
    public required RoundProgress Progress { get; init; }
}

/// <summary>The enterprises a caller may list, in one place for the round and enterprise lists.</summary>
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
