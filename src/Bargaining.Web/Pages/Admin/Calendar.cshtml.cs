using Bargaining.Domain;
using Bargaining.Features.Calendars;
using Bargaining.Jurisdictions;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Admin;

/// <summary>
/// The statutory holiday schedules the periods count with: each year as shipped or as the city union entered it, a form
/// to enter or correct a year, and the import of a calendar file.
/// </summary>
public sealed class CalendarModel(IMediator mediator, JurisdictionCatalog catalog, TimeProvider clock) : BargainingPage(mediator)
{
    /// <summary>The calendar's years.</summary>
    public HolidayScheduleList Schedules { get; private set; } = null!;

    /// <summary>The year in the form: the one being corrected, or next year.</summary>
    [BindProperty] public int Year { get; set; }

    /// <summary>The holidays in the form, one day or range per line.</summary>
    [BindProperty] public string? Holidays { get; set; }

    /// <summary>The adjusted working days in the form, one per line.</summary>
    [BindProperty] public string? Workdays { get; set; }

    /// <summary>A calendar file's text to import.</summary>
    [BindProperty] public string? ScheduleFile { get; set; }

    /// <summary>Lists, with <paramref name="year"/> in the form, or the year missing, or next year.</summary>
    public async Task OnGetAsync(int? year)
    {
        await LoadAsync();
        Year = year ?? HolidaySchedules.MissingYear(catalog, clock) ?? catalog.Default.Time.LocalDate(clock.GetUtcNow()).Year + 1;
        if (Schedules.Years.FirstOrDefault(y => y.Year == Year) is { } row)
            (Holidays, Workdays) = (string.Join('\n', row.Holidays), string.Join('\n', row.Workdays));
    }

    /// <summary>Enters or corrects the year in the form.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        SavedHolidaySchedules? saved = null;
        if (await TryAsync(async () => saved = await Mediator.Send(new SaveHolidaySchedulesCommand(catalog.DefaultCalendar,
                [new HolidayScheduleYear(Year, HolidaySchedule.Entries(Holidays ?? ""), HolidaySchedule.Entries(Workdays ?? ""))]))))
            return Saved(saved!);
        await LoadAsync();
        return Page();
    }

    /// <summary>Imports every year of a calendar file.</summary>
    public async Task<IActionResult> OnPostImportAsync()
    {
        SavedHolidaySchedules? saved = null;
        if (await TryAsync(async () => saved = await Mediator.Send(new SaveHolidaySchedulesCommand(catalog.DefaultCalendar, HolidaySchedules.ReadFile(ScheduleFile ?? "")))))
            return Saved(saved!);
        await LoadAsync();
        return Page();
    }

    private RedirectToPageResult Saved(SavedHolidaySchedules saved)
    {
        Notice = $"已保存{string.Join("、", saved.Years)}年的节假日安排" +
            (saved.RecountedRounds.Count > 0 ? $"；{saved.RecountedRounds.Count}个进行中的协商轮次的期限已重新计算，并记入各自的流程日志" : "；没有进行中的协商轮次的期限因此改变");
        return RedirectToPage(new { year = saved.Years[^1] });
    }

    /// <summary>An instant in the city's local time.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(catalog.Default.Time.UtcOffset);

    private async Task LoadAsync() => Schedules = await Mediator.Send(new HolidayScheduleListQuery(catalog.DefaultCalendar));
}
