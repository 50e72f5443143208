using Bargaining.Domain;
using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Demo;

/// <summary>The Yancheng city union and its 11 county-level unions (codes are the administrative division codes).</summary>
public static class YanchengOrganisations
{
    /// <summary>The county-level unions: 9 counties, county-level cities and districts, and 2 development zones.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Counties =
    [
        ("320981", "东台市总工会"), ("320925", "建湖县总工会"), ("320924", "射阳县总工会"), ("320923", "阜宁县总工会"),
        ("320922", "滨海县总工会"), ("320921", "响水县总工会"), ("320902", "亭湖区总工会"), ("320903", "盐都区总工会"),
        ("320904", "大丰区总工会"), ("320971", "盐城经济技术开发区总工会"), ("320972", "盐南高新技术产业开发区总工会"),
    ];

    /// <summary>
    /// The labour-administration department that receives each county-level unit's filings (Art 42) and the
    /// abbreviation of its filing numbers. Configuration for the demo and tests: check the names against the
    /// departments' own notices before production use (the development zones' departments especially).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string Abbreviation)> LabourAuthorities = new Dictionary<string, (string, string)>
    {
        ["320981"] = ("东台市人力资源和社会保障局", "东人社集备"),
        ["320925"] = ("建湖县人力资源和社会保障局", "建人社集备"),
        ["320924"] = ("射阳县人力资源和社会保障局", "射人社集备"),
        ["320923"] = ("阜宁县人力资源和社会保障局", "阜人社集备"),
        ["320922"] = ("滨海县人力资源和社会保障局", "滨人社集备"),
        ["320921"] = ("响水县人力资源和社会保障局", "响人社集备"),
        ["320902"] = ("盐城市亭湖区人力资源和社会保障局", "亭人社集备"),
        ["320903"] = ("盐城市盐都区人力资源和社会保障局", "都人社集备"),
        ["320904"] = ("盐城市大丰区人力资源和社会保障局", "丰人社集备"),
        ["320971"] = ("盐城经济技术开发区人力资源和社会保障局", "盐开人社集备"),
        ["320972"] = ("盐南高新技术产业开发区人力资源和社会保障局", "盐南人社集备"),
    };

    /// <summary>
    /// Creates the city union and the county-level unions that are missing, and gives those without one their
    /// labour-administration department; returns the city union.
    /// </summary>
    public static async Task<Organisation> EnsureAsync(BargainingDbContext db, CancellationToken ct = default)
    {
        var city = await db.Organisations.FirstOrDefaultAsync(o => o.Code == "3209", ct);
        if (city is null)
        {
            city = new Organisation("3209", "盐城市总工会", OrganisationKind.City, null);
            db.Organisations.Add(city);
        }
        var existing = await db.Organisations.Select(o => o.Code).ToListAsync(ct);
        foreach (var (code, name) in Counties.Where(c => !existing.Contains(c.Code)))
            db.Organisations.Add(new Organisation(code, name, OrganisationKind.County, city));
        await db.SaveChangesAsync(ct);
        foreach (var county in await db.Organisations.Where(o => o.Kind == OrganisationKind.County && o.LabourAuthority == null).ToListAsync(ct))
            if (LabourAuthorities.TryGetValue(county.Code, out var authority)) county.SetLabourAuthority(authority.Name, authority.Abbreviation);
        await db.SaveChangesAsync(ct);
        return city;
    }
}
