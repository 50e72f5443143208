namespace Bargaining.Domain;

/// <summary>The single meeting of the simplified procedure (简易程序): minutes or a memo signed on the spot, or no agreement.</summary>
public sealed class RoundOnTheSpot
{
    internal RoundOnTheSpot() { }

    /// <summary>How the simplified procedure's meeting was held.</summary>
    public MeetingMeans? Means { get; private set; }
    /// <summary>Minutes or memo, signed on the spot by both chiefs (简易程序).</summary>
    public OnTheSpotRecord? Record { get; private set; }
    /// <summary>The agreed text of the minutes or memo.</summary>
    public string? Text { get; private set; }
    /// <summary>The worker chief who signed on the spot.</summary>
    public string? WorkerChiefName { get; private set; }
    /// <summary>The employer chief who signed on the spot.</summary>
    public string? EmployerChiefName { get; private set; }
    /// <summary>When the simplified meeting ended, with or without agreement.</summary>
    public DateTimeOffset? MetAt { get; private set; }
    /// <summary>Why the simplified meeting reached no agreement.</summary>
    public string? NoAgreementReason { get; private set; }

    internal void Sign(OnTheSpotRecord kind, MeetingMeans means, string text, string workerChief, string employerChief, DateTimeOffset now)
    {
        Record = kind;
        Means = means;
        Text = text.Trim();
        WorkerChiefName = workerChief.Trim();
        EmployerChiefName = employerChief.Trim();
        MetAt = now;
    }

    internal void RecordNoAgreement(MeetingMeans means, string reason, DateTimeOffset now)
    {
        Means = means;
        NoAgreementReason = reason.Trim();
        MetAt = now;
    }
}
