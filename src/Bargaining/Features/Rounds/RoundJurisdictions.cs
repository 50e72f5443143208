using Bargaining.Domain;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds;

/// <summary>
/// The jurisdiction a round runs under is where its enterprise is: the profile naming the division of the enterprise's
/// unit (or of its city), not a choice. A Yancheng enterprise bargains under Jiangsu's rules, never Shanghai's.
/// </summary>
public static class RoundJurisdictions
{
    /// <summary>The profile of a unit that no profile names: the national rules.</summary>
    public const string Fallback = "national";

    /// <summary>
    /// The code of the profile governing <paramref name="enterprise"/>; <paramref name="requested"/>, when given, must
    /// be that profile, else the request is refused in Chinese.
    /// </summary>
    public static async Task<string> ResolveAsync(BargainingDbContext db, JurisdictionCatalog catalog, Enterprise enterprise, string? requested, CancellationToken ct)
    {
        var unit = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == enterprise.OrganisationId, ct);
        var city = unit.ParentId is { } parent ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == parent, ct) : null;
        var governing = catalog.ForDivision(unit.Code) ?? (city is null ? null : catalog.ForDivision(city.Code));
        if (governing is null) return requested ?? Fallback;
        if (requested is not null && requested != governing.Code)
            throw DomainException.Rule("round.jurisdiction",
                $"{enterprise.Name}隶属{unit.Name}，适用“{governing.Name}”的规定，不能选择“{catalog.Profiles.GetValueOrDefault(requested)?.Name ?? requested}”");
        return governing.Code;
    }
}
