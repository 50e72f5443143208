using Bargaining.Domain;
using Bargaining.Features.Calendars;
using Bargaining.Jurisdictions;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api;

/// <summary>
/// The statutory holiday schedules the periods count with (<c>/api/holidays</c>), maintained by the city union: a year
/// entered here wins over the same year of the shipped <c>workflows/calendars</c> file.
/// </summary>
public static class HolidaysApi
{
    /// <summary>Maps the holiday schedules' endpoints.</summary>
    public static void Map(RouteGroupBuilder holidays)
    {
        holidays.MapGet("", ListAsync);
        holidays.MapPut("/{year:int}", SaveYearAsync);
        // The body is a calendar file: {"years": {"2027": {"holidays": […], "workdays": […]}}}.
        holidays.MapPost("/import", ImportAsync).Accepts<System.Text.Json.Nodes.JsonObject>("application/json");
    }

    private static async Task<Ok<HolidayScheduleList>> ListAsync(string? calendar, JurisdictionCatalog catalog, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new HolidayScheduleListQuery(calendar ?? catalog.DefaultCalendar), ct));

    private static async Task<Ok<SavedHolidaySchedules>> SaveYearAsync(int year, HolidayScheduleYear schedule, string? calendar, JurisdictionCatalog catalog,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveHolidaySchedulesCommand(calendar ?? catalog.DefaultCalendar,
            [schedule with { Year = year, Holidays = schedule.Holidays ?? [], Workdays = schedule.Workdays ?? [] }]), ct));

    private static async Task<Ok<SavedHolidaySchedules>> ImportAsync(HttpRequest request, string? calendar, JurisdictionCatalog catalog, IMediator mediator, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var years = HolidaySchedules.ReadFile(await reader.ReadToEndAsync(ct));
        return TypedResults.Ok(await mediator.Send(new SaveHolidaySchedulesCommand(calendar ?? catalog.DefaultCalendar, years), ct));
    }
}
