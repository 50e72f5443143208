using System.Net;
using System.Net.Http.Headers;
using Bargaining.Documents.Verification;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Renewal;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Tests.Shared;
using Bargaining.Web.Api;

namespace Bargaining.Web.Tests.Api;

/// <summary>A round from the offer to an effective, published and verified contract through the API alone (its own host: the clock moves).</summary>
public sealed class FullRoundApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task A_wage_round_goes_from_the_offer_to_an_effective_contract_by_the_review_timer_across_two_signed_in_clients()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城华泰纺织有限公司");
        var round = await table.StartAsync();
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/offer", new MakeOfferCommand(round, [RoundTable.WageRise(8)], app.Today, 3))).ExpectAsync(HttpStatusCode.NoContent);
        var offered = await table.TimelineAsync(round, table.Employer);
        Assert.Equal(RoundStage.Offered, offered.Stage);
        Assert.Contains(offered.Actions, a => a.Signal == "accept");

        // Five days later the employer accepts; both sides name their representatives and meet that day.
        await app.AdvanceToAsync(WebAppFactory.Start.AddDays(5));
        await table.SignInAgainAsync();                                     // a sign-in lasts 8 hours
        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, true))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/representatives", new NameRepresentativesCommand(round, Side.Worker, RoundTable.Members(table.Enterprise.ChairName!, "职工代表"))))
            .ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/representatives", new NameRepresentativesCommand(round, Side.Employer, RoundTable.Members("李明", "企业代表"), LegalRepresentative: "李明")))
            .ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/meetings", new ScheduleMeetingCommand(round, Side.Worker, app.Today, "公司工会会议室", Side.Worker, "张丽"))).ExpectAsync(HttpStatusCode.OK);

        // The employer counters 4 %, the union comes down to 6 %, the employer agrees; the chair concludes.
        var pay = await table.PayTopicAsync(round);
        await (await table.Employer.PostJsonAsync($"/api/topics/{pay}/counter", new CounterProposeCommand(pay, Side.Employer, "职工年平均工资增长4%", 4, "%"))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Chair.PostJsonAsync($"/api/topics/{pay}/counter", new CounterProposeCommand(pay, Side.Worker, "职工年平均工资增长6%", 6, "%"))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Employer.PostJsonAsync($"/api/topics/{pay}/agree", new AgreeTopicCommand(pay, Side.Employer))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/minutes", new RecordMeetingCommand(round, Side.Worker, "双方就职工年平均工资增长6%达成一致"))).ExpectAsync(HttpStatusCode.NoContent);
        var draft = await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/conclude", new ConcludeCommand(round, Side.Worker))).ReadAsync<List<DraftClauseView>>();
        Assert.Equal("职工年平均工资增长6%", Assert.Single(draft).Clause);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/conclude", new ConcludeCommand(round, Side.Employer))).ExpectAsync(HttpStatusCode.OK);

        // The congress adopts it, both chiefs sign, the bureau receives it the same day.
        Assert.True((await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/congress-vote", table.AdoptingVote(round))).ReadAsync<CongressVoteResult>()).Adopted);
        var term = table.Term(round, Side.Employer);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/term", term)).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/sign", new SignCommand(round, Side.Worker))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/sign", new SignCommand(round, Side.Employer))).ExpectAsync(HttpStatusCode.NoContent);
        var filing = await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/filing", new FileContractCommand(round, app.Today))).ReadAsync<FilingResult>();
        Assert.False(filing.Late);
        Assert.Equal(RoundStage.Filed, (await table.TimelineAsync(round)).Stage);

        // No objection: on the day after the review's last day the timer has made the contract effective (Art 47).
        var lastDay = filing.ReviewLastDay!.Value;
        await app.AdvanceToAsync(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 0)), TimeSpan.FromHours(8)));
        await table.SignInAgainAsync();
        Assert.Equal(RoundStage.Filed, (await table.TimelineAsync(round)).Stage);
        await app.AdvanceToAsync(new DateTimeOffset(lastDay.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        await table.SignInAgainAsync();
        var effective = await table.TimelineAsync(round);
        Assert.Equal(RoundStage.Effective, effective.Stage);
        var step = Assert.Single(effective.CurrentSteps);
        Assert.Equal(("effective", new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8))), (step.Node, step.EnteredAt));
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/publication", new PublishCommand(round, app.Today, "厂务公开栏及职工微信群"))).ExpectAsync(HttpStatusCode.NoContent);

        // The renewal (续订, Art 38) is started from the effective contract, once.
        var renewal = new StartRenewalCommand(round, term.EndsOn, Side.Worker);
        var renewed = await table.Chair.PostJsonAsync($"/api/rounds/{round}/renewal", renewal);
        var renewalId = (await renewed.ReadAsync<System.Text.Json.JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/rounds/{renewalId}", renewed.Headers.Location?.OriginalString);
        Assert.Equal("renewal.exists", (await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/renewal", renewal)).ProblemAsync(HttpStatusCode.Conflict)).Code());

        // The printed contract reads back with the agreed clause and a verification code that checks out, by code and as a file.
        var response = await table.Employer.GetAsync($"/api/rounds/{round}/documents/Contract");
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = PrintedPdf.Text(pdf);
        Assert.Contains("盐城华泰纺织有限公司", text);
        Assert.Contains("职工年平均工资增长6%", text);
        var code = PrintedPdf.VerificationCode(text);

        using var anyone = app.NewClient();
        var byCode = await (await anyone.GetAsync($"/api/verify/{code}")).ReadAsync<ContractVerification>();
        Assert.Equal(VerificationOutcome.Genuine, byCode.Outcome);
        Assert.Equal(VerificationOutcome.Genuine, (await VerifyFileAsync(anyone, pdf)).Outcome);
        Assert.Equal(VerificationOutcome.Unreadable, (await VerifyFileAsync(anyone, "not a pdf"u8.ToArray())).Outcome);
        Assert.Equal(VerificationOutcome.UnknownCode, (await (await anyone.GetAsync("/api/verify/AAAA-BBBB-CCCC")).ReadAsync<ContractVerification>()).Outcome);
    }

    private static async Task<ContractVerification> VerifyFileAsync(HttpClient client, byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { content, "file", "合同.pdf" } };
        return await (await client.PostAsync("/api/verify", form)).ReadAsync<ContractVerification>();
    }
}
