using Bargaining.Workflows.Definitions;

namespace Bargaining.Workflows;

/// <summary>
/// The time rules an instance runs under: its time zone, its holiday calendar, how periods are counted and the
/// named statutory periods that definitions refer to (e.g. <c>replyDays</c>). The engine holds no legal numbers
/// of its own; they all come from here.
/// </summary>
/// <param name="Code">Stable code, e.g. <c>national</c> or <c>shanghai</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="UtcOffset">Offset of local civil time (China: +08:00, no daylight saving).</param>
/// <param name="Calendar">Rest days and holidays.</param>
/// <param name="ExtendOverRestDays">
/// Whether a period whose last day is a rest day ends on the next working day instead (《民法典》 Art 203).
/// </param>
/// <param name="Periods">Named statutory periods.</param>
public sealed record Jurisdiction(
    string Code,
    string Name,
    TimeSpan UtcOffset,
    HolidayCalendar Calendar,
    bool ExtendOverRestDays,
    IReadOnlyDictionary<string, StatutoryPeriod> Periods)
{
    /// <summary>The local civil date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);

    /// <summary>The instant a local day begins (00:00 local time).</summary>
    public DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), UtcOffset);
}

/// <summary>A named statutory period with the article it comes from.</summary>
/// <param name="Duration">The period, e.g. P20D.</param>
/// <param name="Counting">Calendar or working days.</param>
/// <param name="Basis">The legal basis, e.g. 《集体合同规定》第三十二条.</param>
public sealed record StatutoryPeriod(Period Duration, DayCounting Counting, string Basis);
