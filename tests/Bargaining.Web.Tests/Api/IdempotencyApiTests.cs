using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Table;
using Bargaining.Infrastructure;
using Bargaining.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Tests.Api;

/// <summary>
/// A command sent again with its idempotency key — by an API client retrying, concurrently or later, or by a browser
/// sending a form twice — runs once and every repeat gets the first answer; the same key with another request is
/// refused; keys are the account's own and expire.
/// </summary>
public sealed partial class IdempotencyApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Enterprise = "盐城华泰纺织有限公司";

    private static ProposeCommand Rewards(Guid round, Side side = Side.Worker, string clause = "考勤奖惩制度须经职代会讨论") =>
        new(round, side, new TopicProposal("rewards-discipline", clause));

    private static HttpRequestMessage Keyed(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.Add(RequestKeys.Header, key);
        return request;
    }


    private async Task<(RoundTable Table, string ChairName, Guid Round)> AtTheTableAsync()
    {
        var enterprise = app.Enterprises[Enterprise];
        var chairName = await app.AccountAsync(Role.UnionChair, enterprise.OrganisationId, enterprise.Id);
        var table = new RoundTable(app, enterprise, await app.SignInAsync(chairName), await app.SignedInAsync(Role.EmployerRepresentative, enterprise.OrganisationId, enterprise.Id));
        return (table, chairName, await table.AtTheTableAsync());
    }

    [Fact]
    public async Task Ten_concurrent_identical_proposals_with_one_key_record_one_position_and_get_ten_identical_answers()
    {
        var (table, _, round) = await AtTheTableAsync();
        var before = await table.PositionsAsync(round);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => table.Chair.SendAsync(Keyed($"/api/rounds/{round}/topics", Rewards(round), key))));

        var answers = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {r.Headers.Location} {await r.Content.ReadAsStringAsync()}"));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(answers.Distinct());
        Assert.Equal(before + 1, await table.PositionsAsync(round));
    }

    [Fact]
    public async Task A_sequential_repeat_gets_the_first_answer_and_writes_nothing_even_after_the_round_moved_on()
    {
        var (table, _, round) = await AtTheTableAsync();
        var key = Guid.NewGuid().ToString();
        var first = await table.Chair.SendAsync(Keyed($"/api/rounds/{round}/topics", Rewards(round), key));
        var body = await first.Content.ReadAsStringAsync();
        var pay = await table.PayTopicAsync(round);
        await (await table.Employer.PostJsonAsync($"/api/topics/{pay}/counter", new CounterProposeCommand(pay, Side.Employer, "职工年平均工资增长4%", 4, "%"))).ExpectAsync(HttpStatusCode.NoContent);
        var positions = await table.PositionsAsync(round);

        var repeat = await table.Chair.SendAsync(Keyed($"/api/rounds/{round}/topics", Rewards(round), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(body, await repeat.Content.ReadAsStringAsync());
        Assert.Equal(positions, await table.PositionsAsync(round));
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_422_in_chinese_and_writes_nothing()
    {
        var (table, _, round) = await AtTheTableAsync();
        var key = Guid.NewGuid().ToString();
        await (await table.Chair.SendAsync(Keyed($"/api/rounds/{round}/topics", Rewards(round), key))).ExpectAsync(HttpStatusCode.Created);
        var positions = await table.PositionsAsync(round);

        var otherBody = await (await table.Chair.SendAsync(Keyed($"/api/rounds/{round}/topics", Rewards(round, clause: "考勤奖惩制度须经工会同意"), key))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var pay = await table.PayTopicAsync(round);
        var otherAddress = await (await table.Chair.SendAsync(Keyed($"/api/topics/{pay}/withdraw", new WithdrawTopicCommand(pay, Side.Worker, "另行协商"), key))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("idempotency-key.reused", otherBody.Code());
        Assert.Contains("幂等键", otherBody.Detail());
        Assert.Equal("idempotency-key.reused", otherAddress.Code());
        Assert.Equal(positions, await table.PositionsAsync(round));
    }

    [Fact]
    public async Task Another_accounts_same_key_is_a_request_of_its_own()
    {
        var (table, _, round) = await AtTheTableAsync();
        var key = Guid.NewGuid().ToString();
        await (await table.Chair.SendAsync(Keyed($"/api/rounds/{round}/topics", Rewards(round), key))).ExpectAsync(HttpStatusCode.Created);
        var positions = await table.PositionsAsync(round);

        await (await table.Employer.SendAsync(Keyed($"/api/rounds/{round}/topics", Rewards(round, Side.Employer, "完善考勤奖惩制度"), key))).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(positions + 1, await table.PositionsAsync(round));
    }

    [Fact]
    public async Task A_key_is_a_new_request_once_it_has_expired_and_expired_keys_are_swept()
    {
        var (table, chairName, round) = await AtTheTableAsync();
        var key = Guid.NewGuid().ToString();
        await (await table.Chair.SendAsync(Keyed($"/api/rounds/{round}/topics", Rewards(round), key))).ExpectAsync(HttpStatusCode.Created);
        var positions = await table.PositionsAsync(round);

        await app.AdvanceToAsync(app.Clock.GetUtcNow().AddHours(25));
        using var chair = await app.SignInAsync(chairName);
        await (await chair.SendAsync(Keyed($"/api/rounds/{round}/topics", Rewards(round), key))).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(positions + 1, await table.PositionsAsync(round));
        await app.AdvanceToAsync(app.Clock.GetUtcNow().AddHours(25));
        var accountId = await app.AccountIdAsync(chairName);
        // The host's sweeper runs every hour of the clock; sweeping once more finds the account's keys gone either way.
        await app.WithDbAsync(db => IdempotencyKeys.SweepAsync(db, app.Clock.GetUtcNow()));
        Assert.False(await app.WithDbAsync(db => db.CommandKeys.AnyAsync(k => k.AccountId == accountId)));
    }

    [Fact]
    public async Task A_malformed_key_is_refused_400_in_chinese()
    {
        var (table, _, round) = await AtTheTableAsync();
        var problem = await (await table.Chair.SendAsync(Keyed($"/api/rounds/{round}/topics", Rewards(round), new string('k', 101)))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("idempotency-key.invalid", problem.Code());
    }

    [Fact]
    public async Task A_form_posted_twice_with_its_hidden_key_writes_once_and_redirects_alike()
    {
        var (table, _, round) = await AtTheTableAsync();
        var page = await table.Employer.GetStringAsync($"/Rounds/{round}");
        var form = CounterForm().Match(page);
        Assert.True(form.Success, "the employer's page has a counterproposal form on the pay topic");
        var fields = Input().Matches(form.Groups["body"].Value).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Matches("^[0-9a-f]{32}$", fields[RequestKeys.FormField]);
        fields["clause"] = "职工年平均工资增长4%";
        fields["number"] = "4";
        fields["unit"] = "%";
        var action = WebUtility.HtmlDecode(form.Groups["action"].Value);
        var before = await table.PositionsAsync(round);

        var first = await table.Employer.PostAsync(action, new FormUrlEncodedContent(fields));
        var second = await table.Employer.PostAsync(action, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, await table.PositionsAsync(round));
    }

    [Fact]
    public async Task The_OpenAPI_document_offers_the_header_on_every_command_and_not_on_signing_in()
    {
        using var client = app.NewClient();
        var paths = (await (await client.GetAsync("/openapi/v1.json")).ReadAsync<JsonElement>()).GetProperty("paths");

        bool Offers(string path, string method) => paths.GetProperty(path).GetProperty(method).TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == RequestKeys.Header && p.GetProperty("in").GetString() == "header");

        var commands = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name)))
            .Where(o => o.Method is "post" or "put" or "patch" or "delete" && !o.Path.StartsWith("/api/account", StringComparison.Ordinal) && !o.Path.StartsWith("/api/verify", StringComparison.Ordinal))
            .ToList();
        Assert.True(commands.Count >= 30, $"{commands.Count} command endpoints");
        Assert.All(commands, o => Assert.True(Offers(o.Path, o.Method), $"{o.Method} {o.Path}"));
        Assert.False(Offers("/api/account/login", "post"));
    }

    [GeneratedRegex("""<form(?=[^>]*data-testid="counter-pay")(?=[^>]*action="(?<action>[^"]+)")[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex CounterForm();

    [GeneratedRegex("""<input(?=[^>]*name="(?<name>[^"]+)")(?=[^>]*value="(?<value>[^"]*)")[^>]*>""")]
    private static partial Regex Input();
}
