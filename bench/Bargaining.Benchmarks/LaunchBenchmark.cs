using System.Diagnostics;
using System.Text;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Benchmarks;

/// <summary>
/// A county's campaign launch (<see cref="LaunchCampaignOffersCommand"/>) of N enterprises in one request: the
/// handler as it is against the handler before 51d5b51 (kept below as the baseline), each on a fresh file with the
/// same city, and the current handler in requests of 100 (the per-enterprise rate a small batch gets).
/// </summary>
internal static class LaunchBenchmark
{
    public static async Task RunAsync(string workflows, int enterprises)
    {
        Console.WriteLine($"campaign launch of {enterprises} enterprises of one county, one request, each on a fresh file (handler called in the command's transaction)");
        var old = await MeasureAsync(workflows, enterprises, enterprises, current: false);
        var now = await MeasureAsync(workflows, enterprises, enterprises, current: true);
        var batches = await MeasureAsync(workflows, enterprises, 100, current: true);
        Console.WriteLine("| handler | enterprises per request | seconds | rounds/s |");
        Console.WriteLine("|---|--:|--:|--:|");
        foreach (var (name, per, seconds) in new[] { ("before (baseline)", enterprises, old), ("current", enterprises, now), ("current", 100, batches) })
            Console.WriteLine(FormattableString.Invariant($"| {name} | {per} | {seconds:0.00} | {enterprises / seconds:0} |"));
        Console.WriteLine(FormattableString.Invariant($"current / before, one request: {old / now:0.0}× as fast; one request / requests of 100: {batches / now:0.00}"));
    }

    private static async Task<double> MeasureAsync(string workflows, int enterprises, int perRequest, bool current)
    {
        using var file = new TempDatabase();
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var services = new ServiceCollection().AddLogging().AddBargaining(new BargainingOptions(workflows, DatabaseSettings.Sqlite(file.Path)), clock).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().MigrateAsync();
        var city = new CurrentUser("bench-city", "市总工会", Role.CityAdministrator, Guid.Empty);
        var tree = await SendAsync(services, ImportOrganisationsCommand.FromFile(services.GetRequiredService<BargainingOptions>().OrganisationsFile), city);
        var county = tree.Units.First(u => u.Kind == OrganisationKind.County);
        var staff = new CurrentUser("bench-staff", "县总工会", Role.CountyStaff, county.Id);
        var csv = new StringBuilder(string.Join(",", EnterpriseFile.Columns) + "\n");
        for (var i = 0; i < enterprises; i++)
        {
            var code = $"91{county.Code}MA{i:D7}";
            csv.Append(FormattableString.Invariant($"盐城测试{i:D5}机械有限公司,{code}{CreditCode.CheckCharacter(code)},制造业,私营企业,{50 + i % 500},{20 + i % 30},盐城测试{i:D5}机械有限公司工会委员会,职工{i}\n"));
        }
        await SendAsync(services, new ImportEnterprisesCommand(county.Id, "企业名单.csv", Encoding.UTF8.GetBytes(csv.ToString())), staff);
        List<Guid> ids;
        await using (var scope = services.CreateAsyncScope())
            ids = await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().Enterprises.AsNoTracking().OrderBy(e => e.CreditCode).Select(e => e.Id).ToListAsync();

        var watch = Stopwatch.StartNew();
        foreach (var batch in ids.Chunk(perRequest))
        {
            var command = new LaunchCampaignOffersCommand(batch, RoundKind.Wage, [new TopicProposal(TopicCatalog.Pay, "职工年平均工资增长6%", 6, "%")], new DateOnly(2026, 3, 2), 3);
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            ((FixedCurrentUser)sp.GetRequiredService<ICurrentUserAccessor>()).User = staff;
            var db = sp.GetRequiredService<BargainingDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var report = current
                ? await new LaunchCampaignOffersHandler(db, sp.GetRequiredService<RoundWorkflow>(), sp.GetRequiredService<JurisdictionCatalog>(), sp.GetRequiredService<ICurrentUserAccessor>()).Handle(command, default)
                : await new LaunchBeforeHandler(db, sp.GetRequiredService<RoundWorkflow>(), sp.GetRequiredService<JurisdictionCatalog>(), sp.GetRequiredService<ICurrentUserAccessor>()).Handle(command, default);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            if (report.Launched.Count != batch.Length) throw new InvalidOperationException($"{report.Refused.Count} refused: {report.Refused[0].Reason}");
        }
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, IRequest<T> request, CurrentUser user)
    {
        await using var scope = services.CreateAsyncScope();
        ((FixedCurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUserAccessor>()).User = user;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}

/// <summary>The baseline: <see cref="LaunchCampaignOffersHandler"/> as it was before 51d5b51 (savepoints never released, entities kept).</summary>
internal sealed class LaunchBeforeHandler(BargainingDbContext db, RoundWorkflow workflow, Jurisdictions.JurisdictionCatalog jurisdictions, ICurrentUserAccessor users) : IRequestHandler<LaunchCampaignOffersCommand, LaunchReport>
{
    public async Task<LaunchReport> Handle(LaunchCampaignOffersCommand request, CancellationToken cancellationToken)
    {
        var user = users.Caller();
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("the launch runs inside the command's transaction");
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => request.EnterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var launched = new List<LaunchedOffer>();
        var refused = new List<RefusedOffer>();
        var units = new Dictionary<Guid, (Organisation, JurisdictionProfile?)>(); // a county's enterprises share a unit: look it up once
        foreach (var id in request.EnterpriseIds)
        {
            var enterprise = enterprises[id];
            var savepoint = $"launch_{launched.Count + refused.Count}";
            await transaction.CreateSavepointAsync(savepoint, cancellationToken);
            try
            {
                var round = await LaunchAsync(enterprise, request, user, units, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                launched.Add(new LaunchedOffer(id, enterprise.Name, round.Id, round.Offer.Mode!.Value));
            }
            catch (DomainException e)
            {
                await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                db.ChangeTracker.Clear();
                refused.Add(new RefusedOffer(id, enterprise.Name, e.Code, e.Message));
            }
        }
        return new LaunchReport(launched, refused);
    }

    private async Task<Round> LaunchAsync(Enterprise enterprise, LaunchCampaignOffersCommand request, CurrentUser user,
        Dictionary<Guid, (Organisation, JurisdictionProfile?)> units, CancellationToken ct)
    {
        // The enterprise union makes the offer (Art 32); without a union there is nobody to make it for the workers.
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
