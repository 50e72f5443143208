namespace Bargaining.Domain;

/// <summary>An employer with its union, under a county-level union or a city-direct unit.</summary>
public sealed class Enterprise
{
    private Enterprise() { }

    /// <summary>Creates an enterprise; the caller has validated the fields (see <c>EnterpriseRow</c>).</summary>
    public Enterprise(Guid organisationId, string name, string creditCode, string industry, string economicType, int employees, int womenEmployees, string? unionName, string? chairName, int? unionMembers = null)
    {
        if (Domain.CreditCode.Problem(creditCode) is { } problem) throw new ArgumentException(problem, nameof(creditCode));
        if (womenEmployees > employees) throw new ArgumentException("女职工人数不能多于职工总数", nameof(womenEmployees));
        if (unionMembers > employees) throw new ArgumentException("工会会员人数不能多于职工总数", nameof(unionMembers));
        Id = Guid.CreateVersion7();
        OrganisationId = organisationId;
        Name = name;
        CreditCode = creditCode;
        Industry = industry;
        EconomicType = economicType;
        Employees = employees;
        WomenEmployees = womenEmployees;
        UnionName = unionName;
        ChairName = chairName;
        UnionMembers = unionMembers;
    }

    public Guid Id { get; private set; }
    /// <summary>The county-level union or city-direct unit it belongs to.</summary>
    public Guid OrganisationId { get; private set; }
    /// <summary>Registered name.</summary>
    public string Name { get; private set; } = "";
    /// <summary>Unified social credit code (GB 32100), unique.</summary>
    public string CreditCode { get; private set; } = "";
    /// <summary>Industry (国民经济行业分类门类), e.g. 制造业.</summary>
    public string Industry { get; private set; } = "";
    /// <summary>Economic type, e.g. 私营企业, 国有企业, 外商投资企业.</summary>
    public string EconomicType { get; private set; } = "";
    /// <summary>Total employees.</summary>
    public int Employees { get; private set; }
    /// <summary>Women employees (a woman representative may be required where they are at least 1/5).</summary>
    public int WomenEmployees { get; private set; }
    /// <summary>The enterprise union's name, if it has one.</summary>
    public string? UnionName { get; private set; }
    /// <summary>The union chair, the worker side's chief by default (Art 20).</summary>
    public string? ChairName { get; private set; }
    /// <summary>The union's members (会员人数), if known.</summary>
    public int? UnionMembers { get; private set; }
}
