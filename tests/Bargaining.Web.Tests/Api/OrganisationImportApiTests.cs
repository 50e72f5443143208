using System.Net;
using Bargaining.Domain;
using Bargaining.Features.Organisations;

namespace Bargaining.Web.Tests.Api;

/// <summary>The city union re-imports its organisation file (<c>organisations.json</c>) that the host imported at its first start.</summary>
public sealed class OrganisationImportApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task The_city_union_re_imports_the_organisation_file_and_finds_every_unit_unchanged()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);

        var report = await (await city.PostAsync("/api/organisations/import", null)).ReadAsync<ImportOrganisationsReport>();

        Assert.Equal((0, 0, 12), (report.Created, report.Updated, report.Unchanged));
        Assert.Empty(report.KeptNotInFile);
    }

    [Fact]
    public async Task County_staff_may_not_re_import_the_organisation_file()
    {
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);

        await (await yandu.PostAsync("/api/organisations/import", null)).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
