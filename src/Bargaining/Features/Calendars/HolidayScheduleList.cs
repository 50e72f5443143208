using System.Globalization;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Calendars;

/// <summary>The years a calendar holds, each as the file ships it or as the city union entered it.</summary>
public sealed record HolidayScheduleListQuery(string Calendar) : IQuery<HolidayScheduleList>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以查看和录入法定节假日安排");
}

/// <summary>A calendar's years, newest first, and the warning the administrator sees while one is missing.</summary>
public sealed record HolidayScheduleList(string Calendar, string Name, IReadOnlyList<HolidayScheduleRow> Years, string? Warning);

/// <summary>One year: its entries (consecutive days written as ranges), and who entered it (null: shipped in the file).</summary>
public sealed record HolidayScheduleRow(int Year, IReadOnlyList<string> Holidays, IReadOnlyList<string> Workdays, DateTimeOffset? EnteredAt, string? EnteredBy);

/// <summary>Handles <see cref="HolidayScheduleListQuery"/>.</summary>
public sealed class HolidayScheduleListHandler(BargainingDbContext db, JurisdictionCatalog catalog, TimeProvider clock) : IRequestHandler<HolidayScheduleListQuery, HolidayScheduleList>
{
    public async Task<HolidayScheduleList> Handle(HolidayScheduleListQuery request, CancellationToken cancellationToken)
    {
        if (!catalog.Calendars.TryGetValue(request.Calendar, out var calendar)) throw DomainException.NotFound($"节假日日历“{request.Calendar}”");
        var entered = await db.HolidaySchedules.AsNoTracking().Where(s => s.Calendar == request.Calendar).ToDictionaryAsync(s => s.Year, cancellationToken);
        var rows = calendar.Years.Union(entered.Keys).OrderDescending().Select(year => entered.TryGetValue(year, out var row)
            ? new HolidayScheduleRow(year, HolidaySchedule.Entries(row.Holidays), HolidaySchedule.Entries(row.Workdays), row.EnteredAt, row.EnteredBy[(row.EnteredBy.IndexOf(' ') + 1)..])
            : Shipped(calendar.Schedule(year)!));
        return new HolidayScheduleList(request.Calendar, calendar.Name, [.. rows], HolidaySchedules.Warning(catalog, clock));
    }

    private static HolidayScheduleRow Shipped(HolidayYear year) => new(year.Year, Ranges(year.Holidays), Ranges(year.Workdays), null, null);

    /// <summary>Days as the file writes them: a run of consecutive days as <c>first..last</c>.</summary>
    public static IReadOnlyList<string> Ranges(IEnumerable<DateOnly> days)
    {
        var result = new List<string>();
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        DateOnly? first = null, last = null;
        foreach (var day in days.Order())
        {
            if (last is { } l && day == l.AddDays(1)) { last = day; continue; }
            if (first is { } f) result.Add(f == last ? Day(f) : $"{Day(f)}..{Day(last!.Value)}");
            first = last = day;
        }
        if (first is { } end) result.Add(end == last ? Day(end) : $"{Day(end)}..{Day(last!.Value)}");
        return result;
    }
}
