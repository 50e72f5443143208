using Bargaining.Infrastructure;
using Bargaining.Workflows;

namespace Bargaining.Features.Rounds.Views;

/// <summary>
/// The e-mail reminders of the deadlines in a person's feed (<see cref="DeadlineFeedQuery"/>): at 9:00 local time three
/// days and one day before a deadline's last day, as the calendar feed's alarms (<see cref="DeadlineCalendar"/>). Each
/// reminder goes once (its outbox key names the person, the round, the day and the reminder); a deadline first known
/// less than three days ahead gets the reminder whose time has come, worded with the days actually left.
/// </summary>
public static class DeadlineReminders
{
    /// <summary>The outbox kind of a reminder.</summary>
    public const string Kind = "deadline-reminder";

    /// <summary>Days before the last day a reminder is due, nearest first.</summary>
    public static readonly IReadOnlyList<int> DaysBefore = [1, 3];

    /// <summary>The local hour reminders are due at.</summary>
    public static readonly TimeSpan At = TimeSpan.FromHours(9);

    /// <summary>
    /// The reminders due at <paramref name="now"/> for <paramref name="deadlines"/>, in <paramref name="time"/>'s local
    /// time: for each deadline not yet passed, the nearest reminder whose time has come, if any.
    /// </summary>
    public static IEnumerable<(RoundListRow Deadline, int DaysBefore)> Due(IEnumerable<RoundListRow> deadlines, Jurisdiction time, DateTimeOffset now)
    {
        var today = time.LocalDate(now);
        foreach (var deadline in deadlines)
        {
            if (deadline.LastDay is not { } day || day < today) continue;
            foreach (var before in DaysBefore)
                if (now >= time.StartOf(day.AddDays(-before)) + At)
                {
                    yield return (deadline, before);
                    break;
                }
        }
    }

    /// <summary>
    /// The e-mail of a reminder to <paramref name="recipient"/> (account <paramref name="userId"/>), linking to the
    /// round at <paramref name="roundUrl"/> when the host's public address is known.
    /// </summary>
    public static OutboxMessage Message(string userId, string recipient, string name, RoundListRow deadline, int daysBefore, DateOnly today, string? roundUrl, DateTimeOffset now)
    {
        var day = deadline.LastDay!.Value;
        var left = day.DayNumber - today.DayNumber;
        var when = left switch { 0 => "今天", 1 => "明天", 2 => "后天", _ => $"{left}天后" };
        var who = deadline.AwaitingMe ? "需要您办理" : "请关注";
        var body = $"""
            {name}：

            {deadline.Enterprise}（{deadline.Unit}）的{deadline.KindName}，当前环节“{deadline.Step}”的期限为{day:yyyy年M月d日}，{when}截止，{who}。
            待办方：{string.Join("、", deadline.NextActors)}
            {(roundUrl is null ? "请登录集体协商工作平台查看。" : $"查看和办理：{roundUrl}")}

            本邮件由集体协商工作平台自动发送，请勿直接回复。如不再需要邮件提醒，可登录后在“期限提醒”页面关闭。
            """;
        return new OutboxMessage($"reminder:{userId}:{deadline.RoundId:N}:{day:yyyyMMdd}:{daysBefore}", Kind, userId, recipient, name,
            $"【{when}截止】{deadline.Enterprise} {deadline.Step}", body, now);
    }
}
