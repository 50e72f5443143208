namespace Bargaining.Domain;

/// <summary>A round's offer (要约, Art 32): when it was made and received, what it proposes, and the last day to reply.</summary>
public sealed class RoundOffer
{
    internal RoundOffer() { }

    /// <summary>When the offer letter was sent.</summary>
    public DateTimeOffset? MadeAt { get; private set; }
    /// <summary>The day the other side received the offer; the reply period counts from it (Art 32).</summary>
    public DateOnly? ReceivedOn { get; private set; }
    /// <summary>The number of representatives per side the offer proposes (Art 19), if it says.</summary>
    public int? RepresentativesPerSide { get; private set; }
    /// <summary>The campaign whose window and units the offer fell in (集中要约), if any.</summary>
    public Guid? CampaignId { get; private set; }
    /// <summary>集中要约 or 分散要约, fixed when the offer is made from its date.</summary>
    public OfferMode? Mode { get; private set; }
    /// <summary>The first meeting's time (local) the offer letter proposes, if it does.</summary>
    public DateTime? ProposedMeetingAt { get; private set; }
    /// <summary>The first meeting's place the offer letter proposes.</summary>
    public string? ProposedMeetingPlace { get; private set; }
    /// <summary>The last day to reply to the offer, as counted when it was made (Art 32).</summary>
    public DateOnly? ReplyDueOn { get; private set; }

    /// <summary>Records the offer: sent now, received by the other side on <paramref name="receivedOn"/>.</summary>
    public void Make(DateTimeOffset now, DateOnly today, DateOnly receivedOn, int? representativesPerSide, Guid? campaignId)
    {
        if (MadeAt is not null) throw DomainException.Conflict("offer.already-made", "本轮协商已发出要约书，不能重复发出");
        if (receivedOn > today) throw DomainException.Rule("offer.received-in-future", $"对方收到要约书的日期（{receivedOn:yyyy-MM-dd}）不能晚于今天");
        if (Rules.Representatives.CheckProposedNumber(representativesPerSide) is { } breach) throw DomainException.Rule(breach.Code, breach.Message);
        MadeAt = now;
        ReceivedOn = receivedOn;
        RepresentativesPerSide = representativesPerSide;
        CampaignId = campaignId;
        Mode = campaignId is null ? OfferMode.Dispersed : OfferMode.Centralised;
    }

    /// <summary>The offer letter proposes the first meeting's time and place.</summary>
    public void ProposeFirstMeeting(DateTime at, string place)
    {
        ProposedMeetingAt = at;
        ProposedMeetingPlace = place.Trim();
    }

    /// <summary>Records the last day to reply, as the workflow counted it.</summary>
    public void ReplyDue(DateOnly lastDay) => ReplyDueOn = lastDay;
}
