using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Testing;

/// <summary>
/// The reference a bulk launch is held to: <see cref="LaunchCampaignOffersHandler"/> as it was at 163ff64, starting
/// each enterprise's round and sending its offer one by one through the round's own steps (a start saved by the
/// engine, an offer signalled by it), with a savepoint per enterprise. <c>LargeLaunchTests</c> compares the rows it
/// writes with the bulk handler's; the launch benchmark measures against it.
/// </summary>
internal sealed class OneByOneLaunch(BargainingDbContext db, RoundWorkflow workflow, JurisdictionCatalog jurisdictions, CurrentUser user)
{
    /// <summary>Launches as <paramref name="user"/> in a scope and transaction of its own, as the command's pipeline would.</summary>
    public static async Task<LaunchReport> LaunchAsync(IServiceProvider services, LaunchCampaignOffersCommand request, CurrentUser user)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<BargainingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var report = await new OneByOneLaunch(db, sp.GetRequiredService<RoundWorkflow>(), sp.GetRequiredService<JurisdictionCatalog>(), user).LaunchAsync(request);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return report;
    }

    public async Task<LaunchReport> LaunchAsync(LaunchCampaignOffersCommand request, CancellationToken ct = default)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("the launch runs inside a transaction");
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => request.EnterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var launched = new List<LaunchedOffer>();
        var refused = new List<RefusedOffer>();
        var units = new Dictionary<Guid, (Organisation, JurisdictionProfile?)>();
        foreach (var id in request.EnterpriseIds)
        {
            var enterprise = enterprises[id];
            var savepoint = $"launch_{launched.Count + refused.Count}";
            await transaction.CreateSavepointAsync(savepoint, ct);
            try
            {
                var round = await LaunchAsync(enterprise, request, units, ct);
                await db.SaveChangesAsync(ct);
                launched.Add(new LaunchedOffer(id, enterprise.Name, round.Id, round.Offer.Mode!.Value));
            }
            catch (DomainException e)
            {
                await transaction.RollbackToSavepointAsync(savepoint, ct);
                refused.Add(new RefusedOffer(id, enterprise.Name, e.Code, e.Message));
            }
            await transaction.ReleaseSavepointAsync(savepoint, ct);
            db.ChangeTracker.Clear();
        }
        return new LaunchReport(launched, refused);
    }

    private async Task<Round> LaunchAsync(Enterprise enterprise, LaunchCampaignOffersCommand request, Dictionary<Guid, (Organisation, JurisdictionProfile?)> units, CancellationToken ct)
    {
        if (enterprise.UnionName is null)
            throw DomainException.Rule("launch.no-union", "该企业尚未建立工会，无法由工会发出要约");
        var jurisdiction = await RoundJurisdictions.ResolveAsync(db, jurisdictions, enterprise, request.Jurisdiction, ct, units);
        var round = new Round(enterprise.Id, request.Kind, Procedure.Ordinary, jurisdiction, Side.Worker, workflow.Now);
        await RunningRounds.EnsureNoneAsync(db, workflow, enterprise, request.Kind, "launch.round-running", ct);
        await RunningRounds.AddAsync(db, enterprise, round, "launch.round-running", ct);
        await workflow.StartAsync(round, enterprise, user, ct);
        await Offers.SendAsync(db, workflow, round, request.Topics, request.ReceivedOn, request.RepresentativesPerSide, user, ct);
        return round;
    }
}
