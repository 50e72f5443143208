namespace Bargaining.Domain;

/// <summary>For a renewal (续签, Art 38), the round whose contract it renews and the day that contract expires.</summary>
public sealed class RoundRenewal
{
    internal RoundRenewal() { }

    internal RoundRenewal(Guid renewsRoundId, DateOnly currentExpiresOn)
    {
        RenewsRoundId = renewsRoundId;
        CurrentExpiresOn = currentExpiresOn;
    }

    /// <summary>The round whose contract this round renews; null for a round that is no renewal.</summary>
    public Guid? RenewsRoundId { get; private set; }
    /// <summary>The day the current contract expires; the window opens 3 months before (Art 38).</summary>
    public DateOnly? CurrentExpiresOn { get; private set; }
}
