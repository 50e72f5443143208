namespace Bargaining.Domain;

/// <summary>
/// For a change (变更, Art 39–41), the contract version it amends, the articles concerned (by clause number) and why;
/// only those articles are bargained, by the same procedure (Art 41).
/// </summary>
public sealed class RoundChange
{
    internal RoundChange() { }

    internal RoundChange(Guid amendsRoundId, IEnumerable<int> articles, string reason)
    {
        AmendsRoundId = amendsRoundId;
        Articles = string.Join(",", articles.Order());
        Reason = reason;
    }

    /// <summary>The round whose contract version this round changes; null for a round that is no change.</summary>
    public Guid? AmendsRoundId { get; private set; }
    /// <summary>The clause numbers concerned, comma-separated in order ("2,5").</summary>
    public string? Articles { get; private set; }
    /// <summary>Why the change is proposed (Art 40).</summary>
    public string? Reason { get; private set; }

    /// <summary>The clause numbers concerned, in order.</summary>
    public IReadOnlyList<int> Numbers => Articles is { Length: > 0 } a ? [.. a.Split(',').Select(int.Parse)] : [];
}
