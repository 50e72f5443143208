using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Views;

/// <summary>
/// A reviewer's queue (人社部门审查, Art 44–47): the contracts filed in its area and under review now, the most urgent
/// first. Without an objection by the last day the contract takes effect (Art 47).
/// </summary>
public sealed record ReviewQueueQuery : IQuery<IReadOnlyList<ReviewQueueRow>>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.Reviewer ? Task.CompletedTask : throw DomainException.Forbidden("只有劳动保障行政部门的审查人员可以查看待审查的集体合同（《集体合同规定》第四十四条）");
}

/// <summary>
/// A filed contract: the day the filing was received, whether it came after the filing period (Art 42), the review's
/// last day (15 days from receipt, extended past rest days, Art 47) and the days left including today's
/// (0 on the last day).
/// </summary>
public sealed record ReviewQueueRow(Guid RoundId, Guid EnterpriseId, string Enterprise, RoundKind Kind, string KindName, DateOnly FiledOn, bool FiledLate, DateOnly ReviewLastDay, int DaysLeft);

/// <summary>Handles <see cref="ReviewQueueQuery"/> with the rounds and their workflow states read in one query.</summary>
public sealed class ReviewQueueHandler(BargainingDbContext db, WorkflowEngine engine, RoundWorkflow workflow, ICurrentUserAccessor users)
    : IRequestHandler<ReviewQueueQuery, IReadOnlyList<ReviewQueueRow>>
{
    public async Task<IReadOnlyList<ReviewQueueRow>> Handle(ReviewQueueQuery request, CancellationToken cancellationToken)
    {
        var filed = await (from p in RoundListHandler.Scoped(db, users.Caller(), new RoundListQuery())
                           join r in db.Rounds on p.RoundId equals r.Id
                           where r.Filing.ReceivedOn != null
                           join e in db.Enterprises on p.EnterpriseId equals e.Id
                           join w in db.Set<WorkflowInstanceRecord>() on r.WorkflowInstanceId equals w.Id
                           where w.Status == WorkflowStatus.Running
                           select new { Round = r, Enterprise = e.Name, Workflow = w }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. filed
            .Select(x => (x.Round, x.Enterprise, Review: engine.Describe(x.Workflow).Snapshot.Steps.FirstOrDefault(s => s.Node == Nodes.Review)))
            .Where(x => x.Review?.LastDay is not null)
            .Select(x =>
            {
                var (round, lastDay) = (x.Round, x.Review!.LastDay!.Value);
                return new ReviewQueueRow(round.Id, round.EnterpriseId, x.Enterprise, round.Kind, round.Kind.Chinese(),
                    round.Filing.ReceivedOn!.Value, round.Filing.Late == true, lastDay, lastDay.DayNumber - workflow.Today(round).DayNumber);
            })
            .OrderBy(r => r.ReviewLastDay).ThenBy(r => r.Enterprise, StringComparer.Ordinal)];
    }
}
