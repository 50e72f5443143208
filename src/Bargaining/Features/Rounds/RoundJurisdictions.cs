using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using MediatR;
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
    /// be that profile, else the request is refused in Chinese. <paramref name="known"/> keeps what was looked up per
    /// unit, for a launch of many enterprises of a few units.
    /// </summary>
    public static async Task<string> ResolveAsync(BargainingDbContext db, JurisdictionCatalog catalog, Enterprise enterprise, string? requested, CancellationToken ct,
        Dictionary<Guid, (Organisation Unit, JurisdictionProfile? Governing)>? known = null)
    {
        if (known?.GetValueOrDefault(enterprise.OrganisationId) is not ({ } unit, var governing))
        {
            (unit, governing) = await GoverningAsync(db, catalog, enterprise.OrganisationId, ct);
            known?.Add(enterprise.OrganisationId, (unit, governing));
        }
        if (governing is null) return requested ?? Fallback;
        if (requested is not null && requested != governing.Code)
            throw DomainException.Rule("round.jurisdiction",
                $"{enterprise.Name}隶属{unit.Name}，适用“{governing.Name}”的规定，不能选择“{catalog.Profiles.GetValueOrDefault(requested)?.Name ?? requested}”");
        return governing.Code;
    }

    /// <summary>A unit and the profile that governs it: its own division's, else its city's; null when none names either.</summary>
    public static async Task<(Organisation Unit, JurisdictionProfile? Governing)> GoverningAsync(BargainingDbContext db, JurisdictionCatalog catalog, Guid organisationId, CancellationToken ct)
    {
        var unit = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, ct);
        var city = unit.ParentId is { } parent ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == parent, ct) : null;
        return (unit, catalog.ForDivision(unit.Code) ?? (city is null ? null : catalog.ForDivision(city.Code)));
    }
}

/// <summary>The name of the profile whose rules a round of <paramref name="OrganisationId"/>'s enterprises follows, to show (not choose) on the start page.</summary>
public sealed record GoverningJurisdictionQuery(Guid OrganisationId) : IQuery<string>;

public sealed class GoverningJurisdictionHandler(BargainingDbContext db, JurisdictionCatalog catalog) : IRequestHandler<GoverningJurisdictionQuery, string>
{
    public async Task<string> Handle(GoverningJurisdictionQuery request, CancellationToken cancellationToken) =>
        ((await RoundJurisdictions.GoverningAsync(db, catalog, request.OrganisationId, cancellationToken)).Governing
         ?? catalog[RoundJurisdictions.Fallback]).Name;
}
