using System.Net;
using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Views;
using Bargaining.Tests.Shared;

namespace Bargaining.Web.Tests.Api;

/// <summary>
/// What a round offers each caller through the API: the actions they may take now (the same the round page shows),
/// the documents that print now or why not, the dates its forms suggest, and the specific terms a special contract
/// needs before its draft.
/// </summary>
public sealed class RoundViewsApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private const string Huatai = "盐城华泰纺织有限公司", Xinyuan = "盐城鑫源电子有限公司";
    private static readonly Guid Unknown = Guid.Parse("5b0e6c1a-0d7e-4f7a-9c3e-1f2a3b4c5d6e");
    private RoundTable _table = null!;

    public async Task InitializeAsync() => _table = await RoundTable.SeatAsync(app, Huatai);

    public Task DisposeAsync()
    {
        _table.Dispose();
        return Task.CompletedTask;
    }

    private HttpClient Chair => _table.Chair;
    private HttpClient Employer => _table.Employer;

    [Fact]
    public async Task After_the_start_the_chair_may_send_the_offer_and_the_employer_is_offered_nothing_of_it()
    {
        var round = await _table.StartAsync();

        var chair = await ActionsAsync(Chair, round);
        var employer = await ActionsAsync(Employer, round);

        Assert.Equal((RoundStage.Started, Side.Worker), (chair.Stage, chair.Side));
        var offer = Assert.Single(chair.Actions, a => a.Action == RoundActionKind.SendOffer);
        Assert.True(offer.Enabled);
        Assert.Equal("send-offer", offer.Signal);
        Assert.Equal(Side.Employer, employer.Side);
        Assert.DoesNotContain(employer.Actions, a => a.Action == RoundActionKind.SendOffer);
    }

    [Fact]
    public async Task At_the_table_concluding_is_listed_disabled_with_its_reason_in_Chinese_while_a_topic_is_open()
    {
        var round = await _table.AtTheTableAsync();

        var conclude = Assert.Single((await ActionsAsync(Chair, round)).Actions, a => a.Action == RoundActionKind.Conclude);

        Assert.False(conclude.Enabled);
        Assert.Contains("尚未达成一致", conclude.Reason);
    }

    [Fact]
    public async Task A_round_of_another_enterprise_or_none_has_no_actions_for_the_chair()
    {
        var round = await _table.StartAsync();
        using var other = await app.SignedInAsync(Role.UnionChair, app.Yandu.Id, app.Enterprises[Xinyuan].Id);

        await (await other.GetAsync($"/api/rounds/{round}/actions")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("该轮协商不存在", (await (await Chair.GetAsync($"/api/rounds/{Unknown}/actions")).ProblemAsync(HttpStatusCode.NotFound)).Detail());
    }

    [Fact]
    public async Task Before_the_reply_the_documents_list_the_offer_letter_and_say_why_the_response_is_not_available()
    {
        var round = await _table.OfferedAsync();

        var documents = await DocumentsAsync(Employer, round);

        Assert.True(Single(documents, RoundDocumentKind.OfferLetter).Available);
        var response = Single(documents, RoundDocumentKind.Response);
        Assert.False(response.Available);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", response.Reason);
        Assert.False(Single(documents, RoundDocumentKind.Contract).Available);
    }

    [Fact]
    public async Task Once_the_employer_has_replied_and_named_its_representatives_the_response_is_listed_available_and_prints()
    {
        var round = await _table.PreparedAsync();

        Assert.True(Single(await DocumentsAsync(Chair, round), RoundDocumentKind.Response).Available);
        var printed = await Chair.GetAsync($"/api/rounds/{round}/documents/Response");
        await printed.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("同意", PrintedPdf.Text(await printed.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_wage_round_suggests_a_meeting_three_working_days_on_and_a_one_year_term_from_next_month()
    {
        var round = await _table.StartAsync();

        var suggestions = await (await Chair.GetAsync($"/api/rounds/{round}/suggestions")).ReadAsync<RoundSuggestions>();

        Assert.Equal(app.Today.AddDays(3), suggestions.MeetingOn);   // Monday 2 March 2026 → Thursday
        Assert.Equal(new DateOnly(2026, 4, 1), suggestions.TermStartsOn);
        Assert.Equal(new DateOnly(2027, 3, 31), suggestions.TermEndsOn);
    }

    [Fact]
    public async Task A_high_temperature_contract_is_concluded_only_once_its_allowance_is_agreed_through_the_API()
    {
        var round = await _table.AtTheTableAsync(RoundKind.HighTemperature);
        var pay = await _table.PayTopicAsync(round);
        await (await Employer.PostJsonAsync($"/api/topics/{pay}/agree", new AgreeTopicCommand(pay, Side.Employer))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/minutes", new RecordMeetingCommand(round, Side.Worker, "双方就高温津贴达成一致"))).ExpectAsync(HttpStatusCode.NoContent);
        var before = Assert.Single((await ActionsAsync(Chair, round)).Actions, a => a.Action == RoundActionKind.Conclude);
        Assert.False(before.Enabled);
        Assert.Contains("请在形成合同草案前约定", before.Reason);

        var heat = new AgreeSpecificTermsCommand(Guid.Empty, Side.Worker, new HeatAllowanceInput(300, 6, 9));
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/specific-terms", heat)).ProblemAsync(HttpStatusCode.Forbidden);
        var invalid = await (await Chair.PostJsonAsync($"/api/rounds/{round}/specific-terms", heat with { Heat = new HeatAllowanceInput(300, 9, 6) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不能早于起始月份", invalid.Detail());
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/specific-terms", heat)).ExpectAsync(HttpStatusCode.NoContent);

        Assert.True(Assert.Single((await ActionsAsync(Chair, round)).Actions, a => a.Action == RoundActionKind.Conclude).Enabled);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/conclude", new ConcludeCommand(round, Side.Worker))).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wage_agreement_takes_no_high_temperature_allowance()
    {
        var round = await _table.AtTheTableAsync();

        var problem = await (await Chair.PostJsonAsync($"/api/rounds/{round}/specific-terms", new AgreeSpecificTermsCommand(round, Side.Worker, new HeatAllowanceInput(300, 6, 9))))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("specific-terms.heat-kind", problem.Code());
    }

    private static async Task<RoundActions> ActionsAsync(HttpClient client, Guid round) =>
        await (await client.GetAsync($"/api/rounds/{round}/actions")).ReadAsync<RoundActions>();

    private static async Task<List<RoundDocumentStatus>> DocumentsAsync(HttpClient client, Guid round) =>
        await (await client.GetAsync($"/api/rounds/{round}/documents")).ReadAsync<List<RoundDocumentStatus>>();

    private static RoundDocumentStatus Single(IEnumerable<RoundDocumentStatus> documents, RoundDocumentKind kind) => Assert.Single(documents, d => d.Kind == kind);
}
