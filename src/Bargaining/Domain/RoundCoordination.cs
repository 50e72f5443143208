using Bargaining.Jurisdictions;
using Bargaining.Workflows;

namespace Bargaining.Domain;

/// <summary>The last coordination of a dispute (协调处理, Art 49–54): application, extension, and agreement or closure.</summary>
public sealed class RoundCoordination
{
    internal RoundCoordination() { }

    /// <summary>The side that last applied for coordination (协调处理, Art 49–50).</summary>
    public Side? AppliedBy { get; private set; }
    /// <summary>When the application was accepted; the 30 days count from the next day (Art 53).</summary>
    public DateTimeOffset? AppliedAt { get; private set; }
    /// <summary>What the dispute is about, as the applicant put it.</summary>
    public string? Grounds { get; private set; }
    /// <summary>When the coordination period was extended (once, at most 15 days, Art 53).</summary>
    public DateTimeOffset? ExtendedAt { get; private set; }
    /// <summary>Why it was extended.</summary>
    public string? ExtensionReason { get; private set; }
    /// <summary>The agreement (协调处理协议书, Art 54) text.</summary>
    public string? Agreement { get; private set; }
    /// <summary>The coordinators who signed the agreement, separated by 、.</summary>
    public string? SignedBy { get; private set; }
    /// <summary>Why coordination was closed without agreement.</summary>
    public string? ClosedReason { get; private set; }
    /// <summary>When coordination ended, by agreement or closure.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>A party applies for coordination (Art 49–50); an earlier coordination's record is replaced.</summary>
    public void Apply(Side by, string grounds, DateTimeOffset now)
    {
        AppliedBy = by;
        AppliedAt = now;
        Grounds = grounds.Trim();
        ExtendedAt = null;
        ExtensionReason = null;
        Agreement = null;
        SignedBy = null;
        ClosedReason = null;
        EndedAt = null;
    }

    /// <summary>Extends the coordination period, which the law allows once (Art 53).</summary>
    public void Extend(string reason, DateTimeOffset now, Period longestExtension)
    {
        if (CannotExtend(longestExtension) is { } refusal) throw refusal;
        ExtendedAt = now;
        ExtensionReason = reason.Trim();
    }

    /// <summary>The coordinators and both chiefs signed the agreement (协调处理协议书, Art 54).</summary>
    public void Agree(string text, IEnumerable<string> coordinators, string workerChief, string employerChief, DateTimeOffset now)
    {
        Agreement = text.Trim();
        SignedBy = string.Join("、", coordinators.Select(c => c.Trim()).Append(workerChief.Trim()).Append(employerChief.Trim()));
        EndedAt = now;
    }

    /// <summary>Coordination ends without agreement.</summary>
    public void Close(string reason, DateTimeOffset now)
    {
        ClosedReason = reason.Trim();
        EndedAt = now;
    }

    /// <summary>Why the coordination period may not be extended (it was already, Art 53), or null.</summary>
    public DomainException? CannotExtend(Period longestExtension) => ExtendedAt is not null
        ? DomainException.Rule("coordination.extended", $"协调处理期限已于{ExtendedAt:yyyy-MM-dd}延长，延长期限不得超过{longestExtension.Chinese()}，不能再次延长（《集体合同规定》第五十三条）")
        : null;
}
