using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;
using Bargaining.Workflows.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Calendars;

/// <summary>
/// The city union enters, corrects or imports the State Council's holiday schedule of one or more years. Each year
/// replaces the same year of the shipped calendar file. The deadlines of running rounds that count through those years
/// are counted again, each move journaled with the reason, in the same transaction (so are the round summaries).
/// </summary>
public sealed record SaveHolidaySchedulesCommand(string Calendar, IReadOnlyList<HolidayScheduleYear> Years) : IRequest<SavedHolidaySchedules>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以录入法定节假日安排");
}

/// <summary>The years saved, and the rounds whose deadlines moved.</summary>
public sealed record SavedHolidaySchedules(IReadOnlyList<int> Years, IReadOnlyList<Guid> RecountedRounds);

public sealed class SaveHolidaySchedulesValidator : AbstractValidator<SaveHolidaySchedulesCommand>
{
    /// <summary>Years one import may hold.</summary>
    public const int MaxYears = 10;

    /// <summary>The longest entry: a range of two dates with spaces around its dots.</summary>
    public const int EntryLength = 30;

    private static IReadOnlyList<string> Problems(HolidayScheduleYear year) =>
        HolidayScheduleEntries.Problems(year with { Holidays = year.Holidays ?? [], Workdays = year.Workdays ?? [] });

    public SaveHolidaySchedulesValidator(JurisdictionCatalog catalog)
    {
        RuleFor(c => c.Calendar).Must(c => c is not null && catalog.ShippedCalendars.ContainsKey(c))
            .WithMessage(c => $"没有名为“{c.Calendar}”的节假日日历；可用：{string.Join("、", catalog.ShippedCalendars.Keys)}");
        RuleFor(c => c.Years).NotEmpty().WithMessage("请至少录入一年的节假日安排")
            .Must(y => y is null || y.Count <= MaxYears).WithMessage($"一次最多录入{MaxYears}年的节假日安排")
            .Must(y => y is null || y.Select(x => x?.Year).Distinct().Count() == y.Count).WithMessage("同一年份只能录入一次");
        RuleForEach(c => c.Years).NotNull().WithMessage("请填写该年的节假日安排")
            .Must(year => year is null || Problems(year).Count == 0).WithMessage((_, year) => string.Join("；", Problems(year!)))
            .ChildRules(year =>
            {
                year.RuleForEach(y => y.Holidays).MaximumLength(EntryLength).WithMessage($"每一项放假日期不能超过{EntryLength}个字，例如 2027-02-06..2027-02-17");
                year.RuleForEach(y => y.Workdays).MaximumLength(EntryLength).WithMessage($"每一项调休上班日期不能超过{EntryLength}个字，例如 2027-02-20");
            });
    }
}

/// <summary>Handles <see cref="SaveHolidaySchedulesCommand"/>.</summary>
public sealed class SaveHolidaySchedulesHandler(BargainingDbContext db, JurisdictionCatalog catalog, WorkflowRegistry registry, WorkflowConditions conditions,
    JournalSeal seal, TimeProvider clock, ICurrentUserAccessor users) : IRequestHandler<SaveHolidaySchedulesCommand, SavedHolidaySchedules>
{
    public async Task<SavedHolidaySchedules> Handle(SaveHolidaySchedulesCommand request, CancellationToken cancellationToken)
    {
        var user = users.Caller();
        var actor = RoundWorkflow.Actor(user);
        var years = request.Years.Select(y => y.Year).Order().ToList();
        foreach (var year in request.Years)
        {
            var row = await db.HolidaySchedules.FindAsync([request.Calendar, year.Year], cancellationToken);
            if (row is null) db.HolidaySchedules.Add(row = new HolidaySchedule { Calendar = request.Calendar, Year = year.Year });
            row.Holidays = string.Join('\n', year.Holidays.Select(e => e.Trim()));
            row.Workdays = string.Join('\n', year.Workdays.Select(e => e.Trim()));
            row.EnteredAt = clock.GetUtcNow();
            row.EnteredBy = actor;
        }
        await db.SaveChangesAsync(cancellationToken);

        // The calendars change for everyone from here; a failure before the commit puts the ones before back.
        var before = catalog.Entered;
        try
        {
            await HolidaySchedules.LoadAsync(db, catalog, cancellationToken);
            return new SavedHolidaySchedules(years, await RecountAsync(years[0], $"{string.Join("、", years)}年节假日安排由{user.Name}录入，期限按新的安排重新计算", actor, cancellationToken));
        }
        catch
        {
            catalog.UseSchedules(before);
            throw;
        }
    }

    /// <summary>
    /// Counts again the deadlines that may go through <paramref name="fromYear"/> or later: the pending timers due from
    /// the day before it (in any time zone) on; a deadline due earlier was counted over days the change does not touch.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> RecountAsync(int fromYear, string reason, string actor, CancellationToken ct)
    {
        var since = new DateTimeOffset(fromYear, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
        var instances = await db.Set<WorkflowTimerRecord>().Where(t => t.DueAt >= since).Select(t => t.InstanceId).Distinct().ToListAsync(ct);
        var engine = new WorkflowEngine(db, registry, conditions, catalog.TimeRules, clock, seal);
        var moved = new List<Guid>();
        foreach (var instance in instances.Order())
        {
            var result = await engine.RecountDeadlinesAsync(instance, actor, reason, ct);
            if (result.Error is { } error)
                throw DomainException.Conflict("calendar.recount", $"重新计算期限时有协商轮次正被修改，节假日安排未保存，请重试（{error.Message}）");
            if (result.Instance is not { } snapshot) continue;
            var round = await db.Rounds.FirstOrDefaultAsync(r => r.WorkflowInstanceId == instance, ct);
            if (round is null) continue;
            Offers.RecordReplyDue(round, snapshot);
            moved.Add(round.Id);
        }
        return moved;
    }
}
