using Bargaining.Rules;

namespace Bargaining.Domain;

/// <summary>A bargaining representative (协商代表) of one side of a round, as named under Art 19–24.</summary>
public sealed class Representative
{
    private Representative() { }

    /// <summary>Records a nominee, number <paramref name="order"/> of its side's list; the list as a whole has passed <see cref="Rules.Representatives"/>.</summary>
    public Representative(Guid roundId, Side side, Nominee nominee, string? delegation, DateTimeOffset namedAt, int order = 0)
    {
        Order = order;
        Id = Guid.CreateVersion7(namedAt);
        RoundId = roundId;
        Side = side;
        Name = nominee.Name.Trim();
        IdNumber = string.IsNullOrWhiteSpace(nominee.IdNumber) ? null : nominee.IdNumber.Trim().ToUpperInvariant();
        Title = nominee.Title;
        IsChief = nominee.IsChief;
        IsOutsideExpert = nominee.IsOutsideExpert;
        Delegation = nominee.IsChief ? delegation : null;
        NamedAt = namedAt;
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    /// <summary>Worker or employer side.</summary>
    public Side Side { get; private set; }
    /// <summary>Full name.</summary>
    public string Name { get; private set; } = "";
    /// <summary>Resident ID number, if given.</summary>
    public string? IdNumber { get; private set; }
    /// <summary>Post.</summary>
    public string? Title { get; private set; }
    /// <summary>首席代表.</summary>
    public bool IsChief { get; private set; }
    /// <summary>An outside expert (Art 23).</summary>
    public bool IsOutsideExpert { get; private set; }
    /// <summary>For a delegated chief, the written delegation (Art 20–21).</summary>
    public string? Delegation { get; private set; }
    /// <summary>The place in the side's list as named (documents list the representatives in this order).</summary>
    public int Order { get; private set; }
    /// <summary>When named.</summary>
    public DateTimeOffset NamedAt { get; private set; }

    /// <summary>As the rules see it.</summary>
    public Nominee AsNominee() => new(Name, IdNumber, IsChief, IsOutsideExpert, Title);
}
