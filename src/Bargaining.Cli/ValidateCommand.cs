using Bargaining.Features.Rounds;
using Bargaining.Jurisdictions;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;

namespace Bargaining.Cli;

/// <summary><c>bargaining validate</c>: loads every definition and lists them, or every error.</summary>
internal static class ValidateCommand
{
    public static int Run(Arguments args, TextWriter output)
    {
        var directory = args.Workflows;
        var catalog = JurisdictionCatalog.Load(directory);
        var registry = WorkflowRegistry.LoadDirectory(directory, new DefinitionVocabulary(BargainingConditions.Create(catalog).Names, catalog.CommonPeriods));
        foreach (var d in registry.All)
            output.WriteLine($"ok  {d.Id} v{d.Version}  {d.Name}  ({d.Nodes.Count} nodes)  {d.Source}");
        foreach (var p in catalog.Profiles.Values.OrderBy(p => p.Code, StringComparer.Ordinal))
            output.WriteLine($"ok  jurisdiction {p.Code}: {p.Name}; reply {p.Duration(PeriodNames.ReplyDays)}, review {p.Duration(PeriodNames.ReviewDays)}, calendar {p.Time.Calendar.Name} ({string.Join(", ", p.Time.Calendar.Years.Order())})");
        return 0;
    }
}
