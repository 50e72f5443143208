
namespace Bargaining.Domain;

/// <summary>
/// A bargaining meeting (协商会议, Art 34): scheduled with its date, place, chairing side and neutral recorder, then
/// recorded with its minutes (协商记录). A round holds as many meetings as the sides need, one after another; a
/// meeting that a dispute interrupted is superseded by the coordination agreement instead (Art 54).
/// </summary>
public sealed class Meeting
{
    private Meeting() { }

    /// <summary>Schedules meeting number <paramref name="number"/>; <paramref name="previousChair"/> chaired the one before.</summary>
    public Meeting(Guid roundId, int number, DateOnly date, string place, Side chair, Side? previousChair, string recorder, string? agenda, DateTimeOffset at)
    {
        // The two chiefs chair in turn (Art 34).
        if (previousChair == chair)
            throw DomainException.Rule("meeting.chair-alternates", $"上一次协商会议由{chair.Chinese()}首席代表主持，本次应由{chair.Other().Chinese()}首席代表主持（《集体合同规定》第三十四条：双方首席代表轮流主持）");
        Id = Guid.CreateVersion7(at);
        RoundId = roundId;
        Number = number;
        Date = date;
        Place = place.Trim();
        Chair = chair;
        Recorder = recorder.Trim();
        Agenda = agenda?.Trim();
        ScheduledAt = at;
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    /// <summary>1, 2, … within the round.</summary>
    public int Number { get; private set; }
    /// <summary>The day of the meeting.</summary>
    public DateOnly Date { get; private set; }
    /// <summary>Where.</summary>
    public string Place { get; private set; } = "";
    /// <summary>The side whose chief chairs (Art 34).</summary>
    public Side Chair { get; private set; }
    /// <summary>The neutral recorder, not a representative (Art 33).</summary>
    public string Recorder { get; private set; } = "";
    /// <summary>What the meeting is to discuss, if fixed beforehand (e.g. by a suspension, Art 35).</summary>
    public string? Agenda { get; private set; }
    /// <summary>When it was scheduled.</summary>
    public DateTimeOffset ScheduledAt { get; private set; }
    /// <summary>The minutes (协商记录), once recorded.</summary>
    public string? Minutes { get; private set; }
    /// <summary>When the minutes were recorded.</summary>
    public DateTimeOffset? RecordedAt { get; private set; }

    /// <summary>Why the meeting no longer awaits minutes although it has none (e.g. superseded by a coordination agreement).</summary>
    public string? SupersededBecause { get; private set; }
    /// <summary>When it was superseded.</summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    /// <summary>True while the meeting is scheduled and neither minuted nor superseded: the next one waits for it.</summary>
    public bool AwaitsMinutes => Minutes is null && SupersededAt is null;

    /// <summary>Records the minutes of a meeting that has taken place.</summary>
    public void Record(string minutes, DateOnly today, DateTimeOffset at)
    {
        if (CannotRecord(today) is { } refusal) throw refusal;
        Minutes = minutes.Trim();
        RecordedAt = at;
    }

    /// <summary>Why the minutes may not be recorded on <paramref name="today"/> (already recorded, superseded, not held yet), or null.</summary>
    public DomainException? CannotRecord(DateOnly today) =>
        Minutes is not null ? DomainException.Conflict("meeting.recorded", $"第{Number}次协商会议的记录已经提交")
        : SupersededAt is not null ? DomainException.Conflict("meeting.superseded", $"第{Number}次协商会议未举行（{SupersededBecause}），没有会议记录")
        : Date > today ? DomainException.Rule("meeting.not-held", $"第{Number}次协商会议定于{Date:yyyy-MM-dd}召开，尚未召开，不能提交会议记录")
        : null;

    /// <summary>The meeting did not take place and never will: <paramref name="because"/> says what took its place.</summary>
    public void Supersede(string because, DateTimeOffset at)
    {
        if (!AwaitsMinutes) return;
        SupersededBecause = because.Trim();
        SupersededAt = at;
    }
}
