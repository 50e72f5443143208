using Bargaining.Domain;
using Bargaining.Features.Export;
using Bargaining.Features.Organisations;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Web.Accounts;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Api;

/// <summary>Organisations (<c>/api/organisations</c>) and their enterprises (<c>/api/enterprises</c>).</summary>
public static class OrganisationsApi
{
    /// <summary>Maps the organisations' and enterprises' endpoints.</summary>
    public static void Map(RouteGroupBuilder secured)
    {
        var organisations = secured.MapGroup("/organisations").WithTags("企业");
        organisations.MapGet("", ListOrganisationsAsync);
        organisations.MapPut("/{id:guid}/labour-authority", SetLabourAuthorityAsync);
        // The city union re-imports its edited organisation file (Bargaining:OrganisationsFile) after changing it.
        organisations.MapPost("/import", ImportOrganisationsAsync).RequireAuthorization(WebApp.Policy(Role.CityAdministrator));
        organisations.MapPost("/{id:guid}/enterprises", ImportEnterprisesAsync).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(RequestLimits.Upload));
        secured.MapGet("/organisations/{id:guid}/progress", GetCountyProgressAsync).WithTags("进度");
        // 在有效期内的集体合同 on a day: the city's units (city union only), or one unit.
        secured.MapGet("/organisations/in-force", GetContractsInForceAsync).WithTags("进度");
        secured.MapGet("/organisations/{id:guid}/in-force", GetUnitContractsInForceAsync).WithTags("进度");

        var enterprises = secured.MapGroup("/enterprises").WithTags("企业");
        enterprises.MapGet("", ListEnterprisesAsync);
        enterprises.MapGet("/export", ExportEnterprisesAsync);
        enterprises.MapPost("/instructor", AssignInstructorAsync);
        enterprises.MapGet("/{id:guid}/instructors", GetInstructorHistoryAsync);
    }

    private static async Task<Ok<IReadOnlyList<OrganisationRow>>> ListOrganisationsAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new OrganisationListQuery(), ct));

    private static Task<NoContent> SetLabourAuthorityAsync(Guid id, SetLabourAuthorityCommand command, IMediator mediator, CancellationToken ct) =>
        Endpoints.Done(mediator.Send(command with { OrganisationId = id }, ct));

    private static Task<ImportOrganisationsReport> ImportOrganisationsAsync(BargainingOptions options, IMediator mediator, CancellationToken ct) =>
        mediator.Send(ImportOrganisationsCommand.FromFile(options.OrganisationsFile), ct);

    private static async Task<Ok<ImportReport>> ImportEnterprisesAsync(Guid id, IFormFile file, bool? skipBadRows, IMediator mediator, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return TypedResults.Ok(await mediator.Send(new ImportEnterprisesCommand(id, file.FileName, buffer.ToArray(), skipBadRows ?? false), ct));
    }

    private static async Task<Ok<UnitProgress>> GetCountyProgressAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CountyProgressQuery(id), ct));

    private static async Task<Ok<ContractsInForce>> GetContractsInForceAsync(DateOnly? on, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ContractsInForceQuery(on), ct));

    private static async Task<Ok<ContractsInForce>> GetUnitContractsInForceAsync(Guid id, DateOnly? on, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ContractsInForceQuery(on, id), ct));

    private static async Task<Ok<EnterpriseList>> ListEnterprisesAsync(Guid? organisationId, RoundStage? stage, bool? withoutRound, bool? overdueOnly, string? industry,
        SizeBand? size, string? instructorUserId, string? search, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new EnterpriseListQuery
        {
            OrganisationId = organisationId, Stage = stage, WithoutRound = withoutRound ?? false, OverdueOnly = overdueOnly ?? false, Industry = industry,
            Size = size, InstructorUserId = instructorUserId, Search = search, Page = page ?? 1, PageSize = pageSize ?? 50,
        }, ct));

    private static async Task<FileContentHttpResult> ExportEnterprisesAsync(Guid? organisationId, RoundStage? stage, bool? overdueOnly, ExportFormat? format,
        IMediator mediator, CancellationToken ct) =>
        Endpoints.Download(await mediator.Send(new ExportEnterpriseListQuery(
            new EnterpriseListQuery { OrganisationId = organisationId, Stage = stage, OverdueOnly = overdueOnly ?? false }, format ?? ExportFormat.Xlsx), ct));

    // The instructor is an account: it must be an instructor of the caller's county, and the name is the account's.
    private static async Task<Ok<AssignInstructorResult>> AssignInstructorAsync(AssignInstructorCommand command, AccountAdministration accounts,
        ICurrentUserAccessor users, BargainingDbContext db, IMediator mediator, CancellationToken ct)
    {
        // Authorised before the instructor account is checked, as the pipeline authorises before it validates: a caller
        // who may not assign (or not for these enterprises) is answered 403 whatever instructor they name.
        await command.AuthoriseAsync(users.Caller(), db, ct);
        return TypedResults.Ok(await mediator.Send(await accounts.AssignmentAsync(users.Caller(), command.EnterpriseIds ?? [], command.InstructorUserId), ct));
    }

    private static async Task<Ok<IReadOnlyList<InstructorAssignmentRow>>> GetInstructorHistoryAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new InstructorHistoryQuery(id), ct));
}
