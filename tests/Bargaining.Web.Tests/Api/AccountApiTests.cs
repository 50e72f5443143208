using Bargaining.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Web.Accounts;
using Bargaining.Web.Api;

namespace Bargaining.Web.Tests.Api;

public sealed class AccountApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task A_chair_signs_in_and_me_tells_the_role_organisation_and_enterprise()
    {
        var hengda = app.Enterprises["盐城恒达精密机械有限公司"];
        var userName = await app.AccountAsync(Role.UnionChair, app.Yandu.Id, hengda.Id, "王建国");
        using var chair = await app.SignInAsync(userName);

        var me = await (await chair.GetAsync("/api/account/me")).ReadAsync<Me>();

        Assert.Equal((userName, "王建国", Role.UnionChair, "企业工会主席", app.Yandu.Id, (Guid?)hengda.Id), (me.UserName, me.Name, me.Role, me.RoleTitle, me.OrganisationId, me.EnterpriseId));
    }

    [Fact]
    public async Task After_signing_out_the_same_client_is_answered_401()
    {
        using var client = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        await (await client.PostAsync("/api/account/logout", null)).ExpectAsync(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/account/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_password_is_answered_401_in_Chinese()
    {
        var userName = await app.AccountAsync(Role.Reviewer, app.Yandu.Id);
        using var client = app.NewClient();

        var problem = await (await client.PostJsonAsync("/api/account/login", new LoginBody(userName, "Wrong-password-1"))).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(AccountSignIn.Refusal, problem.Detail());
    }

    [Fact]
    public async Task An_unknown_user_name_a_wrong_password_and_a_locked_account_get_the_same_answer()
    {
        var locked = await app.AccountAsync(Role.Instructor, app.Tinghu.Id);
        var real = await app.AccountAsync(Role.Instructor, app.Tinghu.Id);
        using var client = app.NewClient();
        for (var i = 1; i <= 5; i++) await (await client.PostJsonAsync("/api/account/login", new LoginBody(locked, $"Wrong-password-{i}"))).ProblemAsync(HttpStatusCode.Unauthorized);

        var answers = new List<string?>();
        foreach (var (userName, password) in new[] { ("nobody-xyz", "Wrong-password-1"), (real, "Wrong-password-1"), (locked, WebAppFactory.Password), (locked, "Wrong-password-6") })
            answers.Add((await (await client.PostJsonAsync("/api/account/login", new LoginBody(userName, password))).ProblemAsync(HttpStatusCode.Unauthorized)).Detail());

        Assert.All(answers, a => Assert.Equal(AccountSignIn.Refusal, a));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_that_even_the_right_one_is_refused()
    {
        var userName = await app.AccountAsync(Role.Instructor, app.Yandu.Id);
        using var client = app.NewClient();
        for (var i = 1; i <= 4; i++)
            Assert.Equal(AccountSignIn.Refusal, (await (await client.PostJsonAsync("/api/account/login", new LoginBody(userName, $"Wrong-password-{i}"))).ProblemAsync(HttpStatusCode.Unauthorized)).Detail());

        var fifth = await (await client.PostJsonAsync("/api/account/login", new LoginBody(userName, "Wrong-password-5"))).ProblemAsync(HttpStatusCode.Unauthorized);
        var right = await (await client.PostJsonAsync("/api/account/login", new LoginBody(userName, WebAppFactory.Password))).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(AccountSignIn.Refusal, fifth.Detail());
        Assert.Equal(AccountSignIn.Refusal, right.Detail());
        await (await client.GetAsync("/api/account/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("GET", "/api/account/me")]
    [InlineData("POST", "/api/account/logout")]
    [InlineData("POST", "/api/rounds")]
    [InlineData("GET", "/api/rounds/8d1f5a43-3b1e-4c55-9a0e-2f7f5c1d9b10")]
    [InlineData("POST", "/api/rounds/8d1f5a43-3b1e-4c55-9a0e-2f7f5c1d9b10/offer")]
    [InlineData("GET", "/api/rounds/8d1f5a43-3b1e-4c55-9a0e-2f7f5c1d9b10/documents/Contract")]
    [InlineData("GET", "/api/topics/8d1f5a43-3b1e-4c55-9a0e-2f7f5c1d9b10")]
    [InlineData("POST", "/api/campaigns")]
    [InlineData("POST", "/api/offers")]
    [InlineData("GET", "/api/organisations/8d1f5a43-3b1e-4c55-9a0e-2f7f5c1d9b10/progress")]
    [InlineData("POST", "/api/organisations/8d1f5a43-3b1e-4c55-9a0e-2f7f5c1d9b10/enterprises")]
    public async Task Without_signing_in_the_API_answers_401_ProblemDetails_not_a_redirect_to_the_sign_in_page(string method, string url)
    {
        using var client = app.NewClient();

        HttpContent? body = method != "POST" ? null
            : url.EndsWith("/enterprises", StringComparison.Ordinal) ? new MultipartFormDataContent { { new ByteArrayContent([]), "file", "企业名单.csv" } }
            : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body });

        Assert.Null(response.Headers.Location);
        Assert.Equal("请先登录", (await response.ProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_page_without_signing_in_still_redirects_to_the_sign_in_page()
    {
        using var client = app.NewClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_and_describes_the_endpoints()
    {
        using var client = app.NewClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).ReadAsync<JsonElement>();

        Assert.Equal("Bargaining 集体协商 API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/account/login", paths);
        Assert.Contains("/api/rounds/{id}/congress-vote", paths);
        Assert.Contains("/api/verify/{code}", paths);
    }

    [Fact]
    public async Task The_OpenAPI_document_does_not_require_in_the_body_the_id_the_route_decides()
    {
        using var client = app.NewClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).ReadAsync<JsonElement>();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        string[] Required(string schema) => schemas.GetProperty(schema).TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
        Assert.DoesNotContain("roundId", Required("MakeOfferCommand"));
        Assert.Contains("topics", Required("MakeOfferCommand"));
        Assert.DoesNotContain("roundId", Required("RecordReviewClearanceCommand"));
        Assert.DoesNotContain("topicId", Required("AgreeTopicCommand"));
        Assert.DoesNotContain("currentRoundId", Required("StartRenewalCommand"));
        Assert.Contains("enterpriseId", Required("StartRoundCommand"));   // not in the route: the body decides
        Assert.Contains("由路径中的 id 决定", schemas.GetProperty("MakeOfferCommand").GetProperty("properties").GetProperty("roundId").GetProperty("description").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/rounds/{id}/actions", "/api/rounds/{id}/documents", "/api/rounds/{id}/suggestions", "/api/rounds/{id}/specific-terms", "/api/rounds/{id}/review/clearance" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Fact]
    public async Task An_unknown_API_route_is_answered_404_ProblemDetails()
    {
        using var client = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);

        await (await client.GetAsync("/api/no-such-thing")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_upload_sent_as_JSON_is_answered_415_ProblemDetails_even_without_signing_in()
    {
        using var client = app.NewClient();

        var response = await client.PostJsonAsync($"/api/organisations/{app.Yandu.Id}/enterprises", new { file = "企业名单.csv" });

        Assert.Null(response.Headers.Location);
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_missing_page_shows_the_Chinese_404_page_without_asking_to_sign_in()
    {
        using var client = app.NewClient();

        var response = await client.GetAsync("/No/Such/Page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("您要找的页面或记录不存在", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_city_administrator_creates_an_employer_account_through_the_API_and_it_signs_in()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        var hengda = app.Enterprises["盐城恒达精密机械有限公司"];

        var response = await city.PostJsonAsync("/api/accounts", new NewAccount("liming", "李明", Role.EmployerRepresentative, app.Yandu.Id, hengda.CreditCode, "Hengda2026x"));
        var created = await response.ReadAsync<AccountRow>(HttpStatusCode.Created);
        Assert.Equal($"/api/accounts/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(hengda.Id, created.EnterpriseId);
        Assert.Contains(await (await city.GetAsync("/api/accounts")).ReadAsync<List<AccountRow>>(), a => a.UserName == "liming");

        using var employer = app.NewClient();
        await (await employer.PostJsonAsync("/api/account/login", new LoginBody("liming", "Hengda2026x"))).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(Role.EmployerRepresentative, (await (await employer.GetAsync("/api/account/me")).ReadAsync<Me>()).Role);
    }

    [Fact]
    public async Task Account_creation_refuses_a_weak_password_a_taken_name_and_an_enterprise_of_another_unit_and_is_the_city_administrators_alone()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        using var staff = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        var hengda = app.Enterprises["盐城恒达精密机械有限公司"];
        var account = new NewAccount("chen", "陈桂芳", Role.UnionChair, app.Yandu.Id, hengda.CreditCode, "Hengda2026x");

        Assert.Contains("10", (await (await city.PostJsonAsync("/api/accounts", account with { Password = "short1" })).ProblemAsync(HttpStatusCode.BadRequest)).Detail());
        Assert.Contains("不属于所选单位", (await (await city.PostJsonAsync("/api/accounts", account with { OrganisationId = app.Tinghu.Id })).ProblemAsync(HttpStatusCode.BadRequest)).Detail());
        Assert.Equal("用户名不能超过50个字", (await (await city.PostJsonAsync("/api/accounts", account with { UserName = new string('c', 300) })).ProblemAsync(HttpStatusCode.BadRequest)).Detail());
        Assert.Equal("姓名不能超过50个字", (await (await city.PostJsonAsync("/api/accounts", account with { DisplayName = new string('陈', 51) })).ProblemAsync(HttpStatusCode.BadRequest)).Detail());
        await (await city.PostJsonAsync("/api/accounts", account)).ExpectAsync(HttpStatusCode.Created);
        Assert.Contains("已被使用", (await (await city.PostJsonAsync("/api/accounts", account)).ProblemAsync(HttpStatusCode.BadRequest)).Detail());
        await (await staff.PostJsonAsync("/api/accounts", account with { UserName = "chen2" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.GetAsync("/api/accounts")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_the_city_sets_the_labour_department_that_reviews_a_units_contracts()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        using var staff = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        var body = new SetLabourAuthorityCommand(app.Yandu.Id, "盐城市盐都区人力资源和社会保障局", "都人社");

        await (await city.PutAsJsonAsync($"/api/organisations/{app.Yandu.Id}/labour-authority", body, Json.Options)).ExpectAsync(HttpStatusCode.NoContent);
        await (await staff.PutAsJsonAsync($"/api/organisations/{app.Yandu.Id}/labour-authority", body, Json.Options)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await city.PutAsJsonAsync($"/api/organisations/{Guid.NewGuid()}/labour-authority", body, Json.Options)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_party_needs_a_valid_credit_code_of_its_unit_and_a_refused_account_is_not_created()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        var account = new NewAccount("xu", "徐立新", Role.UnionChair, app.Yandu.Id, null, "Hengda2026x");

        Assert.Contains("统一社会信用代码", (await (await city.PostJsonAsync("/api/accounts", account)).ProblemAsync(HttpStatusCode.BadRequest)).Detail());
        Assert.Contains("校验位", (await (await city.PostJsonAsync("/api/accounts", account with { CreditCode = "91320903MA1XY00010" })).ProblemAsync(HttpStatusCode.BadRequest)).Detail());
        Assert.DoesNotContain(await (await city.GetAsync("/api/accounts")).ReadAsync<List<AccountRow>>(), a => a.UserName == "xu");
        using var anonymous = app.NewClient();
        await (await anonymous.GetAsync("/api/accounts")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_labour_department_set_by_the_city_is_listed_with_its_unit_and_needs_its_abbreviation()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        await (await city.PutAsJsonAsync($"/api/organisations/{app.Tinghu.Id}/labour-authority", new SetLabourAuthorityCommand(app.Tinghu.Id, "盐城市亭湖区人力资源和社会保障局", "亭人社集备"), Json.Options))
            .ExpectAsync(HttpStatusCode.NoContent);
        var tinghu = (await (await city.GetAsync("/api/organisations")).ReadAsync<List<OrganisationRow>>()).Single(o => o.Id == app.Tinghu.Id);
        Assert.Equal(("盐城市亭湖区人力资源和社会保障局", "亭人社集备"), (tinghu.LabourAuthority, tinghu.FilingAbbreviation));
        await (await city.PutAsJsonAsync($"/api/organisations/{app.Tinghu.Id}/labour-authority", new SetLabourAuthorityCommand(app.Tinghu.Id, "盐城市亭湖区人力资源和社会保障局", ""), Json.Options))
            .ProblemAsync(HttpStatusCode.BadRequest);
    }
}
