using Bargaining.Accounts;
using Bargaining.Demo;
using Bargaining.Domain;
using Bargaining.Persistence;
using Bargaining.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Bargaining.Web.Hosting;

/// <summary>
/// The application's clock in demo mode: real time, shifted so that the application starts at the end of the
/// generated spring campaign (30 April 2026) and runs on from there, with offers awaiting replies and filings under
/// review as a county union would see them that day.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private TimeSpan _offset;

    /// <summary>Makes the clock read <paramref name="now"/> at this moment.</summary>
    public void StartAt(DateTimeOffset now) => _offset = now - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}

/// <summary>
/// Recreates the database with the generated Yancheng demo (<see cref="YanchengDemo"/>: the city union, 11 county
/// unions, 240 enterprises and their rounds, all through the real commands) and one account per role.
/// </summary>
public sealed class DemoSeeder(WebOptions options, IServiceProvider services, UserManager<Account> users, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    /// <summary>The demo accounts' password (meets the password rules).</summary>
    public const string Password = "Yancheng2026";

    /// <summary>What <see cref="Account.CreatedBy"/> says of the demo accounts.</summary>
    public const string CreatedBy = "demo";

    /// <summary>Deletes and regenerates the demo database, then creates the accounts.</summary>
    public async Task SeedAsync(int enterprises = 240, CancellationToken ct = default)
    {
        await using (var scope = services.CreateAsyncScope())
            await Database.RecreateGeneratedAsync(scope.ServiceProvider.GetRequiredService<BargainingDbContext>(), ct);
        var city = await YanchengDemo.CreateAsync(services.GetRequiredService<BargainingOptions>(), enterprises, ct: ct,
            progress: new LogProgress(line => logger.LogInformation("demo: {Progress}", line)));
        if (clock is DemoClock demo) demo.StartAt(city.EndedAt);
        await ApplicationDatabase.MigrateAsync(options.DatabaseSettings(), ct);
        await CreateAccountsAsync(city, ct);
        logger.LogInformation("demo: {Enterprises} enterprises through {Commands} commands, clock at {Now}", city.Enterprises.Count, city.Commands, clock.GetUtcNow());
    }

    private async Task CreateAccountsAsync(YanchengDemoResult city, CancellationToken ct)
    {
        // Each account where its role has work (DemoCast): the chair and the employer of a round at the table, county
        // staff and the instructor where replies are overdue, a reviewer with a filing, a coordinator with a dispute.
        var cast = city.Cast;
        var table = cast.Table;
        async Task AddAsync(string userName, CurrentUser user, Guid? enterprise = null)
        {
            var account = new Account { Id = user.UserId, UserName = userName, DisplayName = Name(user.Name), Role = user.Role, OrganisationId = user.OrganisationId, EnterpriseId = enterprise, CreatedBy = CreatedBy };
            var result = await users.CreateAsync(account, Password);
            if (!result.Succeeded) throw new InvalidOperationException($"demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        // The generator's names carry the title (吴建国（工会主席）); the account shows the name and its role title.
        static string Name(string person) => person.Split('（')[0];
        await AddAsync("city", new CurrentUser("demo-city", "孙海", Role.CityAdministrator, city.CityId));
        await AddAsync("county", cast.County);
        await AddAsync("instructor", cast.Instructor);
        await AddAsync("chair", table.Chair!, table.EnterpriseId);
        await AddAsync("employer", table.Employer!, table.EnterpriseId);
        await AddAsync("reviewer", cast.Reviewer);
        await AddAsync("coordinator", cast.Coordinator);
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Reports progress synchronously, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class LogProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
