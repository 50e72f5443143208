using Bargaining.Domain;
using Bargaining.Web.Api;
using Microsoft.AspNetCore.Hosting;

namespace Bargaining.Web.Tests.Api;

/// <summary>A host started on a fresh database with Bargaining:AdminPassword.</summary>
public sealed class FirstAdministratorApp : WebAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bargaining:AdminPassword", Password);
    }
}

/// <summary>The first start of a real installation: the city union's units exist and the first administrator can sign in.</summary>
public sealed class FirstAdministratorTests(FirstAdministratorApp app) : IClassFixture<FirstAdministratorApp>
{
    [Fact]
    public async Task The_first_start_creates_one_city_administrator_named_admin_for_the_city_union()
    {
        using var admin = await app.SignInAsync("admin");

        var me = await (await admin.GetAsync("/api/account/me")).ReadAsync<Me>();
        Assert.Equal(("系统管理员", Role.CityAdministrator, app.City.Id), (me.Name, me.Role, me.OrganisationId));
        Assert.Single(await (await admin.GetAsync("/api/accounts")).ReadAsync<List<AccountRow>>(), a => a.Role == Role.CityAdministrator);
    }
}
