using Bargaining.Documents.Verification;
using Bargaining.Domain;
using Bargaining.Features.Documents;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Cli;

/// <summary>
/// <c>bargaining print --db FILE --round ID [--document KIND] [--meeting N] --out FILE.pdf</c>: prints a document of a
/// round, by default its contract, whose verification code is registered; <c>bargaining verify-document --db FILE --pdf FILE</c>: says whether a PDF is a registered contract.
/// </summary>
internal static class DocumentCommands
{
    public static async Task<int> PrintAsync(Arguments args, TextWriter output)
    {
        var round = Guid.TryParse(args["round"], out var id) ? id : throw new ArgumentException("--round ID (a round's id) is required");
        var pdf = args["out"] ?? throw new ArgumentException("--out FILE.pdf is required");
        await using var services = Services(args);
        await using var scope = await PrintingScopeAsync(services);
        try
        {
            var kind = args["document"] is { } name
                ? Enum.TryParse<RoundDocumentKind>(name.Replace("-", ""), ignoreCase: true, out var k) ? k
                    : throw new ArgumentException($"--document is one of {string.Join(", ", Enum.GetNames<RoundDocumentKind>())}")
                : RoundDocumentKind.Contract;
            int? meeting = args["meeting"] is { } n ? int.TryParse(n, out var number) ? number : throw new ArgumentException("--meeting N (a meeting's number)") : null;
            var printed = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PrintRoundDocumentQuery(round, kind, meeting));
            await File.WriteAllBytesAsync(pdf, printed.Pdf);
            output.WriteLine($"printed {printed.Title}: {printed.PageCount} pages to {pdf}" +
                             (printed.VerificationCode is { } code ? $"; verification code {code} registered" : ""));
            return 0;
        }
        catch (DomainException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// <c>bargaining print-batch --db FILE --county NAME|--campaign NAME --zip OUT.zip|--merged OUT.pdf</c>: every
    /// signed contract of a county-level unit or a campaign into one archive or one PDF, with a progress bar on stderr.
    /// </summary>
    public static async Task<int> PrintBatchAsync(Arguments args, TextWriter output, TextWriter progressTo)
    {
        var (zip, merged) = (args["zip"], args["merged"]);
        if ((zip is null) == (merged is null)) throw new ArgumentException("give one of --zip OUT.zip or --merged OUT.pdf");
        if ((args["county"] is null) == (args["campaign"] is null)) throw new ArgumentException("give one of --county NAME or --campaign NAME");
        await using var services = Services(args);
        await using var scope = await PrintingScopeAsync(services);
        var bar = new ProgressBar(progressTo);
        try
        {
            var batch = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PrintContractBatchQuery(args["county"], args["campaign"],
                zip is not null ? BatchOutput.Zip : BatchOutput.Merged, bar));
            bar.Finish();
            var file = zip ?? merged!;
            await File.WriteAllBytesAsync(file, batch.Content);
            output.WriteLine($"printed {batch.Contracts} contracts, {batch.PageCount} pages, to {file}; their verification codes are registered");
            foreach (var skipped in batch.Skipped) output.WriteLine($"  skipped {skipped}");
            return 0;
        }
        catch (DomainException e)
        {
            bar.Finish();
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    public static async Task<int> VerifyAsync(Arguments args, TextWriter output)
    {
        var pdf = args["pdf"] ?? throw new ArgumentException("--pdf FILE is required");
        if (!File.Exists(pdf)) throw new ArgumentException($"no file '{pdf}'");
        await using var services = Services(args);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ContractVerifier>().VerifyPdfAsync(pdf);
        output.WriteLine((result.IsGenuine ? "GENUINE  " : "REJECTED ") + result.Message);
        return result.IsGenuine ? 0 : 1;
    }

    /// <summary>A scope counting with the holiday schedules stored in the database, as a web host does: printed deadlines carry their note.</summary>
    private static async Task<AsyncServiceScope> PrintingScopeAsync(ServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        await Features.Calendars.HolidaySchedules.LoadAsync(scope.ServiceProvider.GetRequiredService<Persistence.BargainingDbContext>(),
            services.GetRequiredService<Jurisdictions.JurisdictionCatalog>());
        return scope;
    }

    internal static ServiceProvider Services(Arguments args) =>
        new ServiceCollection().AddLogging()
            .AddSingleton<ICurrentUserAccessor>(new FixedCurrentUser(new CurrentUser("cli", "命令行", Role.CityAdministrator, Guid.Empty)))
            .AddBargaining(args.Options(args.Database()))
            .BuildServiceProvider();
}
