using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Xunit.Abstractions;

namespace Bargaining.Web.Tests.Api;

/// <summary>
/// Every operation of the OpenAPI document, called by every role on a resource of its own county and on one of
/// another's, and by a caller not signed in. The id in the route (and any id field of the body) names a round, topic,
/// organisation, enterprise or campaign of the column's county; the body is otherwise empty, so a command that admits
/// the caller answers 400 or a state refusal and one that does not answers 403 (authorisation comes first).
/// An operation the table below does not list fails the test: a new endpoint cannot escape the matrix.
/// </summary>
public sealed class AccessMatrixTests(WebAppFactory app, ITestOutputHelper output) : IClassFixture<WebAppFactory>
{
    /// <summary>What a route's <c>{id}</c> names: the resource its path starts with.</summary>
    private enum Names { Nothing, Round, Topic, Organisation, Enterprise, Campaign }

    private static Names IdOf(string path) => !path.Contains("{id}", StringComparison.Ordinal) ? Names.Nothing : path.Split('/')[2] switch
    {
        "rounds" => Names.Round, "topics" => Names.Topic, "organisations" => Names.Organisation, "enterprises" => Names.Enterprise,
        "campaigns" => Names.Campaign, var other => throw new InvalidOperationException($"{path}: what does its id name under /api/{other}?"),
    };

    /// <summary>
    /// An operation's rule: whether a caller not signed in may call it, and the roles admitted on
    /// their own county's resource (by letter: A city administrator, S county staff, I instructor, C union chair,
    /// E employer representative, R reviewer, O coordinator). No role is ever admitted to another county's resource.
    /// An operation on the caller's own account (<paramref name="OwnAccount"/>) names no county, whatever its body.
    /// </summary>
    private sealed record Rule(string Admitted, bool Public = false, bool OwnAccount = false);

    private const string Everyone = "ASICERO";

