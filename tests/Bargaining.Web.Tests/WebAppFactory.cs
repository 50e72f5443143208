using Bargaining.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Persistence;
using Bargaining.Testing;
using Bargaining.Web.Accounts;
using Bargaining.Web.Api;
using Bargaining.Web.Hosting;
using Bargaining.Workflows;
using Bargaining.Workflows.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bargaining.Web.Tests;

/// <summary>
/// The web application as <c>Program</c> wires it, on its own SQLite file in the temp folder and a
/// <see cref="ManualClock"/> reading Monday 2 March 2026, 09:00 China time. The host imports the Yancheng city union and
/// its 11 county-level unions from <c>organisations.json</c> at start; <see cref="InitializeAsync"/> imports a few enterprises of 盐都区 and 亭湖区 through the
/// API, as county staff would; tests add accounts of any role with <see cref="AccountAsync"/> and sign in with
/// <see cref="SignInAsync"/>. Disposing deletes the file.
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Every account's password (meets the password rules).</summary>
    public const string Password = DemoSeeder.Password;

    /// <summary>Monday 2 March 2026, 09:00 China time: the first day of the spring offer campaign.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private TestDatabase _database = null!;
    private int _accounts;
    private static readonly string[] Chairs = ["王建国", "陈桂芳", "周立新", "吴志强", "徐秀英", "朱海燕", "顾春华", "季国平"];

    public ManualClock Clock { get; } = new(Start);

    /// <summary>The clock the application runs on: <see cref="Clock"/>, unless a subclass runs on the real one.</summary>
    protected virtual TimeProvider ApplicationClock => Clock;

    public Organisation City { get; private set; } = null!;
    public Organisation Yandu { get; private set; } = null!;
    public Organisation Tinghu { get; private set; } = null!;

    /// <summary>Enterprises imported into 盐都区 (5) and 亭湖区 (2), by name.</summary>
    public IReadOnlyDictionary<string, Enterprise> Enterprises { get; private set; } = null!;

    /// <summary>Whether the host runs on Kestrel at a loopback port (for a browser) instead of the in-memory test server.</summary>
    protected virtual bool RealServer => false;

    /// <summary>Where a browser reaches the application (only with <see cref="RealServer"/>).</summary>
    public Uri Address { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Bargaining:DatabaseProvider", Database.Provider.ToString());
        builder.UseSetting("Bargaining:Database", Database.SqliteFile ?? "");
        builder.UseSetting("Bargaining:ConnectionString", Database.SqliteFile is null ? Database.ConnectionString : "");
        builder.UseSetting("Bargaining:Demo", "false");
        builder.UseSetting("Bargaining:JournalKey", _database.JournalKey);
        builder.UseSetting("Bargaining:Workflows", BargainingOptions.FindWorkflowsDirectory());
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(ApplicationClock)));
    }

    /// <summary>The database the host runs on: a SQLite file, or a PostgreSQL database when the run is on PostgreSQL (<see cref="TestDatabase"/>).</summary>
    protected DatabaseSettings Database =>
        _database.IsPostgreSql ? DatabaseSettings.PostgreSql(_database.ConnectionString) : DatabaseSettings.Sqlite(_database.SqliteFile!);

    /// <summary>The application's options on <see cref="Database"/>, with the host's journal key.</summary>
    protected BargainingOptions Options => new(BargainingOptions.FindWorkflowsDirectory(), Database) { JournalKey = _database.JournalKey };

    /// <summary>The SQLite file the host runs on (a test on SQLite only).</summary>
    public string DatabaseFile => Database.SqliteFile ?? throw new InvalidOperationException("this test runs on SQLite only");

    /// <summary>Prepares the database before the host starts (nothing by default: the host creates its tables).</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>
    /// The organisations and enterprises tests use: by default the Yancheng unions and enterprises of 盐都区 and
    /// 亭湖区 imported through the API.
    /// </summary>
    protected virtual async Task SeedAsync()
    {
        await ImportAsync(Yandu, ["盐城恒达精密机械有限公司", "盐城鑫源电子有限公司", "盐城华泰纺织有限公司", "盐城永盛食品有限公司", "盐城金海物流有限公司"], 1);
        await ImportAsync(Tinghu, ["亭湖瑞丰机械有限公司", "亭湖宏远建设工程有限公司"], 50);
    }

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("web", connection => ApplicationDatabase.MigrateAsync(DatabaseSettings.PostgreSql(connection)));
        await BeforeStartAsync();
        if (RealServer)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            StartServer();
            Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
        await WithDbAsync(async db =>
        {
            City = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.City);
            Yandu = await db.Organisations.SingleAsync(o => o.Code == "320903");
            Tinghu = await db.Organisations.SingleAsync(o => o.Code == "320902");
            return 0;
        });
        await SeedAsync();
        Enterprises = await WithDbAsync(db => db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Name));
    }

    /// <summary>Imports enterprises into <paramref name="unit"/> through <c>POST /api/organisations/{id}/enterprises</c>, as its staff.</summary>
    public async Task ImportAsync(Organisation unit, string[] names, int firstNumber)
    {
        var csv = new StringBuilder(string.Join(",", EnterpriseFile.Columns)).Append('\n');
        for (var i = 0; i < names.Length; i++)
        {
            var employees = 120 + 60 * i;
            csv.Append($"{names[i]},{CreditCodeFor(unit, firstNumber + i)},制造业,私营企业,{employees},{employees / 3},{names[i]}工会委员会,{Chairs[(firstNumber + i) % Chairs.Length]}\n");
        }
        using var staff = await SignInAsync(await AccountAsync(Role.CountyStaff, unit.Id));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", $"{unit.Name}企业名单.csv" } };
        var response = await staff.PostAsync($"/api/organisations/{unit.Id}/enterprises", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(names.Length, (await response.Content.ReadFromJsonAsync<ImportReport>(Json.Options))!.Imported);
    }

    /// <summary>A valid unified social credit code (GB 32100) of an enterprise of <paramref name="unit"/>.</summary>
    public static string CreditCodeFor(Organisation unit, int number)
    {
        var first17 = $"91{unit.Code}MA1WT{number:D4}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>Creates an account of <paramref name="role"/> in <paramref name="organisation"/> (and enterprise); returns its user name.</summary>
    public async Task<string> AccountAsync(Role role, Guid organisation, Guid? enterprise = null, string? displayName = null)
    {
        var userName = $"{role.ToString().ToLowerInvariant()}{Interlocked.Increment(ref _accounts)}";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account
        {
            UserName = userName, DisplayName = displayName ?? $"{role.Title()}{_accounts}", Role = role, OrganisationId = organisation, EnterpriseId = enterprise,
            CreatedBy = "tests",
        };
        var result = await users.CreateAsync(account, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return userName;
    }

    /// <summary>The user id of the account signed in as <paramref name="userName"/> (what the API names an account by).</summary>
    public async Task<string> AccountIdAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByNameAsync(userName))!.Id;
    }

    /// <summary>A client of its own (own cookies, redirects not followed).</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = RealServer ? Address : new Uri("http://localhost"),
    });

    /// <summary>A client signed in as <paramref name="userName"/> through <c>POST /api/account/login</c>.</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = NewClient();
        var response = await client.PostAsJsonAsync("/api/account/login", new LoginBody(userName, Password));
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{userName} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A new account of the role, signed in.</summary>
    public async Task<HttpClient> SignedInAsync(Role role, Guid organisation, Guid? enterprise = null) => await SignInAsync(await AccountAsync(role, organisation, enterprise));

    /// <summary>Runs <paramref name="work"/> on a fresh <see cref="BargainingDbContext"/> in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<BargainingDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BargainingDbContext>());
    }

    /// <summary>Today in China, by the application's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(ApplicationClock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>
    /// Moves the clock to <paramref name="target"/>, stopping at every timer due on the way so each fires at its due
    /// instant. The host's own timer processor wakes at each step too; a timer fires once whichever gets it first.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        var processor = Services.GetRequiredService<WorkflowTimerProcessor>();
        while (await NextDueAsync() is { } due && due <= target)
        {
            if (due > Clock.GetUtcNow()) Clock.SetUtcNow(due);
            await processor.RunOnceAsync();
        }
        if (target > Clock.GetUtcNow()) Clock.SetUtcNow(target);
    }

    private async Task<DateTimeOffset?> NextDueAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().NextDueAsync();
    }

    /// <summary>Releases what a subclass holds before the host stops.</summary>
    protected virtual Task BeforeDisposeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await BeforeDisposeAsync();
        await DisposeAsync();
        await _database.DisposeAsync();
    }
}
