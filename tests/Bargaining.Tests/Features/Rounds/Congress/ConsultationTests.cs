using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Table;
using Bargaining.Tests.Shared;

namespace Bargaining.Tests.Features.Rounds.Congress;

// 筹备在线上，表决在线下 (Funing county): the draft before the deputies, online, ahead of the congress vote (Art 36).
public sealed class ConsultationTests : RoundScenario
{
    private async Task RosterAsync()
    {
        await Host.SendAsync(new AddDeputyCommand(Hengda.Id, "周海燕", "一车间", "13905101234"), Chair);
        await Host.SendAsync(new AddDeputyCommand(Hengda.Id, "孙立", "二车间", null), Chair);
        await Host.SendAsync(new AddDeputyCommand(Hengda.Id, "顾玲", "机关", "guling@hengda.example.cn"), Chair);
    }

    /// <summary>The draft published today for a week, the roster of three deputies; their links by name.</summary>
    private async Task<(Guid Round, Dictionary<string, string> Links)> PublishedAsync()
    {
        await RosterAsync();
        var round = await DraftedAsync();
        var links = await Host.SendAsync(new PublishConsultationCommand(round, Today, Today.AddDays(7), IncludeMinutes: true, IncludeHistory: true), Chair);
        return (round, links.ToDictionary(l => l.Name, l => l.Token));
    }

    private Task<DeputyConsultationView> OpenAsync(string token) => Host.SendAsync(new OpenConsultationCommand(token), null);

    private Task CommentAsync(string token, string text, int article = 1) => Host.SendAsync(new CommentOnDraftCommand(token, article, text), null);

    private Task<ConsultationView?> ViewAsync(Guid round) => Host.SendAsync(new ConsultationQuery(round), Chair);

    [Fact]
    public async Task Every_deputy_on_the_roster_gets_a_personal_link_that_opens_the_draft_article_by_article_without_signing_in()
    {
        var (round, links) = await PublishedAsync();

        Assert.Equal(["周海燕", "孙立", "顾玲"], links.Keys);
        Assert.Equal(3, links.Values.Distinct().Count());
        var page = await OpenAsync(links["孙立"]);

        Assert.Equal(("孙立", "二车间", "盐城恒达精密机械有限公司工资专项集体合同（草案）", true), (page.Deputy, page.Constituency, page.ContractTitle, page.IsOpen));
        var article = Assert.Single(page.Articles);
        Assert.Equal((1, "职工年平均工资增长6%"), (article.Sequence, article.Clause));
        Assert.Equal("双方就职工年平均工资增长幅度进行协商", Assert.Single(page.Minutes!).Minutes);
        Assert.Equal(["提议", "达成一致"], Assert.Single(page.History!).Moves.Select(m => m.Kind));
        var view = (await ViewAsync(round))!;
        Assert.Equal(new ConsultationFigures(3, 1, 0, 0, 0, 0), view.Figures);
        Assert.NotNull(view.Deputies.Single(d => d.Name == "孙立").FirstOpenedAt);
        // Only the hash of a link's secret is kept.
        var stored = await Host.WithDbAsync(db => Task.FromResult(db.ConsultationInvitations.Select(i => i.TokenHash).ToList()));
        Assert.DoesNotContain(links["孙立"], stored);
        Assert.Contains(DeputyTokens.Hash(links["孙立"]), stored);
    }