    private static readonly Dictionary<string, Rule> Expected = new()
    {
        ["POST /api/account/login"] = new("", Public: true),
        ["POST /api/account/logout"] = new(Everyone),
        ["GET /api/account/me"] = new(Everyone),
        ["GET /api/account/calendar-feed"] = new(Everyone),
        ["POST /api/account/calendar-feed"] = new(Everyone),
        ["DELETE /api/account/calendar-feed"] = new(Everyone),
        ["GET /api/account/reminders"] = new(Everyone),
        ["PUT /api/account/reminders"] = new(Everyone, OwnAccount: true),
        ["POST /api/account/reminders/confirmation"] = new(Everyone),
        ["GET /api/calendar/{userId}/{token}.ics"] = new(Everyone, Public: true),
        ["GET /api/accounts"] = new("A"),
        ["POST /api/accounts"] = new("A"),
        ["GET /api/deputy/{token}"] = new(Everyone, Public: true),
        ["POST /api/deputy/{token}/comments"] = new(Everyone, Public: true),
        ["GET /api/verify/{code}"] = new(Everyone, Public: true),
        ["POST /api/verify"] = new(Everyone, Public: true),

        ["GET /api/campaigns"] = new(Everyone),
        ["POST /api/campaigns"] = new("A"),
        ["GET /api/campaigns/{id}/dashboard"] = new("A"),
        ["GET /api/campaigns/{id}/dashboard/export"] = new("A"),
        ["POST /api/offers"] = new("S"),

        ["GET /api/organisations"] = new(Everyone),
        ["POST /api/organisations/import"] = new("A"),
        ["GET /api/catalogue/changes"] = new("A"),
        ["GET /api/catalogue/quality"] = new("A"),
        ["PUT /api/organisations/{id}/labour-authority"] = new("A"),
        ["POST /api/organisations/{id}/enterprises"] = new("AS"),
        ["GET /api/organisations/{id}/progress"] = new("ASI"),
        ["GET /api/organisations/in-force"] = new("A"),
        ["GET /api/organisations/{id}/in-force"] = new("ASI"),
        ["GET /api/enterprises"] = new("ASI"),
        ["GET /api/enterprises/export"] = new("ASI"),
        ["POST /api/enterprises/instructor"] = new("S"),
        ["GET /api/enterprises/{id}/instructors"] = new(Everyone),
        ["GET /api/enterprises/{id}/deputies"] = new("C"),
        ["POST /api/enterprises/{id}/deputies"] = new("C"),
        ["PUT /api/enterprises/{id}/deputies"] = new("C"),
        ["POST /api/enterprises/{id}/deputies/removal"] = new("C"),
        ["POST /api/enterprises/{id}/deputies/import"] = new("C"),
        ["GET /api/holidays"] = new("A"),
        ["PUT /api/holidays/{year}"] = new("A"),
        ["POST /api/holidays/import"] = new("A"),

        ["GET /api/rounds"] = new(Everyone),
        ["GET /api/rounds/export"] = new(Everyone),
        ["GET /api/rounds/reviews"] = new("R"),
        ["POST /api/rounds"] = new("SC"),
        ["GET /api/rounds/{id}"] = new(Everyone),
        ["GET /api/rounds/{id}/actions"] = new(Everyone),
        ["GET /api/rounds/{id}/documents"] = new(Everyone),
        ["GET /api/rounds/{id}/documents/{kind}"] = new(Everyone),
        ["GET /api/rounds/{id}/suggestions"] = new(Everyone),
        ["GET /api/rounds/{id}/table"] = new(Everyone),
        ["POST /api/rounds/{id}/offer"] = new("C"),
        ["POST /api/rounds/{id}/reply"] = new("E"),
        ["POST /api/rounds/{id}/urge"] = new("SI"),
        ["POST /api/rounds/{id}/withdrawal"] = new("C"),
        ["GET /api/rounds/{id}/termination"] = new(Everyone),
        ["GET /api/rounds/{id}/termination/evidence"] = new(Everyone),
        ["POST /api/rounds/{id}/termination"] = new("C"),
        ["POST /api/rounds/{id}/termination/confirmation"] = new("C"),
        ["POST /api/rounds/{id}/termination/refusal"] = new("C"),
        ["POST /api/rounds/{id}/escalation"] = new("SI"),
        ["POST /api/rounds/{id}/lapse"] = new("SI"),
        ["POST /api/rounds/{id}/representatives"] = new("C"),
        ["POST /api/rounds/{id}/meetings"] = new("C"),
        ["POST /api/rounds/{id}/minutes"] = new("C"),
        ["POST /api/rounds/{id}/suspend"] = new("C"),
        ["POST /api/rounds/{id}/resume"] = new("C"),
        ["POST /api/rounds/{id}/topics"] = new("C"),
        ["POST /api/rounds/{id}/specific-terms"] = new("C"),
        ["POST /api/rounds/{id}/conclude"] = new("C"),
        ["POST /api/rounds/{id}/congress-vote"] = new("C"),
        ["GET /api/rounds/{id}/consultation"] = new("C"),
        ["POST /api/rounds/{id}/consultation"] = new("C"),
        ["POST /api/rounds/{id}/consultation/links"] = new("C"),
        ["POST /api/rounds/{id}/consultation/invitations"] = new("C"),
        ["POST /api/rounds/{id}/consultation/answers"] = new("C"),
        ["POST /api/rounds/{id}/term"] = new("C"),
        ["POST /api/rounds/{id}/sign"] = new("C"),
        ["POST /api/rounds/{id}/on-the-spot"] = new("C"),
        ["POST /api/rounds/{id}/no-agreement"] = new("C"),
        ["POST /api/rounds/{id}/filing"] = new("E"),
        ["POST /api/rounds/{id}/review/clearance"] = new("R"),
        ["POST /api/rounds/{id}/objection"] = new("R"),
        ["POST /api/rounds/{id}/publication"] = new("C"),
        ["POST /api/rounds/{id}/renewal"] = new("SC"),
        ["POST /api/rounds/{id}/change"] = new("C"),
        ["GET /api/rounds/{id}/version"] = new(Everyone),
        ["GET /api/rounds/{id}/redline"] = new(Everyone),
        ["POST /api/rounds/{id}/coordination"] = new("C"),
        ["POST /api/rounds/{id}/coordination/extension"] = new("O"),
        ["POST /api/rounds/{id}/coordination/agreement"] = new("O"),
        ["POST /api/rounds/{id}/coordination/closure"] = new("O"),
        ["GET /api/rounds/{id}/obligations"] = new(Everyone),
        ["POST /api/rounds/{id}/obligations/derivation"] = new("SIC"),
        ["POST /api/rounds/{id}/obligations"] = new("SIC"),
        ["POST /api/rounds/{id}/checks"] = new("SIC"),
        ["GET /api/rounds/{id}/checks/attachment"] = new(Everyone),
        ["POST /api/rounds/{id}/disputes"] = new("SIC"),
        ["GET /api/rounds/{id}/disputes/record"] = new(Everyone),
        ["GET /api/rounds/{id}/performance-report"] = new(Everyone),
        ["GET /api/organisations/{id}/unmet-contracts"] = new("ASI"),
        ["GET /api/organisations/unmet-contract-counts"] = new("A"),
        ["GET /api/topics/{id}"] = new(Everyone),
        ["POST /api/topics/{id}/counter"] = new("C"),
        ["POST /api/topics/{id}/agree"] = new("C"),
        ["POST /api/topics/{id}/withdraw"] = new("C"),
    };

