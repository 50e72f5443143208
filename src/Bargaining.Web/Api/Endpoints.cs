using Bargaining.Accounts;
using Bargaining.Domain;
using Bargaining.Features.Export;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api;

/// <summary>What a request created: its id, with its address in the <c>Location</c> header.</summary>
public sealed record CreatedId(Guid Id);

/// <summary>
/// The REST API under <c>/api</c>, one file per area. Every endpoint binds the MediatR command the pages send (the id
/// in the route wins over one in the body) and returns a typed result; errors come back as ProblemDetails
/// (<see cref="ProblemMapping"/>). Callers sign in with <c>POST /api/account/login</c> (cookie).
/// </summary>
public static class Endpoints
{
    /// <summary>Maps every endpoint.</summary>
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("api");
        AccountsApi.MapAccount(api.MapGroup("/account").WithTags("账号"));
        VerificationApi.Map(api.MapGroup("/verify").WithTags("核验"));
        AccountsApi.MapCalendar(api.MapGroup("/calendar").WithTags("账号"));
        Rounds.CongressApi.MapDeputy(api.MapGroup("/deputy").WithTags("职工代表"));
        var secured = api.MapGroup("").RequireAuthorization();
        AccountsApi.MapAccounts(secured.MapGroup("/accounts").WithTags("账号").RequireAuthorization(WebApp.Policy(Role.CityAdministrator)));
        RoundsApi.Map(secured.MapGroup("/rounds").WithTags("协商轮次"));
        TopicsApi.Map(secured.MapGroup("/topics").WithTags("议题"));
        CampaignsApi.Map(secured);
        OrganisationsApi.Map(secured);
        Rounds.CongressApi.MapRoster(secured.MapGroup("/enterprises").WithTags("职工代表"));
        HolidaysApi.Map(secured.MapGroup("/holidays").WithTags("节假日安排").RequireAuthorization(WebApp.Policy(Role.CityAdministrator)));
        CatalogueApi.Map(secured);
        ImplementationApi.Map(secured);
    }

    /// <summary>An exported file as a download.</summary>
    public static FileContentHttpResult Download(ExportFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);

    /// <summary>204 once a command that answers nothing has succeeded.</summary>
    public static async Task<NoContent> Done(Task<Unit> command)
    {
        await command;
        return TypedResults.NoContent();
    }
}
