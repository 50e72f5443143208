using Bargaining.Documents.Verification;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Documents;
using Bargaining.Features.Export;
using Bargaining.Features.Organisations;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Coordination;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Renewal;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Simplified;
using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Views;
using Bargaining.Rules;
using Bargaining.Web.Accounts;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Api;

/// <summary>Body of <c>POST /api/account/login</c>.</summary>
public sealed record LoginBody(string UserName, string Password);

/// <summary>Body of the reply to an offer.</summary>
public sealed record ReplyBody(bool Accept, string? Reason = null, IReadOnlyList<TopicProposal>? AddedTopics = null);

/// <summary>Body of the county union's urging of an overdue reply: how it urged.</summary>
public sealed record UrgeBody(string How);

/// <summary>Body of a step that only needs its reason (escalation, closure, extension).</summary>
public sealed record ReasonBody(string Reason);

/// <summary>Body of minutes or a memo signed on the spot (simplified procedure).</summary>
public sealed record OnTheSpotBody(Side Side, OnTheSpotRecord Kind, MeetingMeans Means, string Text, string WorkerChief, string EmployerChief);

/// <summary>Body of a simplified meeting that ended without agreement.</summary>
public sealed record NoAgreementBody(Side Side, MeetingMeans Means, string Reason);

/// <summary>Body of a coordination agreement.</summary>
public sealed record CoordinationAgreementBody(string Text, IReadOnlyList<string> Coordinators, string WorkerChief, string EmployerChief);

/// <summary>Body of a renewal: the current contract's expiry and who offers.</summary>
public sealed record RenewalBody(DateOnly ExpiresOn, Side Side);

