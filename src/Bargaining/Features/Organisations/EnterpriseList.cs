using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Organisations;

/// <summary>
/// A county's enterprises with their latest round and instructor, for county staff (their county), instructors (the
/// enterprises assigned to them) and the city union (all, or one unit). By name.
/// </summary>
public sealed record EnterpriseListQuery : IQuery<EnterpriseList>, IAuthorisedRequest
{
    /// <summary>Only this county-level union or city-direct unit.</summary>
    public Guid? OrganisationId { get; init; }
    /// <summary>Only enterprises whose latest round is at this stage.</summary>
    public RoundStage? Stage { get; init; }
    /// <summary>Only enterprises that have never started a round.</summary>
    public bool WithoutRound { get; init; }
    /// <summary>Only enterprises whose latest round is past a deadline.</summary>
    public bool OverdueOnly { get; init; }
    /// <summary>Only this industry (exact, e.g. 制造业).</summary>
    public string? Industry { get; init; }
    /// <summary>Only this size.</summary>
    public SizeBand? Size { get; init; }
    /// <summary>Only enterprises assigned to this instructor (user id).</summary>
    public string? InstructorUserId { get; init; }
    /// <summary>Part of the name.</summary>
    public string? Search { get; init; }
    /// <summary>Page, from 1.</summary>
    public int Page { get; init; } = 1;
    /// <summary>Rows per page (1–200).</summary>
    public int PageSize { get; init; } = 50;

    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        if (user.Role is not (Role.CityAdministrator or Role.CountyStaff or Role.Instructor))
            throw DomainException.Forbidden("只有县级总工会、集体协商指导员和市总工会可以查看企业名单");
        if (OrganisationId is not { } unit) return;
        var name = await db.Organisations.Where(o => o.Id == unit).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("该单位");
        if (user.Role == Role.CityAdministrator || unit == user.OrganisationId) return;
        throw DomainException.Forbidden($"您无权查看“{name}”的企业名单：只有本单位工作人员和市总工会可以查看");
    }
}

/// <summary>A page of enterprises and how many there are in all.</summary>
public sealed record EnterpriseList(IReadOnlyList<EnterpriseListRow> Rows, int Total, int Page, int PageSize);

/// <summary>
/// One enterprise: its figures, its current instructor, and where its latest round stands (null fields when it has
/// none).
/// </summary>
public sealed record EnterpriseListRow(
    Guid EnterpriseId,
    string Name,
    string CreditCode,
    Guid OrganisationId,
    string Unit,
    string Industry,
    int Employees,
    SizeBand Size,
    string SizeName,
    string? InstructorUserId,
    string? InstructorName,
    Guid? LatestRoundId,
    RoundKind? LatestKind,
    RoundStage? Stage,
    string? StageName,
    string? Step,
    DateOnly? LastDay,
    int? DaysLate);

/// <summary>Validates <see cref="EnterpriseListQuery"/>.</summary>
public sealed class EnterpriseListQueryValidator : AbstractValidator<EnterpriseListQuery>
{
    public EnterpriseListQueryValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("页码应从1开始");
        RuleFor(x => x.PageSize).InclusiveBetween(1, Paging.Largest).WithMessage($"每页条数应在1至{Paging.Largest}之间");
        RuleFor(x => x.Search).MaximumLength(100).WithMessage("企业名称关键字不能超过100个字");
        RuleFor(x => x.Industry).MaximumLength(100).WithMessage("行业不能超过100个字");
        RuleFor(x => x.InstructorUserId).MaximumLength(100).WithMessage("指导员账号不能超过100个字符");
        RuleFor(x => x.Stage).IsInEnum().WithMessage("协商阶段无效");
        RuleFor(x => x.Size).IsInEnum().WithMessage("企业规模无效");
        RuleFor(x => x).Must(x => !(x.WithoutRound && (x.Stage is not null || x.OverdueOnly)))
            .WithName("WithoutRound").WithMessage("“未发起协商”不能与协商阶段或逾期条件同时使用");
    }
}

