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
    /// <summary>Whether the last vote adopted the draft; null when its meeting was not quorate (no vote, Art 36).</summary>
    public bool? Adopted { get; private set; }
    /// <summary>The day of the last congress meeting on the draft.</summary>
    public DateOnly? HeldOn { get; private set; }
    /// <summary>Why the last vote did not adopt the draft.</summary>
    public string? Rejection { get; private set; }

    internal void Record(int entitled, int present, int inFavour, DateOnly heldOn, DateOnly today, DateOnly draftOn, Rules.CongressOutcome outcome)
    {
        if (heldOn > today) throw DomainException.Rule("congress.in-future", $"职工代表大会召开日期（{heldOn:yyyy-MM-dd}）不能晚于今天");
        if (heldOn < draftOn) throw DomainException.Rule("congress.before-draft", $"职工代表大会召开日期（{heldOn:yyyy-MM-dd}）不能早于合同草案形成之日（{draftOn:yyyy-MM-dd}）");
        Entitled = entitled;
        Present = present;
        InFavour = inFavour;
        HeldOn = heldOn;
        Adopted = outcome.QuorumMet ? outcome.IsApproved : null;
        Rejection = outcome.Reason;
    }
}
