using System.Net;
using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Views;
using Bargaining.Tests.Shared;
using Bargaining.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Tests.Api;

/// <summary>Each round endpoint: what it answers when it succeeds and each way it refuses, as ProblemDetails in Chinese.</summary>
public sealed class RoundApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private const string Hengda = "盐城恒达精密机械有限公司", Xinyuan = "盐城鑫源电子有限公司";
    private static readonly Guid Unknown = Guid.Parse("5b0e6c1a-0d7e-4f7a-9c3e-1f2a3b4c5d6e");
    private RoundTable _table = null!;

    public async Task InitializeAsync() => _table = await RoundTable.SeatAsync(app, Hengda);

    public Task DisposeAsync()
    {
        _table.Dispose();
        return Task.CompletedTask;
    }

    private HttpClient Chair => _table.Chair;
    private HttpClient Employer => _table.Employer;

    [Fact]
    public async Task Starting_a_round_answers_201_with_its_address_and_its_timeline_shows_the_offer_as_the_chairs_next_action()
    {
        var round = await _table.StartAsync();

        var timeline = await _table.TimelineAsync(round);

        Assert.Equal((Hengda, RoundStage.Started), (timeline.Enterprise, timeline.Stage));
        Assert.Contains(timeline.Actions, a => a.Signal == "send-offer");
    }

    [Fact]
    public async Task Starting_a_round_without_an_enterprise_is_answered_400_with_the_field_in_the_errors()
    {
        var problem = await (await Chair.PostJsonAsync("/api/rounds", new StartRoundCommand(Guid.Empty, RoundKind.Wage, Procedure.Ordinary, Side.Worker)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("请选择企业", problem.GetProperty("errors").GetProperty("EnterpriseId")[0].GetString());
        Assert.Equal("validation", problem.Code());
    }

    [Fact]
    public async Task A_malformed_body_is_answered_400()
    {
        using var body = new StringContent("{\"enterpriseId\": \"not a guid\"", System.Text.Encoding.UTF8, "application/json");

        await (await Chair.PostAsync("/api/rounds", body)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_chair_starting_a_round_for_another_enterprise_is_answered_403()
    {
        var problem = await (await Chair.PostJsonAsync("/api/rounds", new StartRoundCommand(app.Enterprises[Xinyuan].Id, RoundKind.Wage, Procedure.Ordinary, Side.Worker)))
            .ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("您无权代表该企业的职工方", problem.Detail());
        Assert.DoesNotContain(Xinyuan, problem.Detail());
    }

    [Fact]
    public async Task An_unknown_round_is_answered_404_to_reading_and_to_every_command()
    {
        Assert.Equal("该轮协商不存在", (await (await Chair.GetAsync($"/api/rounds/{Unknown}")).ProblemAsync(HttpStatusCode.NotFound)).Detail());
        await (await Chair.PostJsonAsync($"/api/rounds/{Unknown}/offer", new MakeOfferCommand(Unknown, [RoundTable.WageRise(6)], app.Today))).ProblemAsync(HttpStatusCode.NotFound);
        await (await Employer.PostJsonAsync($"/api/rounds/{Unknown}/reply", new ReplyToOfferCommand(Unknown, true))).ProblemAsync(HttpStatusCode.NotFound);
        await (await Chair.GetAsync($"/api/rounds/{Unknown}/documents/Contract")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Chair.GetAsync($"/api/topics/{Unknown}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Employer.PostJsonAsync($"/api/topics/{Unknown}/agree", new AgreeTopicCommand(Unknown, Side.Employer))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_offer_with_an_unknown_topic_code_is_answered_400_naming_Art_8()
    {
        var round = await _table.StartAsync();

        var problem = await (await Chair.PostJsonAsync($"/api/rounds/{round}/offer", new MakeOfferCommand(round, [new TopicProposal("bonus", "年终奖两个月")], app.Today)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("第八条", problem.Detail());
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_wage_below_the_minimum_wage_is_answered_422()
    {
        var round = await _table.StartAsync();

        var problem = await (await Chair.PostJsonAsync($"/api/rounds/{round}/offer", new MakeOfferCommand(round, [new TopicProposal("pay", "月工资不低于1000元", 1000, "元/月")], app.Today)))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("wage.below-minimum", problem.Code());
        Assert.Contains("第五十五条", problem.Detail());
    }

    [Fact]
    public async Task The_employer_making_the_unions_offer_is_answered_403_and_a_second_offer_409()
    {
        var round = await _table.OfferedAsync();

        await (await Employer.PostJsonAsync($"/api/rounds/{round}/offer", new MakeOfferCommand(round, [RoundTable.WageRise(5)], app.Today))).ProblemAsync(HttpStatusCode.Forbidden);
        var again = await (await Chair.PostJsonAsync($"/api/rounds/{round}/offer", new MakeOfferCommand(round, [RoundTable.WageRise(5)], app.Today))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("offer.already-made", again.Code());
    }

    [Fact]
    public async Task The_employer_of_another_enterprise_replying_is_answered_403()
    {
        var round = await _table.OfferedAsync();
        using var other = await app.SignedInAsync(Role.EmployerRepresentative, app.Yandu.Id, app.Enterprises[Xinyuan].Id);

        var problem = await (await other.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, true))).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("您无权代表该企业的企业方", problem.Detail());   // without naming the enterprise the caller is not of
        Assert.DoesNotContain(Hengda, problem.Detail());
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_a_second_reply_is_a_conflict()
    {
        var round = await _table.OfferedAsync();

        await (await Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, false))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, true))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, true))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Signalling_a_step_the_round_is_not_at_is_answered_409_naming_where_it_is()
    {
        var round = await _table.OfferedAsync();

        var problem = await (await Chair.PostJsonAsync($"/api/rounds/{round}/sign", new SignCommand(round, Side.Worker))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("round.step", problem.Code());
        Assert.Contains("本轮协商当前处于", problem.Detail());
    }

    [Fact]
    public async Task Naming_representatives_twice_is_a_conflict()
    {
        var round = await _table.PreparedAsync();

        var problem = await (await Chair.PostJsonAsync($"/api/rounds/{round}/representatives", new NameRepresentativesCommand(round, Side.Worker, RoundTable.Members(_table.Enterprise.ChairName!, "职工代表"))))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("representatives.already-named", problem.Code());
    }

    [Fact]
    public async Task At_the_table_topics_are_raised_countered_agreed_and_withdrawn_and_the_history_shows_the_gap()
    {
        var round = await _table.AtTheTableAsync();
        var pay = await _table.PayTopicAsync(round);

        var raised = await Employer.PostJsonAsync($"/api/rounds/{round}/topics", new ProposeCommand(round, Side.Employer, new TopicProposal("rewards-discipline", "完善考勤奖惩制度")));
        var rewards = (await raised.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/topics/{rewards}", raised.Headers.Location?.OriginalString);
        // Raising a topic the round has adds a proposal to its thread.
        var again = await Chair.PostJsonAsync($"/api/rounds/{round}/topics", new ProposeCommand(round, Side.Worker, new TopicProposal("rewards-discipline", "考勤奖惩制度须经职代会讨论")));
        Assert.Equal(rewards, (await again.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid());

        await (await Employer.PostJsonAsync($"/api/topics/{pay}/counter", new CounterProposeCommand(pay, Side.Employer, "职工年平均工资增长4%", 4, "%"))).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal("topic.counter-own",
            (await (await Employer.PostJsonAsync($"/api/topics/{pay}/counter", new CounterProposeCommand(pay, Side.Employer, "职工年平均工资增长3%", 3, "%"))).ProblemAsync(HttpStatusCode.Conflict)).Code());
        await (await Chair.PostJsonAsync($"/api/topics/{pay}/counter", new CounterProposeCommand(pay, Side.Worker, "职工年平均工资增长5%", 5, "%"))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Employer.PostJsonAsync($"/api/topics/{pay}/agree", new AgreeTopicCommand(pay, Side.Employer))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Employer.PostJsonAsync($"/api/topics/{rewards}/withdraw", new WithdrawTopicCommand(rewards, Side.Employer, "并入下一年度协商"))).ExpectAsync(HttpStatusCode.NoContent);

        var history = await (await Chair.GetAsync($"/api/topics/{pay}")).ReadAsync<TopicHistory>();
        Assert.Equal(TopicStatus.Agreed, history.Status);
        Assert.Equal([null, 2m, 1m, 0m], history.Moves.Select(m => m.Gap));
        Assert.Equal(TopicStatus.Withdrawn, (await (await Employer.GetAsync($"/api/topics/{rewards}")).ReadAsync<TopicHistory>()).Status);
    }

    [Fact]
    public async Task A_meeting_is_recorded_and_scheduling_another_before_its_minutes_is_a_conflict()
    {
        var round = await _table.AtTheTableAsync();

        await (await Employer.PostJsonAsync($"/api/rounds/{round}/meetings", new ScheduleMeetingCommand(round, Side.Employer, app.Today.AddDays(7), "公司会议室", Side.Employer, "张丽")))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/minutes", new RecordMeetingCommand(round, Side.Worker, "职工方提出增长6%"))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/minutes", new RecordMeetingCommand(round, Side.Worker, "重复提交"))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Both_chiefs_suspend_the_talks_and_either_side_resumes_them()
    {
        var round = await _table.AtTheTableAsync();
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/minutes", new RecordMeetingCommand(round, Side.Worker, "企业方需核算利润"))).ExpectAsync(HttpStatusCode.NoContent);

        var refused = await (await Employer.PostJsonAsync($"/api/rounds/{round}/suspend", new SuspendCommand(round, Side.Employer, false, true, app.Today.AddDays(14), "公司会议室", "继续协商")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("第三十五条", refused.GetProperty("errors").GetProperty("Consent")[0].GetString());
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/suspend", new SuspendCommand(round, Side.Employer, true, true, app.Today.AddDays(14), "公司会议室", "继续协商")))
            .ExpectAsync(HttpStatusCode.NoContent);
        Assert.Contains(await StepsAsync(round), s => s.Contains("中止", StringComparison.Ordinal));
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/resume", new ResumeCommand(round, Side.Worker))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/resume", new ResumeCommand(round, Side.Worker))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_congress_vote_with_too_few_present_is_recorded_as_rejected_and_impossible_figures_are_answered_400()
    {
        var round = await _table.DraftedAsync();

        await (await Chair.PostJsonAsync($"/api/rounds/{round}/congress-vote", new RecordCongressVoteCommand(round, 180, 190, 100))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/congress-vote", new RecordCongressVoteCommand(round, 180, 150, 140))).ProblemAsync(HttpStatusCode.Forbidden);
        var vote = await (await Chair.PostJsonAsync($"/api/rounds/{round}/congress-vote", new RecordCongressVoteCommand(round, 120, 79, 79))).ReadAsync<CongressVoteResult>();   // 恒达's 120 workers, 80 needed

        Assert.False(vote.Adopted);
        Assert.Contains("三分之二", vote.Reason);
    }

    [Fact]
    public async Task Printing_the_contract_before_both_chiefs_sign_is_a_conflict_citing_Art_37()
    {
        var round = await _table.AdoptedAsync();

        var problem = await (await Chair.GetAsync($"/api/rounds/{round}/documents/Contract")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("contract.unsigned", problem.Code());
        Assert.Contains("第三十七条", problem.Detail());
    }

    [Fact]
    public async Task The_round_prints_each_document_it_has_reached()
    {
        var round = await _table.AtTheTableAsync();
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/minutes", new RecordMeetingCommand(round, Side.Worker, "职工方提出增长6%，企业方同意继续协商"))).ExpectAsync(HttpStatusCode.NoContent);

        Assert.Contains(_table.Enterprise.Name, PrintedPdf.Text(await PdfAsync(Employer, $"/api/rounds/{round}/documents/OfferLetter")));
        Assert.Contains("同意", PrintedPdf.Text(await PdfAsync(Chair, $"/api/rounds/{round}/documents/Response")));
        Assert.Contains("职工方提出增长6%", PrintedPdf.Text(await PdfAsync(Chair, $"/api/rounds/{round}/documents/MeetingMinutes?meeting=1")));
        await (await Chair.GetAsync($"/api/rounds/{round}/documents/NoSuchDocument")).ProblemAsync(HttpStatusCode.BadRequest);
        using var other = await app.SignedInAsync(Role.UnionChair, app.Yandu.Id, app.Enterprises[Xinyuan].Id);
        await (await other.GetAsync($"/api/rounds/{round}/documents/OfferLetter")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_first_meeting_an_offer_proposes_through_the_API_is_printed_on_the_offer_letter()
    {
        var round = await _table.StartAsync();
        var offer = new MakeOfferCommand(round, [RoundTable.WageRise(6)], app.Today,
            FirstMeetingAt: app.Today.AddDays(5).ToDateTime(new TimeOnly(9, 30)), FirstMeetingPlace: "恒达公司三楼会议室");

        await (await Chair.PostJsonAsync($"/api/rounds/{round}/offer", offer)).ExpectAsync(HttpStatusCode.NoContent);

        var letter = PrintedPdf.Text(await PdfAsync(Employer, $"/api/rounds/{round}/documents/OfferLetter"));
        Assert.Contains("建议首次协商会议于", letter);
        Assert.Contains("恒达公司三楼会议室", letter);
    }

    [Fact]
    public async Task A_term_longer_than_3_years_is_refused_and_filing_needs_a_term()
    {
        var round = await _table.AdoptedAsync();
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/term", new AgreeContractTermCommand(round, Side.Worker, app.Today, app.Today.AddYears(5)))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        // Signing now needs the term (Art 38); a round signed before that rule, without one, still cannot be filed.
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/term", _table.Term(round, Side.Worker))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/sign", new SignCommand(round, Side.Worker))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/sign", new SignCommand(round, Side.Employer))).ExpectAsync(HttpStatusCode.NoContent);
        await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Signing.TermStartsOn, (DateOnly?)null).SetProperty(r => r.Signing.TermEndsOn, (DateOnly?)null)));

        var problem = await (await Employer.PostJsonAsync($"/api/rounds/{round}/filing", new FileContractCommand(round, app.Today))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("filing.no-term", problem.Code());
    }

    [Fact]
    public async Task Signing_twice_is_a_conflict_and_the_filing_answers_the_review_period()
    {
        var round = await _table.AdoptedAsync();
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/term", _table.Term(round, Side.Worker))).ExpectAsync(HttpStatusCode.NoContent);
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/sign", new SignCommand(round, Side.Worker))).ExpectAsync(HttpStatusCode.NoContent);

        await (await Chair.PostJsonAsync($"/api/rounds/{round}/sign", new SignCommand(round, Side.Worker))).ProblemAsync(HttpStatusCode.Conflict);
        await (await Employer.PostJsonAsync($"/api/rounds/{round}/sign", new SignCommand(round, Side.Employer))).ExpectAsync(HttpStatusCode.NoContent);
        var filing = await (await Employer.PostJsonAsync($"/api/rounds/{round}/filing", new FileContractCommand(round, app.Today))).ReadAsync<FilingResult>();

        Assert.False(filing.Late);
        Assert.NotNull(filing.ReviewLastDay);
    }

    [Fact]
    public async Task Only_a_reviewer_of_the_county_may_object_to_a_filed_contract()
    {
        var (round, _) = await _table.FiledAsync();
        var pay = await _table.PayTopicAsync(round);
        using var tinghu = await app.SignedInAsync(Role.Reviewer, app.Tinghu.Id);
        using var yandu = await app.SignedInAsync(Role.Reviewer, app.Yandu.Id);
        var objection = new RecordReviewObjectionCommand(round, "工资增长条款未明确执行时间", [pay]);

        await (await Chair.PostJsonAsync($"/api/rounds/{round}/objection", objection)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("第四十四条", (await (await tinghu.PostJsonAsync($"/api/rounds/{round}/objection", objection)).ProblemAsync(HttpStatusCode.Forbidden)).Detail());
        await (await yandu.PostJsonAsync($"/api/rounds/{round}/objection", objection)).ExpectAsync(HttpStatusCode.NoContent);

        var timeline = await _table.TimelineAsync(round);
        Assert.Equal((RoundStage.Filed, Nodes.Bargaining), (timeline.Stage, Assert.Single(timeline.CurrentSteps).Node));
    }

    [Fact]
    public async Task Only_a_reviewer_of_the_county_may_clear_a_filed_contract_which_takes_effect_that_day()
    {
        var (round, _) = await _table.FiledAsync();
        using var tinghu = await app.SignedInAsync(Role.Reviewer, app.Tinghu.Id);
        using var yandu = await app.SignedInAsync(Role.Reviewer, app.Yandu.Id);
        var clearance = new RecordReviewClearanceCommand(Guid.Empty, "经审查，合同内容符合法律法规规定");

        Assert.Contains("第四十四条", (await (await Employer.PostJsonAsync($"/api/rounds/{round}/review/clearance", clearance)).ProblemAsync(HttpStatusCode.Forbidden)).Detail());
        await (await tinghu.PostJsonAsync($"/api/rounds/{round}/review/clearance", clearance)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await yandu.PostJsonAsync($"/api/rounds/{round}/review/clearance", clearance)).ExpectAsync(HttpStatusCode.NoContent);

        var effective = await _table.TimelineAsync(round);
        Assert.Equal(RoundStage.Effective, effective.Stage);
        Assert.Equal(app.Today, DateOnly.FromDateTime(Assert.Single(effective.CurrentSteps).EnteredAt.ToOffset(TimeSpan.FromHours(8)).DateTime));
        await (await yandu.PostJsonAsync($"/api/rounds/{round}/review/clearance", clearance)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_congress_date_sent_with_the_vote_is_the_one_recorded_and_checked()
    {
        var round = await _table.DraftedAsync();
        var vote = _table.AdoptingVote(round);

        Assert.Equal("congress.in-future", (await (await Chair.PostJsonAsync($"/api/rounds/{round}/congress-vote", vote with { HeldOn = app.Today.AddDays(1) }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        Assert.Equal("congress.before-draft", (await (await Chair.PostJsonAsync($"/api/rounds/{round}/congress-vote", vote with { HeldOn = app.Today.AddDays(-1) }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        await (await Chair.PostJsonAsync($"/api/rounds/{round}/congress-vote", vote with { HeldOn = app.Today })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(app.Today, await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.Congress.HeldOn).SingleAsync()));
    }

    [Fact]
    public async Task The_new_round_page_offers_neither_another_jurisdiction_nor_industry_or_regional_contracts()
    {
        var response = await Chair.GetAsync("/Rounds/New");
        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("江苏省", html);
        Assert.DoesNotContain("上海", html);
        Assert.DoesNotContain("name=\"Jurisdiction\"", html);
        Assert.Contains("value=\"Wage\"", html);
        Assert.DoesNotContain("value=\"Industry\"", html);
        Assert.DoesNotContain("value=\"Regional\"", html);
        Assert.DoesNotContain(RoundKind.Industry.Chinese(), html);
        Assert.DoesNotContain(RoundKind.Regional.Chinese(), html);
    }

    [Fact]
    public async Task Starting_a_round_under_another_jurisdiction_or_of_an_industry_contract_is_answered_422()
    {
        await _table.SetAsideRunningAsync(RoundKind.Comprehensive);

        var shanghai = await (await Chair.PostJsonAsync("/api/rounds", new StartRoundCommand(_table.Enterprise.Id, RoundKind.Comprehensive, Procedure.Ordinary, Side.Worker, "shanghai")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var industry = await (await Chair.PostJsonAsync("/api/rounds", new StartRoundCommand(_table.Enterprise.Id, RoundKind.Industry, Procedure.Ordinary, Side.Worker)))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("round.jurisdiction", shanghai.Code());
        Assert.Equal("round.multi-employer", industry.Code());
    }

    [Fact]
    public async Task Publishing_before_the_contract_is_effective_is_a_conflict()
    {
        var (round, _) = await _table.FiledAsync();

        await (await Chair.PostJsonAsync($"/api/rounds/{round}/publication", new PublishCommand(round, app.Today, "厂务公开栏"))).ProblemAsync(HttpStatusCode.Conflict);
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<IEnumerable<string>> StepsAsync(Guid round) => (await _table.TimelineAsync(round)).CurrentSteps.Select(s => s.Name);
}
