using System.Globalization;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Cli;

/// <summary>
/// <c>bargaining launch --db FILE --county NAME --rise N [--kind KIND] [--received-on DATE] [--representatives N]</c>:
/// a county's offers for all of its enterprises at once (<see cref="LaunchCampaignOffersCommand"/>, as the county's
/// staff), proposing a pay rise of N %; a progress bar per batch on stderr, then each enterprise refused with its reason.
/// </summary>
internal static class LaunchCommand
{
    public static async Task<int> RunAsync(Arguments args, TextWriter output, TextWriter progressTo)
    {
        var county = args["county"] ?? throw new ArgumentException("--county NAME (a county-level union's name or code) is required");
        var rise = decimal.TryParse(args["rise"], NumberStyles.Number, CultureInfo.InvariantCulture, out var r) ? r : throw new ArgumentException("--rise N (the proposed pay rise in %) is required");
        var kind = args["kind"] is { } k
            ? Enum.TryParse<RoundKind>(k.Replace("-", ""), ignoreCase: true, out var parsed) ? parsed : throw new ArgumentException($"--kind is one of {string.Join(", ", Enum.GetNames<RoundKind>())}")
            : RoundKind.Wage;
        DateOnly? receivedOn = args["received-on"] is { } day
            ? DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new ArgumentException("--received-on yyyy-MM-dd")
            : null;
        int? representatives = args["representatives"] is { } n ? int.TryParse(n, out var number) ? number : throw new ArgumentException("--representatives N") : null;
        await using var services = DocumentCommands.Services(args);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var bar = new ProgressBar(progressTo);
        try
        {
            var db = sp.GetRequiredService<BargainingDbContext>();
            var unit = await ContractBatches.CountyAsync(db, county, default) ?? throw DomainException.NotFound($"县级工会“{county}”");
            var enterprises = await db.Enterprises.AsNoTracking().Where(e => e.OrganisationId == unit.Id).OrderBy(e => e.CreditCode).Select(e => e.Id).ToListAsync();
            ((FixedCurrentUser)sp.GetRequiredService<ICurrentUserAccessor>()).User = new CurrentUser("cli", $"命令行（{unit.Name}）", Role.CountyStaff, unit.Id);
            var today = sp.GetRequiredService<JurisdictionCatalog>().Default.Time.LocalDate(sp.GetRequiredService<TimeProvider>().GetUtcNow());
            var report = await sp.GetRequiredService<IMediator>().Send(new LaunchCampaignOffersCommand(enterprises, kind,
                [new TopicProposal(TopicCatalog.Pay, FormattableString.Invariant($"职工年平均工资增长{rise}%"), rise, "%")], receivedOn ?? today, representatives, Progress: bar));
            bar.Finish();
            output.WriteLine($"{unit.Name}：已发出要约 {report.Launched.Count} 家，未发出 {report.Refused.Count} 家");
            foreach (var refused in report.Refused) output.WriteLine($"  未发出 {refused.Enterprise}：{refused.Reason}");
            return 0;
        }
        catch (DomainException e)
        {
            bar.Finish();
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