/// <summary>
/// Handles <see cref="EnterpriseListQuery"/>: the database filters enterprises by the stage and overdue of their latest
/// round's summary (<see cref="RoundProgress"/>), counts them and pages them by name; the page's rows are read with
/// their unit, current instructor and latest round, where it stands taken from the summary
/// (<see cref="RoundStatusReader"/>).
/// </summary>
public sealed class EnterpriseListHandler(BargainingDbContext db, RoundStatusReader statuses, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<EnterpriseListQuery, EnterpriseList>
{
    public async Task<EnterpriseList> Handle(EnterpriseListQuery request, CancellationToken cancellationToken)
    {
        var user = users.Caller();
        var now = workflow.Now.ToUniversalTime();
        IQueryable<RoundProgress> Standing(IQueryable<RoundProgress> rounds)
        {
            rounds = rounds.Where(p => p.Latest);
            if (request.Stage is { } stage) rounds = rounds.Where(p => p.Stage == stage);
            if (request.OverdueOnly) rounds = rounds.Where(p => p.OverdueFrom <= now);
            return rounds;
        }

        var enterprises = EnterpriseScope.Of(db, user, request.OrganisationId, request.Industry, request.Size, request.Search);
        // Their latest rounds' summaries: the same enterprises once a stage or overdue filter asks for a round.
        var latest = Standing(EnterpriseScope.Rounds(db, user, request.OrganisationId, request.Industry, request.Size, request.Search));
        if (request.InstructorUserId is { } instructor)
        {
            enterprises = enterprises.Where(e => db.InstructorAssignments.Any(a => a.EnterpriseId == e.Id && a.EndedAt == null && a.InstructorUserId == instructor));
            latest = latest.Where(p => db.InstructorAssignments.Any(a => a.EnterpriseId == p.EnterpriseId && a.EndedAt == null && a.InstructorUserId == instructor));
        }
        if (request.WithoutRound) enterprises = enterprises.Where(e => !db.Rounds.Any(r => r.EnterpriseId == e.Id));
        var filtered = request is { Stage: not null } or { OverdueOnly: true };
        // Probed by enterprise only: with the unit in the probe too the database scans the unit's summaries per enterprise.
        var standing = Standing(db.RoundProgress);
        if (filtered) enterprises = enterprises.Where(e => standing.Any(p => p.EnterpriseId == e.Id));

        var skip = (request.Page - 1) * request.PageSize;
        // The enterprises with their latest round's summary. Every row of a list filtered by where the round stands (an
        // export) is found from the summaries' index on the unit and stage, then sorted: walking the unit's enterprises
        // by name and probing each pays for every enterprise of the unit. A page walks by name and stops when it is full.
        var listed = filtered && request.PageSize == Paging.Every
            ? from p in latest join e in db.Enterprises on p.EnterpriseId equals e.Id select new { e, p = (RoundProgress?)p }
            : from e in enterprises.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip(skip).Take(request.PageSize)
              from p in db.RoundProgress.Where(p => p.EnterpriseId == e.Id && p.Latest).DefaultIfEmpty()
              select new { e, p };
        var page = await (from x in listed
                          let e = x.e
                          let p = x.p
                          join o in db.Organisations on e.OrganisationId equals o.Id
                          from a in db.InstructorAssignments.Where(a => a.EnterpriseId == e.Id && a.EndedAt == null).DefaultIfEmpty()
                          from r in db.Rounds.Where(r => p != null && r.Id == p.RoundId).DefaultIfEmpty()
                          orderby e.Name, e.Id
                          select new
                          {
                              e.Id, e.Name, e.CreditCode, e.OrganisationId, Unit = o.Name, e.Industry, e.Employees, a.InstructorUserId, a.InstructorName,
                              Summary = p, Kind = (RoundKind?)r.Kind, r.Jurisdiction, WorkflowInstanceId = (Guid?)r.WorkflowInstanceId,
                          })
            .AsNoTracking().ToListAsync(cancellationToken);
        // Counted from the summaries' indexes when filtered (each enterprise has one latest round), not probed per enterprise.
        var total = filtered
            ? await Paging.TotalAsync(latest, skip, request.PageSize, page.Count, cancellationToken)
            : await Paging.TotalAsync(enterprises, skip, request.PageSize, page.Count, cancellationToken);
        var status = await statuses.ReadAsync([.. page.Where(x => x.Summary is not null).Select(x => new ListedRound(x.Summary!, x.Jurisdiction!, x.WorkflowInstanceId!.Value))],
            cancellationToken);
        return new EnterpriseList([.. page.Select(x =>
        {
            var s = x.Summary is null ? null : status[x.Summary.RoundId];
            var size = Enum.GetValues<SizeBand>().First(b => x.Employees <= b.Range().Max);
            return new EnterpriseListRow(x.Id, x.Name, x.CreditCode, x.OrganisationId, x.Unit, x.Industry, x.Employees, size, size.Chinese(),
                x.InstructorUserId, x.InstructorName, x.Summary?.RoundId, x.Kind, s?.Stage, s?.Stage.Chinese(), s?.Step, s?.LastDay, s?.DaysLate);
        })], total, request.Page, request.PageSize);
    }
}
