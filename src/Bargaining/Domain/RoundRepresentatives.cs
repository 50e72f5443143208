namespace Bargaining.Domain;

/// <summary>What a round records about the sides' representatives beyond the representatives themselves (Art 19–21).</summary>
public sealed class RoundRepresentatives
{
    internal RoundRepresentatives() { }

    /// <summary>The employer's legal representative (法定代表人) as the employer side named it with its representatives (Art 21).</summary>
    public string? EmployerLegalRepresentative { get; private set; }

    /// <summary>Records the employer's legal representative, who is its chief unless someone is authorised in writing.</summary>
    public void NameLegalRepresentative(string name) => EmployerLegalRepresentative = name.Trim();
}
