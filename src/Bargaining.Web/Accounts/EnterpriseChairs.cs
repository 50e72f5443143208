using Bargaining.Accounts;
using Bargaining.Domain;
using Bargaining.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Accounts;

/// <summary>The enterprises with a union chair account, read from the accounts' index on <c>EnterpriseId</c>.</summary>
public sealed class EnterpriseChairs(AccountsDbContext accounts) : IEnterpriseChairs
{
    public async Task<IReadOnlySet<Guid>> EnterprisesWithChairAsync(CancellationToken ct) =>
        (await accounts.Users.AsNoTracking().Where(a => a.Role == Role.UnionChair && a.EnterpriseId != null).Select(a => a.EnterpriseId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
}
