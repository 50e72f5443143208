using Bargaining.Domain;
using Bargaining.Features.Catalogue;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bargaining.Web.Api;

/// <summary>The province's data catalogue (<c>/api/catalogue</c>): the incremental export and the data-quality report. Only the city union.</summary>
public static class CatalogueApi
{
    /// <summary>The header carrying the export's cursor: the <c>since</c> of the next call.</summary>
    public const string CursorHeader = "X-Catalogue-Cursor";

    /// <summary>Maps the catalogue's endpoints.</summary>
    public static void Map(RouteGroupBuilder secured)
    {
        var catalogue = secured.MapGroup("/catalogue").WithTags("数据目录").RequireAuthorization(WebApp.Policy(Role.CityAdministrator));
        catalogue.MapGet("/changes", ExportChangesAsync);
        catalogue.MapGet("/quality", GetQualityAsync);
    }

    // The cursor also goes in a header, so a client streaming the file body still learns where to resume.
    private static async Task<FileContentHttpResult> ExportChangesAsync(DateTimeOffset? since, string? format, HttpResponse response, IMediator mediator, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportChangesQuery(since, format?.ToLowerInvariant() switch
        {
            null or "jsonl" => ChangeFormat.JsonLines,
            "csv" => ChangeFormat.Csv,
            _ => (ChangeFormat)(-1),
        }), ct);
        if (export.Cursor is { } cursor) response.Headers[CursorHeader] = ExportRecords.Instant(cursor);
        return Endpoints.Download(export.File);
    }

    private static async Task<Ok<DataQualityReport>> GetQualityAsync(Guid? organisationId, string? kind, int? staleDays, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DataQualityQuery(organisationId, kind, staleDays ?? DataQualityQuery.DefaultStaleDays), ct));
}
