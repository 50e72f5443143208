using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bargaining.Domain;

namespace Bargaining.Web.Tests.Api;

/// <summary>The host on Kestrel at a loopback port, where the server's body limits apply (the in-memory server has none).</summary>
public sealed class KestrelWebAppFactory : WebAppFactory
{
    protected override bool RealServer => true;
}

/// <summary>
/// Every request body is bounded (issue 12): 2 MB for any request, 10 MB for an enterprise list, 20 MB for a PDF to
/// verify. A body over its limit is a 413 whose Chinese message names the limit, and nothing is written; a body that
/// is not JSON is a 400 in Chinese, without the parser's English.
/// </summary>
public sealed class RequestLimitApiTests(KestrelWebAppFactory app) : IClassFixture<KestrelWebAppFactory>
{
    [Fact]
    public async Task A_command_body_over_2_MB_is_a_413_naming_the_limit_and_writes_nothing()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        var name = new string('字', 800_000);   // 2.4 MB in UTF-8

        var refused = await SendAsync(city, "/api/campaigns", Json(new { name, startsOn = "2026-03-02", endsOn = "2026-05-31", organisationIds = Array.Empty<Guid>() }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("请求内容过大：不能超过 2 MB", await DetailAsync(refused));
        Assert.Equal("[]", await (await city.GetAsync("/api/campaigns")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_enterprise_list_over_10_MB_is_a_413_and_one_under_it_is_read()
    {
        var county = app.Enterprises["盐城恒达精密机械有限公司"].OrganisationId;
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        var before = await app.WithDbAsync(db => Task.FromResult(db.Enterprises.Count()));

        var tooLarge = await SendAsync(city, $"/api/organisations/{county}/enterprises", Upload("enterprises.csv", new byte[11 << 20]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("请求内容过大：不能超过 10 MB", await DetailAsync(tooLarge));

        // 3 MB: over the default limit, within the import's; refused for its content, not its size.
        var large = await city.PostAsync($"/api/organisations/{county}/enterprises", Upload("enterprises.csv", Encoding.UTF8.GetBytes(new string('x', 3 << 20))));
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.Enterprises.Count())));
    }

    [Fact]
    public async Task A_pdf_of_3_MB_is_verified_and_one_over_20_MB_is_a_413()
    {
        using var anyone = app.NewClient();

        var unreadable = await anyone.PostAsync("/api/verify", Upload("contract.pdf", new byte[3 << 20]));
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Equal("Unreadable", JsonDocument.Parse(await unreadable.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString());

        var tooLarge = await SendAsync(anyone, "/api/verify", Upload("contract.pdf", new byte[21 << 20]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("请求内容过大：不能超过 20 MB", await DetailAsync(tooLarge));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_in_Chinese()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);

        var refused = await city.PostAsync("/api/campaigns", new StringContent("{\"name\": \"春季\", \"startsOn\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotMatch("[a-z]{3,}", await DetailAsync(refused));
    }

    // Sent as a browser or curl sends a large body: the headers first, the body once the server agrees
    // (Expect: 100-continue), so that a refusal before the body is read reaches the client.
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string url, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.ExpectContinue = true;
        return client.SendAsync(request);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Upload(string name, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "text/csv");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
    }
}