/// <summary>Body of the contract's term.</summary>
public sealed record TermBody(Side Side, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>Body of an offer.</summary>
public sealed record OfferBody(IReadOnlyList<TopicProposal> Topics, DateOnly ReceivedOn, int? RepresentativesPerSide = null);

/// <summary>Body of a side's list of representatives.</summary>
public sealed record RepresentativesBody(Side Side, IReadOnlyList<Nominee> Members, string? Delegation = null, string? LegalRepresentative = null);

/// <summary>Body of a meeting to schedule.</summary>
public sealed record MeetingBody(Side Side, DateOnly Date, string Place, Side Chair, string Recorder, string? Agenda = null);

/// <summary>Body of a meeting's minutes.</summary>
public sealed record MinutesBody(Side Side, string Minutes);

/// <summary>Body naming the side that acts.</summary>
public sealed record SideBody(Side Side);

/// <summary>Body of a topic raised at the table.</summary>
public sealed record ProposeBody(Side Side, TopicProposal Topic);

/// <summary>Body of a counterproposal.</summary>
public sealed record CounterBody(Side Side, string Clause, decimal? Number = null, string? Unit = null);

/// <summary>Body of a withdrawal.</summary>
public sealed record WithdrawBody(Side Side, string Reason);

/// <summary>Body of the congress figures.</summary>
public sealed record VoteBody(int Entitled, int Present, int InFavour);

/// <summary>Body of a filing.</summary>
public sealed record FilingBody(DateOnly ReceivedOn);

/// <summary>Body of a reviewer's objection.</summary>
public sealed record ObjectionBody(string Opinion, IReadOnlyList<Guid> ContestedTopicIds);

/// <summary>Body of a publication.</summary>
public sealed record PublishBody(DateOnly PublishedOn, string How);

/// <summary>Body of a suspension.</summary>
public sealed record SuspendBody(Side Side, bool WorkerChiefConsents, bool EmployerChiefConsents, DateOnly NextMeetingOn, string NextMeetingPlace, string NextMeetingContent);

/// <summary>Body of a unit's labour-administration department.</summary>
public sealed record LabourAuthorityBody(string Name, string Abbreviation);

/// <summary>An account as the administrator sees it.</summary>
public sealed record AccountRow(string Id, string UserName, string DisplayName, Role Role, Guid OrganisationId, Guid? EnterpriseId, DateTimeOffset? LockedUntil);

/// <summary>The signed-in caller.</summary>
public sealed record Me(string UserId, string UserName, string Name, Role Role, string RoleTitle, Guid OrganisationId, Guid? EnterpriseId);

/// <summary>
/// The REST API under <c>/api</c>: every endpoint sends the same MediatR command or query the pages send; errors come
/// back as ProblemDetails (<see cref="ProblemMapping"/>). Callers sign in with <c>POST /api/account/login</c> (cookie).
/// </summary>
public static class Endpoints
{
    /// <summary>Maps every endpoint.</summary>
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("api");
        MapAccount(api);
        var secured = api.MapGroup("").RequireAuthorization();
        MapRounds(secured.MapGroup("/rounds").WithTags("协商轮次"));
        MapTopics(secured.MapGroup("/topics").WithTags("议题"));
        MapCampaigns(secured.MapGroup("/campaigns").WithTags("要约行动"));
        // A county launching many offers at once (集中要约); which campaign they count for follows from the date.
        secured.MapPost("/offers", (LaunchCampaignOffersCommand c, IMediator m, CancellationToken ct) => m.Send(c, ct)).WithTags("要约行动");
        secured.MapGet("/organisations/{id:guid}/progress", (Guid id, IMediator m, CancellationToken ct) => m.Send(new CountyProgressQuery(id), ct)).WithTags("进度");
        secured.MapGet("/organisations", (IMediator m, CancellationToken ct) => m.Send(new OrganisationListQuery(), ct)).WithTags("企业");
        secured.MapPut("/organisations/{id:guid}/labour-authority", (Guid id, LabourAuthorityBody b, IMediator m, CancellationToken ct) =>
            Done(m.Send(new SetLabourAuthorityCommand(id, b.Name, b.Abbreviation), ct))).WithTags("企业");
        // The city union re-imports its edited organisation file (Bargaining:OrganisationsFile) after changing it.
        secured.MapPost("/organisations/import", (BargainingOptions o, IMediator m, CancellationToken ct) => m.Send(ImportOrganisationsCommand.FromFile(o.OrganisationsFile), ct))
            .RequireAuthorization(WebApp.Policy(Role.CityAdministrator)).WithTags("企业");
        MapAccounts(secured.MapGroup("/accounts").WithTags("账号").RequireAuthorization(WebApp.Policy(Role.CityAdministrator)));
        secured.MapGet("/enterprises", (Guid? organisationId, RoundStage? stage, bool? withoutRound, bool? overdueOnly, string? industry, SizeBand? size,
                string? instructorUserId, string? search, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
            m.Send(new EnterpriseListQuery
            {
                OrganisationId = organisationId, Stage = stage, WithoutRound = withoutRound ?? false, OverdueOnly = overdueOnly ?? false, Industry = industry,
                Size = size, InstructorUserId = instructorUserId, Search = search, Page = page ?? 1, PageSize = pageSize ?? 50,
            }, ct)).WithTags("企业");
        secured.MapGet("/enterprises/export", async (Guid? organisationId, RoundStage? stage, bool? overdueOnly, ExportFormat? format, IMediator m, CancellationToken ct) =>
            Download(await m.Send(new ExportEnterpriseListQuery(new EnterpriseListQuery { OrganisationId = organisationId, Stage = stage, OverdueOnly = overdueOnly ?? false },
                format ?? ExportFormat.Xlsx), ct))).WithTags("企业");
        secured.MapPost("/enterprises/instructor", (AssignInstructorCommand c, IMediator m, CancellationToken ct) => m.Send(c, ct)).WithTags("企业");
        secured.MapGet("/enterprises/{id:guid}/instructors", (Guid id, IMediator m, CancellationToken ct) => m.Send(new InstructorHistoryQuery(id), ct)).WithTags("企业");
        secured.MapPost("/organisations/{id:guid}/enterprises", async (Guid id, IFormFile file, bool? skipBadRows, IMediator m, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            return await m.Send(new ImportEnterprisesCommand(id, file.FileName, buffer.ToArray(), skipBadRows ?? false), ct);
        }).DisableAntiforgery().WithTags("企业");
        // Anyone holding a printed contract may check it, signed in or not.
        api.MapGet("/verify/{code}", (string code, ContractVerifier verifier, CancellationToken ct) => verifier.VerifyCodeAsync(code, ct)).WithTags("核验");
        api.MapPost("/verify", async (IFormFile file, ContractVerifier verifier, CancellationToken ct) =>
        {
            await using var pdf = file.OpenReadStream();
            return await verifier.VerifyPdfAsync(pdf, ct);
        }).DisableAntiforgery().WithTags("核验");
    }

    private static void MapAccount(RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("账号");
        account.MapPost("/login", async (LoginBody body, SignInManager<Account> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(body.UserName ?? "", body.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return Results.NoContent();
            return Results.Problem(ProblemMapping.ForStatus(401, result.IsLockedOut ? "登录失败次数过多，账号已锁定 15 分钟" : "用户名或密码错误"));
        });
        account.MapPost("/logout", async (SignInManager<Account> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        }).RequireAuthorization();
        account.MapGet("/me", (HttpContext http) =>
        {
            var user = http.User.ToCurrentUser()!;
            return new Me(user.UserId, http.User.Identity!.Name!, user.Name, user.Role, user.Role.Title(), user.OrganisationId, user.EnterpriseId);
        }).RequireAuthorization();
    }

    private static void MapAccounts(RouteGroupBuilder accounts)
    {
        accounts.MapGet("", (UserManager<Account> users) => users.Users.OrderBy(a => a.Role).ThenBy(a => a.UserName)
            .Select(a => new AccountRow(a.Id, a.UserName!, a.DisplayName, a.Role, a.OrganisationId, a.EnterpriseId, a.LockoutEnd)).ToList());
        accounts.MapPost("", async (NewAccount b, AccountAdministration admin, HttpContext http, CancellationToken ct) =>
        {
            var account = await admin.CreateAsync(b, http.User.ToCurrentUser()!.UserId, ct);
            return Results.Created($"/api/accounts/{account.Id}", new AccountRow(account.Id, account.UserName!, account.DisplayName, account.Role, account.OrganisationId, account.EnterpriseId, null));
        });
    }

    private static void MapRounds(RouteGroupBuilder rounds)
    {
        rounds.MapPost("", async (StartRoundCommand c, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(c, ct);
            return Results.Created($"/api/rounds/{id}", new { id });
        });
        rounds.MapGet("", (Guid? organisationId, Guid? enterpriseId, Guid? campaignId, RoundStage? stage, bool? overdueOnly, string? industry, SizeBand? size,
                bool? awaitingMe, string? search, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
            m.Send(new RoundListQuery
            {
                OrganisationId = organisationId, EnterpriseId = enterpriseId, CampaignId = campaignId, Stage = stage, OverdueOnly = overdueOnly ?? false,
                Industry = industry, Size = size, AwaitingMe = awaitingMe ?? false, Search = search, Page = page ?? 1, PageSize = pageSize ?? 50,
            }, ct));
        rounds.MapGet("/export", async (Guid? organisationId, RoundStage? stage, bool? overdueOnly, bool? awaitingMe, ExportFormat? format, IMediator m, CancellationToken ct) =>
            Download(await m.Send(new ExportRoundListQuery(new RoundListQuery { OrganisationId = organisationId, Stage = stage, OverdueOnly = overdueOnly ?? false, AwaitingMe = awaitingMe ?? false },
                format ?? ExportFormat.Xlsx), ct)));
        rounds.MapGet("/reviews", (IMediator m, CancellationToken ct) => m.Send(new ReviewQueueQuery(), ct));
        rounds.MapGet("/{id:guid}/table", (Guid id, IMediator m, CancellationToken ct) => m.Send(new NegotiationTableQuery(id), ct));
        rounds.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new RoundTimelineQuery(id), ct));
        rounds.MapPost("/{id:guid}/offer", (Guid id, OfferBody b, IMediator m, CancellationToken ct) => Done(m.Send(new MakeOfferCommand(id, b.Topics, b.ReceivedOn, b.RepresentativesPerSide), ct)));
        rounds.MapPost("/{id:guid}/reply", (Guid id, ReplyBody b, IMediator m, CancellationToken ct) => Done(m.Send(new ReplyToOfferCommand(id, b.Accept, b.Reason, b.AddedTopics), ct)));
        rounds.MapPost("/{id:guid}/urge", (Guid id, UrgeBody b, IMediator m, CancellationToken ct) => Done(m.Send(new UrgeReplyCommand(id, b.How), ct)));
        rounds.MapPost("/{id:guid}/representatives", (Guid id, RepresentativesBody b, IMediator m, CancellationToken ct) =>
            Done(m.Send(new NameRepresentativesCommand(id, b.Side, b.Members, b.Delegation, b.LegalRepresentative), ct)));
        rounds.MapPost("/{id:guid}/meetings", (Guid id, MeetingBody b, IMediator m, CancellationToken ct) =>
            m.Send(new ScheduleMeetingCommand(id, b.Side, b.Date, b.Place, b.Chair, b.Recorder, b.Agenda), ct));
        rounds.MapPost("/{id:guid}/minutes", (Guid id, MinutesBody b, IMediator m, CancellationToken ct) => Done(m.Send(new RecordMeetingCommand(id, b.Side, b.Minutes), ct)));
        rounds.MapPost("/{id:guid}/suspend", (Guid id, SuspendBody b, IMediator m, CancellationToken ct) =>
            Done(m.Send(new SuspendCommand(id, b.Side, b.WorkerChiefConsents, b.EmployerChiefConsents, b.NextMeetingOn, b.NextMeetingPlace, b.NextMeetingContent), ct)));
        rounds.MapPost("/{id:guid}/resume", (Guid id, SideBody b, IMediator m, CancellationToken ct) => Done(m.Send(new ResumeCommand(id, b.Side), ct)));
        rounds.MapPost("/{id:guid}/topics", async (Guid id, ProposeBody b, IMediator m, CancellationToken ct) =>
        {
            var topic = await m.Send(new ProposeCommand(id, b.Side, b.Topic), ct);
            return Results.Created($"/api/topics/{topic}", new { id = topic });
        });
        rounds.MapPost("/{id:guid}/conclude", (Guid id, SideBody b, IMediator m, CancellationToken ct) => m.Send(new ConcludeCommand(id, b.Side), ct));
        rounds.MapPost("/{id:guid}/congress-vote", (Guid id, VoteBody b, IMediator m, CancellationToken ct) => m.Send(new RecordCongressVoteCommand(id, b.Entitled, b.Present, b.InFavour), ct));
        rounds.MapPost("/{id:guid}/sign", (Guid id, SideBody b, IMediator m, CancellationToken ct) => Done(m.Send(new SignCommand(id, b.Side), ct)));
        rounds.MapPost("/{id:guid}/filing", (Guid id, FilingBody b, IMediator m, CancellationToken ct) => m.Send(new FileContractCommand(id, b.ReceivedOn), ct));
        rounds.MapPost("/{id:guid}/objection", (Guid id, ObjectionBody b, IMediator m, CancellationToken ct) => Done(m.Send(new RecordReviewObjectionCommand(id, b.Opinion, b.ContestedTopicIds), ct)));
        rounds.MapPost("/{id:guid}/publication", (Guid id, PublishBody b, IMediator m, CancellationToken ct) => Done(m.Send(new PublishCommand(id, b.PublishedOn, b.How), ct)));
        rounds.MapPost("/{id:guid}/withdrawal", (Guid id, WithdrawBody b, IMediator m, CancellationToken ct) => Done(m.Send(new WithdrawOfferCommand(id, b.Side, b.Reason), ct)));
        rounds.MapPost("/{id:guid}/escalation", (Guid id, ReasonBody b, IMediator m, CancellationToken ct) => Done(m.Send(new EscalateToOrdinaryCommand(id, b.Reason), ct)));
        rounds.MapPost("/{id:guid}/lapse", (Guid id, ReasonBody b, IMediator m, CancellationToken ct) => Done(m.Send(new CloseLapsedRenewalCommand(id, b.Reason), ct)));
        rounds.MapPost("/{id:guid}/on-the-spot", (Guid id, OnTheSpotBody b, IMediator m, CancellationToken ct) =>
            Done(m.Send(new SignOnTheSpotCommand(id, b.Side, b.Kind, b.Means, b.Text, b.WorkerChief, b.EmployerChief), ct)));
        rounds.MapPost("/{id:guid}/no-agreement", (Guid id, NoAgreementBody b, IMediator m, CancellationToken ct) => Done(m.Send(new RecordNoAgreementCommand(id, b.Side, b.Means, b.Reason), ct)));
        rounds.MapPost("/{id:guid}/coordination", (Guid id, WithdrawBody b, IMediator m, CancellationToken ct) => m.Send(new ApplyForCoordinationCommand(id, b.Side, b.Reason), ct));
        rounds.MapPost("/{id:guid}/coordination/extension", (Guid id, ReasonBody b, IMediator m, CancellationToken ct) => m.Send(new ExtendCoordinationCommand(id, b.Reason), ct));
        rounds.MapPost("/{id:guid}/coordination/agreement", (Guid id, CoordinationAgreementBody b, IMediator m, CancellationToken ct) =>
            Done(m.Send(new RecordCoordinationAgreementCommand(id, b.Text, b.Coordinators, b.WorkerChief, b.EmployerChief), ct)));
        rounds.MapPost("/{id:guid}/coordination/closure", (Guid id, ReasonBody b, IMediator m, CancellationToken ct) => Done(m.Send(new CloseCoordinationCommand(id, b.Reason), ct)));
        rounds.MapPost("/{id:guid}/renewal", async (Guid id, RenewalBody b, IMediator m, CancellationToken ct) =>
        {
            var renewal = await m.Send(new StartRenewalCommand(id, b.ExpiresOn, b.Side), ct);
            return Results.Created($"/api/rounds/{renewal}", new { id = renewal });
        });
        rounds.MapPost("/{id:guid}/term", (Guid id, TermBody b, IMediator m, CancellationToken ct) => Done(m.Send(new AgreeContractTermCommand(id, b.Side, b.StartsOn, b.EndsOn), ct)));
        rounds.MapGet("/{id:guid}/documents/{kind}", async (Guid id, RoundDocumentKind kind, int? meeting, IMediator m, CancellationToken ct) =>
        {
            var file = await m.Send(new PrintRoundDocumentQuery(id, kind, meeting), ct);
            return Results.File(file.Pdf, "application/pdf", file.FileName);
        });
    }

    private static void MapTopics(RouteGroupBuilder topics)
    {
        topics.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new TopicHistoryQuery(id), ct));
        topics.MapPost("/{id:guid}/counter", (Guid id, CounterBody b, IMediator m, CancellationToken ct) => Done(m.Send(new CounterProposeCommand(id, b.Side, b.Clause, b.Number, b.Unit), ct)));
        topics.MapPost("/{id:guid}/agree", (Guid id, SideBody b, IMediator m, CancellationToken ct) => Done(m.Send(new AgreeTopicCommand(id, b.Side), ct)));
        topics.MapPost("/{id:guid}/withdraw", (Guid id, WithdrawBody b, IMediator m, CancellationToken ct) => Done(m.Send(new WithdrawTopicCommand(id, b.Side, b.Reason), ct)));
    }

    private static void MapCampaigns(RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("", async (CreateCampaignCommand c, IMediator m, CancellationToken ct) =>
        {
            var id = await m.Send(c, ct);
            return Results.Created($"/api/campaigns/{id}", new { id });
        });
        campaigns.MapGet("", (IMediator m, CancellationToken ct) => m.Send(new CampaignListQuery(), ct));
        campaigns.MapGet("/{id:guid}/dashboard", (Guid id, IMediator m, CancellationToken ct) => m.Send(new CityDashboardQuery(id), ct));
        campaigns.MapGet("/{id:guid}/dashboard/export", async (Guid id, ExportFormat? format, IMediator m, CancellationToken ct) =>
            Download(await m.Send(new ExportCityDashboardQuery(id, format ?? ExportFormat.Xlsx), ct)));
    }

    /// <summary>An exported file as a download.</summary>
    public static IResult Download(ExportFile file) => Results.File(file.Content, file.ContentType, file.FileName);

    private static async Task<IResult> Done(Task<Unit> command)
    {
        await command;
        return Results.NoContent();
    }
}
