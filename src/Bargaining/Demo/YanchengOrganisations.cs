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

    /// <summary>Creates the city union and the county-level unions that are missing; returns the city union.</summary>
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
        return city;
    }
}
