namespace Bargaining.Documents.Data;

/// <summary>What the minutes of a bargaining meeting (协商会议记录, Art 34) print.</summary>
public sealed record MeetingMinutesData
{
    /// <summary>The bargaining's subject, e.g. 2026年度工资专项集体协商.</summary>
    public required string Subject { get; init; }

    /// <summary>Which meeting of the round this is, from 1.</summary>
    public required int Round { get; init; }

    /// <summary>The day of the meeting.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>When it began, if recorded.</summary>
    public TimeOnly? StartedAt { get; init; }

    /// <summary>When it ended, if recorded.</summary>
    public TimeOnly? EndedAt { get; init; }

    /// <summary>Where it was held.</summary>
    public required string Place { get; init; }

    /// <summary>The employer's representatives present.</summary>
    public required BargainingSide EmployerSide { get; init; }

    /// <summary>The workers' representatives present.</summary>
    public required BargainingSide WorkerSide { get; init; }

    /// <summary>The chief who chaired this meeting (the chiefs chair in turn, Art 34).</summary>
    public required string ChairedBy { get; init; }

    /// <summary>The neutral recorder, not a representative (Art 33).</summary>
    public required string Recorder { get; init; }

    /// <summary>Others present without a vote, e.g. the county union's bargaining instructor (集体协商指导员).</summary>
    public IReadOnlyList<Person> Observers { get; init; } = [];

    /// <summary>The agenda, in order.</summary>
    public IReadOnlyList<string> Agenda { get; init; } = [];

    /// <summary>Each topic discussed, with both sides' positions and where it stands.</summary>
    public IReadOnlyList<MinutesTopic> Topics { get; init; } = [];

    /// <summary>The chiefs' summing-up.</summary>
    public string? Summary { get; init; }

    /// <summary>The day of the next meeting, if one was fixed.</summary>
    public DateOnly? NextMeetingOn { get; init; }

    /// <summary>Where the next meeting is.</summary>
    public string? NextMeetingPlace { get; init; }
}

/// <summary>A topic as the minutes record it.</summary>
public sealed record MinutesTopic
{
    /// <summary>The topic, e.g. 年度工资调整幅度.</summary>
    public required string Topic { get; init; }

    /// <summary>The workers' side's position.</summary>
    public required string WorkerPosition { get; init; }

    /// <summary>The employer's position.</summary>
    public required string EmployerPosition { get; init; }

    /// <summary>Where it stands, e.g. 双方达成一致：…, 待下次协商.</summary>
    public required string Outcome { get; init; }
}

/// <summary>What the resolution of the workers' congress on a draft contract (职代会决议, Art 36) prints.</summary>
public sealed record CongressResolutionData
{
    /// <summary>The employer whose congress met.</summary>
    public required string Employer { get; init; }

    /// <summary>The title of the draft voted on, e.g. 盐城市水务集团有限公司2026年度工资专项集体合同（草案）.</summary>
    public required string ContractTitle { get; init; }

    /// <summary>The vote.</summary>
    public required CongressVote Vote { get; init; }

    /// <summary>Who signs the resolution, e.g. 大会主席团.</summary>
    public required string IssuedBy { get; init; }

    /// <summary>How the draft was put before the deputies ahead of the meeting, when it was (筹备在线上，表决在线下).</summary>
    public CongressConsultation? Consultation { get; init; }
}

/// <summary>The deputies' reading of and comments on the draft before the congress met.</summary>
public sealed record CongressConsultation
{
    /// <summary>The first day of the period.</summary>
    public required DateOnly OpensOn { get; init; }

    /// <summary>The last day of the period.</summary>
    public required DateOnly ClosesOn { get; init; }

    /// <summary>Deputies the draft was sent to.</summary>
    public required int Invited { get; init; }

    /// <summary>Deputies who opened it.</summary>
    public required int Read { get; init; }

    /// <summary>Deputies who commented.</summary>
    public required int Commented { get; init; }

    /// <summary>Comments left.</summary>
    public required int Comments { get; init; }

    /// <summary>Comments adopted (采纳).</summary>
    public required int Adopted { get; init; }

    /// <summary>Comments answered with an explanation (解释说明).</summary>
    public required int Explained { get; init; }
}