    [Fact]
    public async Task A_deputy_added_after_publishing_is_invited_to_the_same_draft_until_the_consultation_closes()
    {
        var (round, links) = await PublishedAsync();
        await RefusedAsync(() => Host.SendAsync(new InviteNewDeputiesCommand(round), Chair), FailureKind.Conflict);
        await Host.SendAsync(new AddDeputyCommand(Hengda.Id, "陈志远", "三车间", "13905105678"), Chair);
        Assert.Equal(1, (await ViewAsync(round))!.Uninvited);

        var late = Assert.Single(await Host.SendAsync(new InviteNewDeputiesCommand(round), Chair));
        Assert.Equal(("陈志远", "三车间"), (late.Name, late.Constituency));
        Assert.DoesNotContain(late.Token, links.Values);
        Assert.Equal(("陈志远", 1), ((await OpenAsync(late.Token)).Deputy, (await OpenAsync(late.Token)).Articles.Count));
        var view = (await ViewAsync(round))!;
        Assert.Equal((4, 0), (view.Figures.Invited, view.Uninvited));
        var again = await RefusedAsync(() => Host.SendAsync(new InviteNewDeputiesCommand(round), Chair), FailureKind.Conflict);
        Assert.Contains("都已收到个人链接", again.Message);
        await RefusedAsync(() => Host.SendAsync(new InviteNewDeputiesCommand(round), Employer), FailureKind.Forbidden);

        // After the last day (the draft was published today for a week) no one more is invited.
        await Host.SendAsync(new AddDeputyCommand(Hengda.Id, "吴敏", "三车间", null), Chair);
        await Host.AdvanceAsync(TimeSpan.FromDays(8));
        var closed = await RefusedAsync(() => Host.SendAsync(new InviteNewDeputiesCommand(round), Chair), FailureKind.Conflict);
        Assert.Contains("已于2026年3月9日截止", closed.Message);
        Assert.Equal(4, (await ViewAsync(round))!.Figures.Invited);
    }

    [Fact]
    public async Task The_roster_belongs_to_the_enterprise_and_serves_the_next_round_unchanged()
    {
        var (first, links) = await PublishedAsync();
        await Host.SendAsync(new RecordCongressVoteCommand(first, 180, 150, 140), Chair);

        var second = await DraftedComprehensiveAsync();
        var again = await Host.SendAsync(new PublishConsultationCommand(second, Today, Today.AddDays(5)), Chair);

        Assert.Equal(links.Keys, again.Select(l => l.Name));
        Assert.Empty(again.Select(l => l.Token).Intersect(links.Values));
        Assert.Equal(3, (await Host.SendAsync(new DeputyRosterQuery(Hengda.Id), Chair)).Count);
        Assert.Equal("盐城恒达精密机械有限公司综合集体合同（草案）", (await OpenAsync(again[0].Token)).ContractTitle);
    }

