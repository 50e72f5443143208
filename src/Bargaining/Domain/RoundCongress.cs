namespace Bargaining.Domain;

/// <summary>The last congress vote on a round's draft (职工代表大会审议, Art 36).</summary>
public sealed class RoundCongress
{
    internal RoundCongress() { }

    /// <summary>Deputies (or workers) entitled to vote at the last congress vote (Art 36).</summary>
    public int? Entitled { get; private set; }
    /// <summary>Present at the last vote.</summary>
    public int? Present { get; private set; }
    /// <summary>In favour at the last vote.</summary>
    public int? InFavour { get; private set; }
    /// <summary>Whether the last vote adopted the draft.</summary>
    public bool? Adopted { get; private set; }
    /// <summary>Why the last vote did not adopt the draft.</summary>
    public string? Rejection { get; private set; }

    internal void Record(int entitled, int present, int inFavour, Rules.CongressOutcome outcome)
    {
        Entitled = entitled;
        Present = present;
        InFavour = inFavour;
        Adopted = outcome.IsApproved;
        Rejection = outcome.Reason;
    }
}
