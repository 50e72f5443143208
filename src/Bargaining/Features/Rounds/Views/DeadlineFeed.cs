using System.Globalization;
using System.Text;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;

namespace Bargaining.Features.Rounds.Views;

/// <summary>
/// The deadlines of the rounds the caller acts in, for their calendar feed (<see cref="DeadlineCalendar"/>): a union
/// chair or employer representative every pending deadline of their enterprise's rounds, whoever must act by it;
/// everyone else the rounds awaiting their role, in their scope (<see cref="RoundListQuery"/>); the city union none.
/// Overdue ones too.
/// </summary>
public sealed record DeadlineFeedQuery : IQuery<IReadOnlyList<RoundListRow>>, IAuthorisedRequest
{
    /// <summary>Every signed-in role has its own deadlines; the list's scope decides which.</summary>
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Handles <see cref="DeadlineFeedQuery"/> with the round list's handler, every row at once.</summary>
public sealed class DeadlineFeedHandler(IRequestHandler<RoundListQuery, RoundList> rounds, ICurrentUserAccessor users)
    : IRequestHandler<DeadlineFeedQuery, IReadOnlyList<RoundListRow>>
{
    public async Task<IReadOnlyList<RoundListRow>> Handle(DeadlineFeedQuery request, CancellationToken cancellationToken)
    {
        var role = users.Caller().Role;
        if (RoundAccess.WorkflowRole(role) is null) return []; // the city union acts in no round
        var enterprise = role is Role.UnionChair or Role.EmployerRepresentative;
        var list = await rounds.Handle(new RoundListQuery { AwaitingMe = !enterprise, PageSize = Paging.Every }, cancellationToken);
        return [.. list.Rows.Where(r => r.LastDay is not null)];
    }
}

/// <summary>
/// Writes deadlines as an iCalendar feed (RFC 5545) a phone's calendar subscribes to: an all-day event per round on its
/// last day, named for the enterprise and the step, with reminders at 9:00 three days and one day before. An event's
/// id is the round's and the day's, so a calendar replaces it when the round moves to its next deadline.
/// </summary>
public static class DeadlineCalendar
{
    /// <summary>The feed's media type.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The feed of <paramref name="deadlines"/>, each linking to <paramref name="roundUrl"/> of its round.</summary>
    public static string Write(string name, IEnumerable<RoundListRow> deadlines, Func<Guid, string> roundUrl, DateTimeOffset now)
    {
        var ics = new StringBuilder();
        void Line(string line)
        {
            // Folded at 75 octets (RFC 5545 §3.1), never inside a character: continuation lines start with a space.
            var octets = 0;
            var start = 0;
            for (var i = 0; i < line.Length; i += char.IsSurrogatePair(line, i) ? 2 : 1)
            {
                var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, char.IsSurrogatePair(line, i) ? 2 : 1));
                if (octets + size > 75)
                {
                    ics.Append(line, start, i - start).Append("\r\n ");
                    start = i;
                    octets = 1;
                }
                octets += size;
            }
            ics.Append(line, start, line.Length - start).Append("\r\n");
        }

        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Bargaining//集体协商工作平台//ZH");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line($"X-WR-CALNAME:{Text(name)}");
        Line("REFRESH-INTERVAL;VALUE=DURATION:PT6H");
        Line("X-PUBLISHED-TTL:PT6H");
        foreach (var d in deadlines)
        {
            var day = d.LastDay!.Value;
            var late = d.DaysLate is > 0 ? $"（已逾期{d.DaysLate}天）" : "";
            Line("BEGIN:VEVENT");
            Line($"UID:{d.RoundId:N}-{day:yyyyMMdd}@bargaining");
            Line($"DTSTAMP:{stamp}");
            Line($"DTSTART;VALUE=DATE:{day:yyyyMMdd}");
            Line($"DTEND;VALUE=DATE:{day.AddDays(1):yyyyMMdd}");
            Line($"SUMMARY:{Text($"{(d.AwaitingMe ? "待我办理" : "期限")}：{d.Enterprise} {d.Step}{late}")}");
            Line($"DESCRIPTION:{Text($"{d.Enterprise}（{d.Unit}）\n{d.KindName}，{d.StageName}\n当前环节：{d.Step}\n期限：{day:yyyy-MM-dd}{late}\n待办方：{string.Join("、", d.NextActors)}")}");
            Line($"URL:{roundUrl(d.RoundId)}");
            Line("TRANSP:TRANSPARENT");
            foreach (var (trigger, when) in new[] { ("-P2DT15H", "三天后"), ("-PT15H", "明天") })
            {
                Line("BEGIN:VALARM");
                Line("ACTION:DISPLAY");
                Line($"TRIGGER:{trigger}");
                Line($"DESCRIPTION:{Text($"{when}截止：{d.Enterprise} {d.Step}")}");
                Line("END:VALARM");
            }
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped.</summary>
    private static string Text(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