    [Fact]
    public async Task Publishing_needs_an_agreed_draft_before_its_vote_a_roster_and_a_period_and_happens_once_per_draft()
    {
        var table = await AtTheTableAsync();
        var early = await RefusedAsync(() => Host.SendAsync(new PublishConsultationCommand(table, Today, Today.AddDays(7)), Chair), FailureKind.Conflict);
        Assert.Contains("不能向职工代表公布合同草案", early.Message);

        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(table)).Single().Id, Side.Employer), Employer);
        await HeldAsync(table);
        await ConcludedAsync(table);
        var empty = await RefusedAsync(() => Host.SendAsync(new PublishConsultationCommand(table, Today, Today.AddDays(7)), Chair), FailureKind.Rule);
        Assert.Contains("职工代表名册是空的", empty.Message);

        await RosterAsync();
        var backwards = await RefusedAsync(() => Host.SendAsync(new PublishConsultationCommand(table, Today.AddDays(3), Today.AddDays(2)), Chair), FailureKind.Rule);
        var past = await RefusedAsync(() => Host.SendAsync(new PublishConsultationCommand(table, Today.AddDays(-1), Today.AddDays(2)), Chair), FailureKind.Rule);
        var blank = await RefusedAsync(() => Host.SendAsync(new PublishConsultationCommand(table, default, default), Chair), FailureKind.Validation);
        var employer = await RefusedAsync(() => Host.SendAsync(new PublishConsultationCommand(table, Today, Today.AddDays(2)), Employer), FailureKind.Forbidden);
        Assert.Equal(("consultation.closes-first", "consultation.opens-past"), (backwards.Code, past.Code));
        Assert.Contains("请填写征求意见的开始日期", blank.Message);
        Assert.Equal((0, 0), (await CountAsync<Consultation>(), await CountAsync<ConsultationInvitation>()));

        await Host.SendAsync(new PublishConsultationCommand(table, Today, Today.AddDays(2)), Chair);
        var twice = await RefusedAsync(() => Host.SendAsync(new PublishConsultationCommand(table, Today, Today.AddDays(2)), Chair), FailureKind.Conflict);
        Assert.Contains("已向职工代表公布", twice.Message);
        Assert.Equal((1, 3), (await CountAsync<Consultation>(), await CountAsync<ConsultationInvitation>()));
    }

    [Fact]
    public async Task A_deputy_comments_only_while_the_consultation_is_open_as_the_days_pass()
    {
        await RosterAsync();
        var round = await DraftedAsync();
        // Opens tomorrow (Tuesday 3 March), closes on Thursday 5 March.
        var token = (await Host.SendAsync(new PublishConsultationCommand(round, Today.AddDays(1), Today.AddDays(3)), Chair)).First().Token;

        var before = await OpenAsync(token);
        var early = await RefusedAsync(() => CommentAsync(token, "建议增幅提高到7%"), FailureKind.Rule);
        Assert.False(before.IsOpen);
        Assert.Contains("2026年3月3日开始", early.Message);

        await Host.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.True((await OpenAsync(token)).IsOpen);
        await CommentAsync(token, "建议增幅提高到7%");
        await Host.AdvanceAsync(TimeSpan.FromDays(2) + TimeSpan.FromHours(14.9));
        await CommentAsync(token, "一线岗位应优先调整");

        await Host.AdvanceAsync(TimeSpan.FromHours(0.2));
        var late = await RefusedAsync(() => CommentAsync(token, "再补充一条"), FailureKind.Rule);
        Assert.Contains("已于2026年3月5日截止", late.Message);
        Assert.False((await OpenAsync(token)).IsOpen);
        Assert.Equal(2, (await ViewAsync(round))!.Figures.Comments);
    }

    [Fact]
    public async Task The_chair_sees_comments_by_article_answers_each_and_the_deputy_reads_the_answer()
    {
        var (round, links) = await PublishedAsync();
        await OpenAsync(links["顾玲"]);
        await CommentAsync(links["周海燕"], "建议增幅提高到7%");
        await Host.AdvanceAsync(TimeSpan.FromMinutes(5));
        await CommentAsync(links["周海燕"], "请说明增幅如何计算");
        await CommentAsync(links["孙立"], "同意草案");
        var empty = await RefusedAsync(() => CommentAsync(links["孙立"], " "), FailureKind.Validation);
        var nowhere = await RefusedAsync(() => CommentAsync(links["孙立"], "第九条", article: 9), FailureKind.NotFound);
        Assert.Contains("请填写您的意见或建议", empty.Message);
        Assert.Contains("合同草案第9条不存在", nowhere.Message);

        var view = (await ViewAsync(round))!;
        var article = Assert.Single(view.Articles);
        Assert.Equal(3, article.Comments.Count);
        Assert.Equal(new ConsultationFigures(3, 3, 2, 3, 0, 0), view.Figures);
        var (raise, how) = (article.Comments.Single(c => c.Text.Contains("7%")), article.Comments.Single(c => c.Text.Contains("如何计算")));

        var unexplained = await RefusedAsync(() => Host.SendAsync(new AnswerCommentCommand(round, raise.Id, null, ""), Chair), FailureKind.Validation);
        Assert.Contains("请选择处理方式", unexplained.Message);
        Assert.Contains("请填写答复内容", unexplained.Message);
        await RefusedAsync(() => Host.SendAsync(new AnswerCommentCommand(round, raise.Id, CommentHandling.Adopted, "好"), Employer), FailureKind.Forbidden);
        await Host.SendAsync(new AnswerCommentCommand(round, raise.Id, CommentHandling.Adopted, "已提交下一次协商会议，争取7%"), Chair);
        await Host.SendAsync(new AnswerCommentCommand(round, how.Id, CommentHandling.Explained, "按上年度职工年平均工资计算"), Chair);

        Assert.Equal(new ConsultationFigures(3, 3, 2, 3, 1, 1), (await ViewAsync(round))!.Figures);
        var mine = Assert.Single((await OpenAsync(links["周海燕"])).Articles).Comments;
        Assert.Equal([(CommentHandling?)CommentHandling.Adopted, CommentHandling.Explained], mine.Select(c => c.Handling));
        Assert.Equal("已提交下一次协商会议，争取7%", mine[0].Answer);
        Assert.Empty(Assert.Single((await OpenAsync(links["顾玲"])).Articles).Comments);
    }

    [Fact]
    public async Task A_deputy_taken_off_the_roster_keeps_their_invitation_and_comments_under_their_name()
    {
        var (round, links) = await PublishedAsync();
        await CommentAsync(links["孙立"], "同意草案");
        var sun = (await Host.SendAsync(new DeputyRosterQuery(Hengda.Id), Chair)).Single(d => d.Name == "孙立");

        await Host.SendAsync(new RemoveDeputyCommand(Hengda.Id, sun.Id), Chair);

        Assert.Equal(2, (await Host.SendAsync(new DeputyRosterQuery(Hengda.Id), Chair)).Count);
        var view = (await ViewAsync(round))!;
        Assert.Equal((3, 1), (view.Figures.Invited, view.Figures.Comments));
        Assert.Equal("孙立", Assert.Single(Assert.Single(view.Articles).Comments).Deputy);
        Assert.Equal("孙立", (await OpenAsync(links["孙立"])).Deputy);
    }

    [Fact]
    public async Task A_wrong_or_replaced_link_is_not_found()
    {
        var (round, links) = await PublishedAsync();

        var wrong = await RefusedAsync(() => OpenAsync("not-a-link"), FailureKind.NotFound);
        Assert.Contains("该征求意见链接不存在", wrong.Message);
        var sun = (await ViewAsync(round))!.Deputies.Single(d => d.Name == "孙立");
        var reissued = await Host.SendAsync(new ReissueDeputyLinkCommand(round, sun.Id), Chair);

        await RefusedAsync(() => OpenAsync(links["孙立"]), FailureKind.NotFound);
        await RefusedAsync(() => CommentAsync(links["孙立"], "同意"), FailureKind.NotFound);
        Assert.Equal("孙立", (await OpenAsync(reissued.Token)).Deputy);
    }

    [Fact]
    public async Task Once_the_congress_has_voted_comments_are_refused_and_the_resolution_lists_the_consultation()
    {
        var (round, links) = await PublishedAsync();
        await CommentAsync(links["周海燕"], "建议增幅提高到7%");
        await CommentAsync(links["孙立"], "请说明增幅如何计算");
        await OpenAsync(links["顾玲"]);
        var comments = Assert.Single((await ViewAsync(round))!.Articles).Comments;
        await Host.SendAsync(new AnswerCommentCommand(round, comments[0].Id, CommentHandling.Adopted, "已提交协商"), Chair);
        await Host.SendAsync(new AnswerCommentCommand(round, comments[1].Id, CommentHandling.Explained, "按上年度平均工资计算"), Chair);
        await Host.AdvanceAsync(TimeSpan.FromDays(2));

        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Chair);

        var voted = await RefusedAsync(() => CommentAsync(links["顾玲"], "同意"), FailureKind.Rule);
        Assert.Contains("已对本稿草案进行表决", voted.Message);
        var resolution = PrintedPdf.Text((await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.CongressResolution), Chair)).Pdf);
        Assert.Contains("会前，工会于2026年3月2日至2026年3月9日将合同草案在线送全体3名职工代表征求意见，3名代表阅读了草案，2名代表提出意见2条；工会逐条作了答复，其中采纳1条，解释说明1条。", resolution);
        Assert.Contains("应到职工代表180名", resolution);
    }

    [Fact]
    public async Task Without_a_consultation_the_resolution_says_nothing_of_one()
    {
        var round = await AdoptedAsync();

        var resolution = PrintedPdf.Text((await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.CongressResolution), Chair)).Pdf);

        Assert.DoesNotContain("征求意见", resolution);
        Assert.Contains("应到职工代表180名", resolution);
    }

    /// <summary>A comprehensive round of the same enterprise, drafted today (a round of another kind may run beside the wage round).</summary>
    private async Task<Guid> DraftedComprehensiveAsync()
    {
        var round = await StartAsync(kind: RoundKind.Comprehensive);
        await Host.SendAsync(new MakeOfferCommand(round, [WageRise(5)], Today, 3), Chair);
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true), Employer);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), Employer);
        await Host.SendAsync(FirstMeeting(round), Chair);
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), Employer);
        await HeldAsync(round);
        await ConcludedAsync(round);
        await Host.AssertAtAsync(round, "congress");
        return round;
    }
}
