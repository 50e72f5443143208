using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bargaining.Domain;
using Bargaining.Testing;
using Bargaining.Workflows.Persistence;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Bargaining.Web.Tests.Api;

/// <summary>
/// Random bodies at every state-changing endpoint of the API, found from the host's own route table (so a new endpoint
/// is fuzzed without being listed here), with real and made-up ids in the route, as the city administrator, county
/// staff, a union chair at the table or nobody: never a 500, every refusal a ProblemDetails with a Chinese detail,
/// and nothing written by a refused request.
/// </summary>
public sealed partial class ApiPayloadProperties(WebAppFactory app, ITestOutputHelper output) : IClassFixture<WebAppFactory>
{
    private sealed record Target(string Method, string Route, Type? Body);

    private sealed record Case(Target Target, string Path, int Caller, string Body, string ContentType)
    {
        public override string ToString() => $"{Target.Method} {Path} as caller {Caller} ({ContentType}): {(Body.Length > 1500 ? Body[..1500] + "…" : Body)}";
    }

    [Fact]
    public async Task A_random_body_at_any_endpoint_is_refused_clearly_or_accepted_and_a_refusal_writes_nothing()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城华泰纺织有限公司");
        var round = await table.AtTheTableAsync();
        using var admin = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        using var staff = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        using var anonymous = app.NewClient();
        HttpClient[] callers = [admin, staff, table.Chair, anonymous];
        var ids = new[] { round, table.Enterprise.Id, app.Yandu.Id, app.Tinghu.Id, Guid.NewGuid() }.Select(g => g.ToString()).Append("not-an-id").ToArray();

        var targets = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "GET" && m != "HEAD")
                .Select(m => new Target(m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
            .Where(t => t.Route.StartsWith("/api", StringComparison.Ordinal) && t.Route != "/api/account/logout")
            .DistinctBy(t => (t.Method, t.Route)).OrderBy(t => t.Route, StringComparer.Ordinal).ThenBy(t => t.Method).ToArray();
        Assert.True(targets.Length >= 30, $"only {targets.Length} state-changing endpoints found");

        var cases =
            from target in Gen.Elements(targets)
            from path in Gen.CollectToArray(RouteParameter().Matches(target.Route).Select(_ => Gen.Elements(ids)))
                .Select(values => Fill(target.Route, values))
            from caller in Gen.Choose(0, callers.Length - 1)
            from body in Body(target.Body, ids)
            from contentType in Gen.Frequency((8, Gen.Constant("application/json")), (1, Gen.Constant("text/plain")), (1, Gen.Constant("multipart/form-data; boundary=x")))
            select new Case(target, path, caller, body, contentType);

        var statuses = new SortedSet<int>();
        Fuzz.Check(output, $"API bodies at {targets.Length} endpoints", cases, async c =>
        {
            var before = await CountsAsync();
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(c.Body));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
            using var request = new HttpRequestMessage(new HttpMethod(c.Target.Method), c.Path) { Content = content };
            using var response = await callers[c.Caller].SendAsync(request);
            var status = (int)response.StatusCode;
            lock (statuses) statuses.Add(status);
            Assert.True(status < 500 || status == 503, $"{status}: {await response.Content.ReadAsStringAsync()}");
            if (status < 400) return "accepted";
            var problem = await response.ProblemAsync(response.StatusCode);
            Assert.Matches(Chinese(), problem.Detail());
            Assert.Equal(before, await CountsAsync());
            return "refused";
        });
        output.WriteLine($"statuses seen: {string.Join(", ", statuses)}");
    }

    private static string Fill(string route, string[] values)
    {
        var i = 0;
        return RouteParameter().Replace(route, _ => Uri.EscapeDataString(values[i++]));
    }

    /// <summary>A JSON object of the body's own fields (and strangers) holding any kind of value, or a body that is not one at all.</summary>
    private static Gen<string> Body(Type? type, string[] ids)
    {
        // Fields by name, not indexers (a JSON object's two are both "Item").
        var names = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Distinct().ToArray() is { Length: > 0 } n ? n : ["id", "name"];
        var scalar = Gen.OneOf(
            Fuzz.AnyText.Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Elements(ids).Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Elements("Worker", "Employer", "Wage", "Comprehensive", "Ordinary", "Simplified", "2026-03-02", "2026-02-30", "99999-01-01", "pay", "true")
                .Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Elements("0", "-1", "1.5", "2147483648", "-9223372036854775809", "1e308", "1e400", "true", "false", "null")
                .Select(s => JsonNode.Parse(s)));
        var value = Gen.Sized(size => Value(size, scalar, names));
        var obj =
            from fields in Gen.SubListOf(names)
            from strangers in Gen.ListOf(Gen.Elements("$type", "__proto__", "roundId", "extra"))
            from values in Gen.ArrayOf(value, fields.Count + strangers.Count)
            select new JsonObject(fields.Concat(strangers).Distinct().Zip(values, (k, v) => KeyValuePair.Create<string, JsonNode?>(k, v))).ToJsonString();
        return Gen.Frequency(
            (8, obj),
            (1, Gen.Elements("", "{", "[]", "null", "1", "\"x\"", "not json", "{\"a\":1,\"a\":2}", new string('[', 100) + new string(']', 100))),
            (1, value.Select(v => v?.ToJsonString() ?? "null")));
    }

    private static Gen<JsonNode?> Value(int size, Gen<JsonNode?> scalar, string[] names) => size <= 1
        ? scalar
        : Gen.Frequency(
            (6, scalar),
            (1, Gen.ListOf(Gen.Sized(s => Value(s / 2, scalar, names)).Resize(size / 2)).Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
            (1, Gen.SubListOf(names).SelectMany(keys => Gen.ArrayOf(Value(size / 2, scalar, names), keys.Count)
                .Select(values => (JsonNode?)new JsonObject(keys.Zip(values, (k, v) => KeyValuePair.Create<string, JsonNode?>(k, v)))))));

    /// <summary>Rows of every table a command writes (the accounts excepted: an administrator may create one).</summary>
    private Task<long[]> CountsAsync() => app.WithDbAsync(async db => new long[]
    {
        await db.Organisations.CountAsync(), await db.Enterprises.CountAsync(), await db.Rounds.CountAsync(), await db.Topics.CountAsync(),
        await db.Positions.CountAsync(), await db.Representatives.CountAsync(), await db.Meetings.CountAsync(), await db.DraftClauses.CountAsync(),
        await db.Campaigns.CountAsync(), await db.InstructorAssignments.CountAsync(), await db.Set<WorkflowJournalRecord>().CountAsync(),
    });

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
