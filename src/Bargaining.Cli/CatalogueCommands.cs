using System.Globalization;
using Bargaining.Domain;
using Bargaining.Features.Catalogue;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Cli;

/// <summary>
/// <c>bargaining export-catalogue --db FILE --out FILE.jsonl|FILE.csv [--since INSTANT]</c>: the province's export
/// (<see cref="ExportChangesQuery"/>) of what changed after <c>--since</c> (everything without it); prints the record
/// counts and the cursor to pass as <c>--since</c> next time.
/// </summary>
internal static class CatalogueCommands
{
    public static async Task<int> ExportAsync(Arguments args, TextWriter output)
    {
        var path = args["out"] ?? throw new ArgumentException("export-catalogue needs --out FILE.jsonl or FILE.csv");
        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" => ChangeFormat.JsonLines,
            ".csv" => ChangeFormat.Csv,
            _ => throw new ArgumentException("--out should end in .jsonl or .csv"),
        };
        DateTimeOffset? since = null;
        if (args["since"] is { } text)
            since = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at : throw new ArgumentException($"--since '{text}' is not an instant (e.g. 2026-03-02T01:00:00Z)");
        await using var services = DocumentCommands.Services(args);
        await using var scope = services.CreateAsyncScope();
        try
        {
            var export = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExportChangesQuery(since, format));
            await File.WriteAllBytesAsync(path, export.File.Content);
            output.WriteLine($"已导出 {Path.GetFullPath(path)}：{string.Join("，", export.Counts.Select(c => $"{c.Key} {c.Value}"))}");
            output.WriteLine($"下次导出：--since {(export.Cursor is { } cursor ? ExportRecords.Instant(cursor) : "（不填，导出全部）")}");
            return 0;
        }
        catch (DomainException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