    private static readonly (char Letter, Role Role)[] Roles =
    [
        ('A', Role.CityAdministrator), ('S', Role.CountyStaff), ('I', Role.Instructor), ('C', Role.UnionChair),
        ('E', Role.EmployerRepresentative), ('R', Role.Reviewer), ('O', Role.Coordinator),
    ];

    /// <summary>The ids a column fills in: one county's round, its topic, the county, the enterprise, and the city's campaign.</summary>
    private sealed record Column(string Name, Guid Round, Guid Topic, Guid Organisation, Guid Enterprise, Guid Campaign)
    {
        public Guid For(Names id) => id switch
        {
            Names.Round => Round, Names.Topic => Topic, Names.Organisation => Organisation, Names.Enterprise => Enterprise,
            Names.Campaign => Campaign, _ => Guid.Empty,
        };
    }

    /// <summary>An operation of the document, with the media type of its request body when it takes one.</summary>
    private sealed record Operation(HttpMethod Method, string Path, string? Body);

    private sealed record Cell(string Operation, string Caller, string Column, HttpStatusCode Status);

    [Fact]
    public async Task Every_operation_of_the_openapi_document_admits_only_its_roles_on_their_own_county_and_nobody_on_another()
    {
        var operations = await OperationsAsync();
        var unlisted = operations.Where(o => !Expected.ContainsKey(o.Key)).Select(o => o.Key).ToList();
        var stale = Expected.Keys.Where(k => !operations.ContainsKey(k)).ToList();

        var (own, other) = await ColumnsAsync();
        var cells = new List<Cell>();
        // Signing out ends the caller's session: it is called last.
        var ordered = operations.OrderBy(o => o.Key.EndsWith("/logout", StringComparison.Ordinal)).ThenBy(o => o.Key, StringComparer.Ordinal).ToList();

        using (var anonymous = app.NewClient())
            foreach (var (key, operation) in ordered)
                cells.Add(new Cell(key, "anonymous", own.Name, await CallAsync(anonymous, operation, own)));
        foreach (var (letter, role) in Roles)
        {
            var enterprise = role is Role.UnionChair or Role.EmployerRepresentative ? own.Enterprise : (Guid?)null;
            using var client = await app.SignedInAsync(role, role == Role.CityAdministrator ? app.City.Id : own.Organisation, enterprise);
            foreach (var (key, operation) in ordered)
            {
                // Another county's resource first: signing out (the last operation) ends the session.
                // The city's administrator has no county of another city; a campaign is the city's; an operation with
                // neither an id nor a body names no county; a public operation (sign-in, verifying a contract) and one on
                // the caller's own account belong to none.
                var id = IdOf(operation.Path);
                if (role != Role.CityAdministrator && id != Names.Campaign && (id != Names.Nothing || operation.Body is not null) && Expected.GetValueOrDefault(key) is not ({ Public: true } or { OwnAccount: true }))
                    cells.Add(new Cell(key, letter.ToString(), other.Name, await CallAsync(client, operation, other)));
                cells.Add(new Cell(key, letter.ToString(), own.Name, await CallAsync(client, operation, own)));
            }
        }

        output.WriteLine($"access matrix: {operations.Count} operations × {Roles.Length} roles and anonymous × own/other county = {cells.Count} cells");
        foreach (var row in cells.Where(c => c.Caller != "anonymous").GroupBy(c => c.Operation))
            output.WriteLine($"{row.Key}: {string.Join(" ", row.Select(c => $"{c.Caller}{(c.Column == own.Name ? "" : "'")}={(int)c.Status}"))}");

        var failures = new List<string>();
        failures.AddRange(unlisted.Select(k => $"{k}: not in the expected-access table"));
        failures.AddRange(stale.Select(k => $"{k}: in the table but no longer in the OpenAPI document"));
        foreach (var cell in cells)
        {
            var where = $"{cell.Operation} as {cell.Caller} on {cell.Column}: {(int)cell.Status}";
            if ((int)cell.Status >= 500) failures.Add($"{where} (a server error)");
            if (!Expected.TryGetValue(cell.Operation, out var rule)) continue;
            if (cell.Caller == "anonymous")
            {
                if (!rule.Public && cell.Status != HttpStatusCode.Unauthorized) failures.Add($"{where} (expected 401)");
                continue;
            }
            var denied = cell.Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
            if (cell.Column == other.Name)
            {
                if ((int)cell.Status is >= 200 and < 300) failures.Add($"{where} (another county's resource)");
                continue;
            }
            var admitted = rule.Admitted.Contains(cell.Caller[0]);
            if (admitted == denied) failures.Add($"{where} (expected {(admitted ? "admitted" : "403")})");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Each operation of <c>/openapi/v1.json</c> as "METHOD /path", with its method and path template.</summary>
    private async Task<Dictionary<string, Operation>> OperationsAsync()
    {
        using var client = app.NewClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = new Dictionary<string, Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
                if (method is "get" or "post" or "put" or "delete" or "patch")
                    operations.Add($"{method.ToUpperInvariant()} {path}",
                        new Operation(new HttpMethod(method.ToUpperInvariant()), path, operation!["requestBody"]?["content"]?.AsObject().Select(c => c.Key).First()));
        return operations;
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, Operation operation, Column column)
    {
        var path = operation.Path.Replace("{id}", column.For(IdOf(operation.Path)).ToString())
            .Replace("{kind}", "Contract").Replace("{code}", "GH-320903-2026-0001").Replace("{year}", "2027");
        using var request = new HttpRequestMessage(operation.Method, path);
        if (operation.Body == "multipart/form-data")
            request.Content = new MultipartFormDataContent { { new ByteArrayContent("名单"u8.ToArray()), "file", "名单.csv" } };
        else if (operation.Body is not null)
        {
            // Every id a body may carry names the column's resource; the rest of the body is left out.
            var body = new JsonObject
            {
                ["roundId"] = column.Round, ["topicId"] = column.Topic, ["organisationId"] = column.Organisation,
                ["enterpriseId"] = column.Enterprise, ["enterpriseIds"] = new JsonArray(column.Enterprise), ["campaignId"] = column.Campaign,
            };
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, operation.Body);
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A round at the table (with its pay topic) in 盐都区 and one in 亭湖区, and a campaign of the city.</summary>
    private async Task<(Column Own, Column Other)> ColumnsAsync()
    {
        var campaign = await CampaignAsync();
        return (await ColumnAsync("盐都区", "盐城恒达精密机械有限公司", campaign), await ColumnAsync("亭湖区", "亭湖瑞丰机械有限公司", campaign));
    }

    private async Task<Column> ColumnAsync(string name, string enterprise, Guid campaign)
    {
        using var table = await RoundTable.SeatAsync(app, enterprise);
        var round = await table.AtTheTableAsync();
        return new Column(name, round, await table.PayTopicAsync(round), table.Enterprise.OrganisationId, table.Enterprise.Id, campaign);
    }

    private async Task<Guid> CampaignAsync()
    {
        using var admin = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        var body = new { name = "2026年春季集中要约行动", startsOn = app.Today, endsOn = app.Today.AddDays(90), organisationIds = new[] { app.Yandu.Id, app.Tinghu.Id },
            offerRateTarget = 80, signingRateTarget = 60, workersCoveredTarget = 1000 };
        var response = await admin.PostJsonAsync("/api/campaigns", body);
        return (await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}
