namespace Bargaining.Domain;

/// <summary>Where an organisation stands in the union hierarchy.</summary>
public enum OrganisationKind
{
    /// <summary>The city union federation (市总工会).</summary>
    City,
    /// <summary>A county-level union (县、市、区总工会, including development zones).</summary>
    County,
    /// <summary>A city-direct unit (市直建制企业或行业工会) reporting straight to the city.</summary>
    CityDirect,
}

/// <summary>A union body that owns enterprises and rounds: the city, a county-level union, or a city-direct unit.</summary>
public sealed class Organisation
{
    private Organisation() { }

    /// <summary>Creates an organisation under <paramref name="parent"/> (none for the city).</summary>
    public Organisation(string code, string name, OrganisationKind kind, Organisation? parent)
    {
        if (kind != OrganisationKind.City && parent is not { Kind: OrganisationKind.City })
            throw new ArgumentException("a county-level union or city-direct unit belongs to a city union", nameof(parent));
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        Kind = kind;
        ParentId = parent?.Id;
    }

    public Guid Id { get; private set; }
    /// <summary>Stable code (administrative division code where there is one, e.g. 320903 盐都区).</summary>
    public string Code { get; private set; } = "";
    /// <summary>Name, e.g. 盐都区总工会.</summary>
    public string Name { get; private set; } = "";
    /// <summary>City, county or city-direct unit.</summary>
    public OrganisationKind Kind { get; private set; }
    /// <summary>The city union above, if any.</summary>
    public Guid? ParentId { get; private set; }
    /// <summary>
    /// The labour-administration department that receives and reviews the collective contracts of this unit's
    /// enterprises (Art 42–44), e.g. 盐城市亭湖区人力资源和社会保障局; null until configured.
    /// </summary>
    public string? LabourAuthority { get; private set; }
    /// <summary>The abbreviation that department puts in its filing numbers, e.g. 亭人社集备 (see <see cref="ContractNumbers"/>).</summary>
    public string? FilingAbbreviation { get; private set; }

    /// <summary>
    /// The union's own unified social credit code (工会法人统一社会信用代码, GB 32100, issued with the union's legal-person
    /// certificate, beginning 81); null until the organisation file states it.
    /// </summary>
    public string? CreditCode { get; private set; }

    /// <summary>Sets the union's unified social credit code; the caller has checked it with <see cref="Domain.CreditCode.Problem"/>.</summary>
    public void SetCreditCode(string? code) => CreditCode = string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    /// <summary>Renames the organisation (its code stays: accounts, campaigns and filing numbers keep referring to it).</summary>
    public void Rename(string name) => Name = name.Trim();

    /// <summary>Sets the department that receives this unit's filings and the abbreviation of its numbers.</summary>
    public void SetLabourAuthority(string name, string abbreviation)
    {
        LabourAuthority = name.Trim();
        FilingAbbreviation = abbreviation.Trim();
    }
}
