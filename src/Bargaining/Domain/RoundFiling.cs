namespace Bargaining.Domain;

/// <summary>The filing of the signed contract with the labour administration (报送, Art 42) and its filing number.</summary>
public sealed class RoundFiling
{
    internal RoundFiling() { }

    /// <summary>The last day to file, once both have signed (Art 42).</summary>
    public DateOnly? DueOn { get; private set; }
    /// <summary>The day the labour administration received the filing (Art 42); the review counts from it.</summary>
    public DateOnly? ReceivedOn { get; private set; }
    /// <summary>True when filed after <see cref="DueOn"/>.</summary>
    public bool? Late { get; private set; }
    /// <summary>The labour-administration department the contract was filed with (Art 42).</summary>
    public string? Authority { get; private set; }
    /// <summary>The filing number given at the first filing and kept after an objection (see <see cref="ContractNumbers"/>).</summary>
    public string? ContractNumber { get; private set; }
    /// <summary>The year of <see cref="ContractNumber"/>'s sequence.</summary>
    public int? Year { get; private set; }
    /// <summary>The sequence of <see cref="ContractNumber"/> within its department's abbreviation and year.</summary>
    public int? Sequence { get; private set; }

    /// <summary>Both chiefs have signed; the contract must be filed by <paramref name="lastDay"/> (Art 42).</summary>
    public void DueBy(DateOnly lastDay) => DueOn = lastDay;

    internal bool Receive(DateOnly receivedOn, DateOnly today, DateOnly signedOn, string authority)
    {
        if (receivedOn > today) throw DomainException.Rule("filing.received-in-future", $"劳动保障行政部门收到日期（{receivedOn:yyyy-MM-dd}）不能晚于今天");
        if (receivedOn < signedOn)
            throw DomainException.Rule("filing.before-signing", $"劳动保障行政部门收到日期（{receivedOn:yyyy-MM-dd}）不能早于双方签字之日");
        ReceivedOn = receivedOn;
        Authority = authority;
        Late = DueOn is { } due && receivedOn > due;
        return Late.Value;
    }

    /// <summary>
    /// Gives the contract its filing number, sequence <paramref name="sequence"/> of <paramref name="year"/> at the
    /// department abbreviated <paramref name="abbreviation"/>; a contract filed again after an objection keeps its first number.
    /// </summary>
    public void AssignNumber(string abbreviation, int year, int sequence)
    {
        if (ContractNumber is not null) return;
        Year = year;
        Sequence = sequence;
        ContractNumber = ContractNumbers.Format(abbreviation, year, sequence);
    }

    // The number stays: a contract filed again after an objection keeps it.
    internal void Reopen()
    {
        DueOn = null;
        ReceivedOn = null;
        Late = null;
    }
}
