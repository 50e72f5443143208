namespace Bargaining.Documents.Data;

/// <summary>A person named in a document, with the post that matters there.</summary>
public sealed record Person
{
    /// <summary>The full name, e.g. 张堃 (characters outside GB2312 print from the fallback face).</summary>
    public required string Name { get; init; }

    /// <summary>The post (职务), e.g. 工会主席, 人力资源部经理; null when the document does not show one.</summary>
    public string? Title { get; init; }
}

/// <summary>One side's bargaining representatives (Art 19–31): the chief representative and the others.</summary>
public sealed record BargainingSide
{
    /// <summary>The organisation the side speaks for: the employer's or the union's name.</summary>
    public required string Party { get; init; }

    /// <summary>The chief representative (首席代表).</summary>
    public required Person Chief { get; init; }

    /// <summary>The other representatives, the chief not included.</summary>
    public IReadOnlyList<Person> Representatives { get; init; } = [];

    /// <summary>
    /// Who authorised the chief in writing (授权委托书), when the chief is not the legal representative or the union
    /// chair (Art 20–21); null when the chief acts in their own right.
    /// </summary>
    public Person? AuthorisedBy { get; init; }

    /// <summary>The number of representatives, the chief included.</summary>
    public int Count => 1 + Representatives.Count;
}

/// <summary>The employer: 甲方 of a single-enterprise contract.</summary>
public sealed record Employer
{
    /// <summary>The registered name, e.g. 盐城市水务集团有限公司.</summary>
    public required string Name { get; init; }

    /// <summary>The unified social credit code (统一社会信用代码).</summary>
    public string? CreditCode { get; init; }

    /// <summary>The economic type (经济类型), e.g. 国有企业, 有限责任公司.</summary>
    public string? EconomicType { get; init; }

    /// <summary>The industry (所属行业), e.g. 水的生产和供应业.</summary>
    public string? Industry { get; init; }

    /// <summary>The address.</summary>
    public string? Address { get; init; }

    /// <summary>The legal representative (法定代表人).</summary>
    public required string LegalRepresentative { get; init; }

    /// <summary>All workers (职工总数).</summary>
    public int Workers { get; init; }

    /// <summary>Women workers among them (女职工人数).</summary>
    public int WomenWorkers { get; init; }
}

/// <summary>The union: 乙方 of a contract.</summary>
public sealed record TradeUnion
{
    /// <summary>The name, e.g. 盐城市水务集团有限公司工会委员会.</summary>
    public required string Name { get; init; }

    /// <summary>The chair (工会主席).</summary>
    public required string Chair { get; init; }

    /// <summary>The number of members (会员人数); null when not known.</summary>
    public int? Members { get; init; }
}
