
namespace Bargaining.Domain;

/// <summary>How an offer was made: inside a campaign or on its own.</summary>
public enum OfferMode
{
    /// <summary>集中要约: made inside a campaign's window by an enterprise of a participating unit.</summary>
    Centralised,
    /// <summary>分散要约: any other offer.</summary>
    Dispersed,
}

/// <summary>
/// A city union's offer campaign (集中要约行动): a window of days, the county-level and city-direct units taking part,
/// and the targets they are ranked against.
/// </summary>
public sealed class Campaign
{
    private readonly List<CampaignUnit> _units = [];

    private Campaign() { }

    /// <summary>Creates a campaign; the window's last day is inside it.</summary>
    public Campaign(string name, DateOnly startsOn, DateOnly endsOn, IEnumerable<Guid> organisationIds, decimal offerRateTarget, decimal signingRateTarget, int workersCoveredTarget, DateTimeOffset createdAt)
    {
        if (endsOn <= startsOn) throw DomainException.Rule("campaign.window", $"行动结束日期（{endsOn:yyyy-MM-dd}）应晚于开始日期（{startsOn:yyyy-MM-dd}）");
        Id = Guid.CreateVersion7(createdAt);
        Name = name.Trim();
        StartsOn = startsOn;
        EndsOn = endsOn;
        OfferRateTarget = offerRateTarget;
        SigningRateTarget = signingRateTarget;
        WorkersCoveredTarget = workersCoveredTarget;
        CreatedAt = createdAt;
        _units.AddRange(organisationIds.Distinct().Select(o => new CampaignUnit(Id, o)));
    }

    public Guid Id { get; private set; }
    /// <summary>Name, e.g. 2026年春季集中要约行动.</summary>
    public string Name { get; private set; } = "";
    /// <summary>First day of the window.</summary>
    public DateOnly StartsOn { get; private set; }
    /// <summary>Last day of the window (inside it).</summary>
    public DateOnly EndsOn { get; private set; }
    /// <summary>Target share of enterprises that make an offer, in %.</summary>
    public decimal OfferRateTarget { get; private set; }
    /// <summary>Target share of enterprises that sign, in %.</summary>
    public decimal SigningRateTarget { get; private set; }
    /// <summary>Target number of workers covered by effective contracts.</summary>
    public int WorkersCoveredTarget { get; private set; }
    /// <summary>When created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The participating county-level unions and city-direct units.</summary>
    public IReadOnlyList<CampaignUnit> Units => _units;

    /// <summary>True when <paramref name="day"/> is within the window, both ends included.</summary>
    public bool Covers(DateOnly day) => StartsOn <= day && day <= EndsOn;
}

/// <summary>A unit taking part in a campaign.</summary>
public sealed class CampaignUnit
{
    private CampaignUnit() { }

    internal CampaignUnit(Guid campaignId, Guid organisationId)
    {
        CampaignId = campaignId;
        OrganisationId = organisationId;
    }

    /// <summary>The campaign.</summary>
    public Guid CampaignId { get; private set; }
    /// <summary>The county-level union or city-direct unit.</summary>
    public Guid OrganisationId { get; private set; }
}
