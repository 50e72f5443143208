using Bargaining.Domain;
using Bargaining.Features.Organisations;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Cli;

/// <summary>
/// <c>bargaining import-organisations --db FILE [--file organisations.json]</c>: imports the city union's organisation
/// tree after the administrator edited the file (<see cref="ImportOrganisationsCommand"/>), and says what changed.
/// </summary>
internal static class OrganisationCommands
{
    public static async Task<int> ImportAsync(Arguments args, TextWriter output)
    {
        await using var services = DocumentCommands.Services(args);
        var file = args["file"] ?? services.GetRequiredService<BargainingOptions>().OrganisationsFile;
        await using var scope = services.CreateAsyncScope();
        try
        {
            var report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(ImportOrganisationsCommand.FromFile(file));
            output.WriteLine($"已导入单位名册 {Path.GetFullPath(file)}：新增 {report.Created} 个，更新 {report.Updated} 个，未变 {report.Unchanged} 个");
            foreach (var kept in report.KeptNotInFile) output.WriteLine($"  名册中没有、予以保留：{kept}");
            return 0;
        }
        catch (DomainException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
