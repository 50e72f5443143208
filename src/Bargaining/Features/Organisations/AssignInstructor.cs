using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Organisations;

/// <summary>
/// County staff assign a bargaining instructor (集体协商指导员) to enterprises of their county. The previous instructor's
/// assignment ends and stays in the history. Accounts live in the web layer: it passes the instructor's user id and
/// name, and answers for the account being an instructor of the same county (<c>AccountAdministration.AssignmentAsync</c>).
/// </summary>
public sealed record AssignInstructorCommand(IReadOnlyList<Guid> EnterpriseIds, string InstructorUserId, string InstructorName)
    : IRequest<AssignInstructorResult>, IAuthorisedRequest
{
    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        if (user.Role != Role.CountyStaff) throw DomainException.Forbidden("只有县级总工会工作人员可以指派集体协商指导员");
        // Authorised before validated: the list may be missing. Other units' enterprises are counted, never named.
        var ids = (EnterpriseIds ?? []).Distinct().ToList();
        var found = await db.Enterprises.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.OrganisationId }).ToListAsync(ct);
        if (found.Count < ids.Count) throw DomainException.NotFound("所选企业中有企业");
        var foreign = found.Count(e => e.OrganisationId != user.OrganisationId);
        if (foreign > 0) throw DomainException.Forbidden($"您只能为本县（市、区）的企业指派集体协商指导员：所选企业中有 {foreign} 家不属于本单位");
    }
}

/// <summary>How many enterprises got the instructor, and how many already had them.</summary>
public sealed record AssignInstructorResult(int Assigned, int Unchanged);

/// <summary>Validates <see cref="AssignInstructorCommand"/>.</summary>
public sealed class AssignInstructorCommandValidator : AbstractValidator<AssignInstructorCommand>
{
    public AssignInstructorCommandValidator()
    {
        RuleFor(x => x.EnterpriseIds).NotEmpty().WithMessage("请选择至少一家企业")
            .Must(ids => ids is null || ids.Count <= 1000).WithMessage("一次最多为1000家企业指派");
        RuleForEach(x => x.EnterpriseIds).NotEqual(Guid.Empty).WithMessage("企业编号无效");
        RuleFor(x => x.InstructorUserId).NotEmpty().WithMessage("请选择集体协商指导员").MaximumLength(100).WithMessage("指导员账号不能超过100个字符");
        RuleFor(x => x.InstructorName).NotEmpty().WithMessage("请填写集体协商指导员姓名").MaximumLength(50).WithMessage("指导员姓名不能超过50个字");
    }
}

/// <summary>Handles <see cref="AssignInstructorCommand"/>.</summary>
public sealed class AssignInstructorHandler(BargainingDbContext db, ICurrentUserAccessor users, TimeProvider clock) : IRequestHandler<AssignInstructorCommand, AssignInstructorResult>
{
    public async Task<AssignInstructorResult> Handle(AssignInstructorCommand request, CancellationToken cancellationToken)
    {
        var by = RoundWorkflow.Actor(users.Caller());
        var now = clock.GetUtcNow();
        var ids = request.EnterpriseIds.Distinct().ToList();
        var current = await db.InstructorAssignments.Where(a => ids.Contains(a.EnterpriseId) && a.EndedAt == null).ToDictionaryAsync(a => a.EnterpriseId, cancellationToken);
        var userId = request.InstructorUserId.Trim();
        var changed = ids.Where(id => current.GetValueOrDefault(id)?.InstructorUserId != userId).ToList();
        foreach (var id in changed) current.GetValueOrDefault(id)?.End(by, now);
        // End the old ones first: one current instructor per enterprise is a unique index.
        await db.SaveChangesAsync(cancellationToken);
        db.InstructorAssignments.AddRange(changed.Select(id => new InstructorAssignment(id, userId, request.InstructorName.Trim(), by, now)));
        return new AssignInstructorResult(changed.Count, ids.Count - changed.Count);
    }
}

/// <summary>The instructors an enterprise has had, newest first; for whoever may see its rounds.</summary>
public sealed record InstructorHistoryQuery(Guid EnterpriseId) : IQuery<IReadOnlyList<InstructorAssignmentRow>>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseReaderAsync(user, db, EnterpriseId, ct);
}

/// <summary>One assignment: the instructor, who assigned them and when, and until when (null while current).</summary>
public sealed record InstructorAssignmentRow(string InstructorUserId, string InstructorName, string AssignedBy, DateTimeOffset AssignedAt, DateTimeOffset? EndedAt);

/// <summary>Handles <see cref="InstructorHistoryQuery"/>.</summary>
public sealed class InstructorHistoryHandler(BargainingDbContext db) : IRequestHandler<InstructorHistoryQuery, IReadOnlyList<InstructorAssignmentRow>>
{
    public async Task<IReadOnlyList<InstructorAssignmentRow>> Handle(InstructorHistoryQuery request, CancellationToken cancellationToken) =>
        (await db.InstructorAssignments.AsNoTracking().Where(a => a.EnterpriseId == request.EnterpriseId).ToListAsync(cancellationToken))
            .OrderByDescending(a => a.AssignedAt).ThenByDescending(a => a.Id)
            .Select(a => new InstructorAssignmentRow(a.InstructorUserId, a.InstructorName, a.AssignedBy[(a.AssignedBy.IndexOf(' ') + 1)..], a.AssignedAt, a.EndedAt))
            .ToList();
}
