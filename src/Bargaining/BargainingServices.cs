using Bargaining.Documents.Fonts;
using Bargaining.Documents.Printing;
using Bargaining.Documents.Templates;
using Bargaining.Documents.Verification;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;
using Bargaining.Workflows.Hosting;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Bargaining;

/// <summary>Where the application finds its definitions and its database.</summary>
/// <param name="WorkflowsDirectory">The <c>workflows/</c> folder: definitions, jurisdictions, calendars.</param>
/// <param name="Database">The database: a SQLite file or a PostgreSQL server.</param>
public sealed record BargainingOptions(string WorkflowsDirectory, DatabaseSettings Database)
{
    /// <summary>The <c>templates/</c> folder of the documents; by default beside <see cref="WorkflowsDirectory"/>.</summary>
    public string TemplatesDirectory { get; init; } = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(WorkflowsDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "templates");

    /// <summary>
    /// The city union's organisation tree (<c>organisations.json</c>, see <see cref="Features.Organisations.OrganisationFile"/>);
    /// by default beside <see cref="WorkflowsDirectory"/>, at the repository's root.
    /// </summary>
    public string OrganisationsFile { get; init; } = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(WorkflowsDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "organisations.json");

    /// <summary>
    /// The key that seals the journal (<see cref="JournalSeal"/>) as base64 text, e.g. <c>Bargaining:JournalKey</c> from a
    /// secret store; when null, the key of <see cref="JournalKeyFile"/>.
    /// </summary>
    public string? JournalKey { get; init; }

    /// <summary>
    /// The file holding the journal key, created with a new key on first use: by default beside a SQLite file
    /// (<c>FILE.journal-key</c>), or for PostgreSQL <c>~/.config/bargaining/HOST-PORT-DATABASE.journal-key</c>. Keep it
    /// apart from the database's backups' reach; every app instance needs the same key.
    /// </summary>
    public string JournalKeyFile { get; init; } = DefaultJournalKeyFile(Database);

    /// <summary>
    /// The journal seal of <see cref="JournalKey"/> or <see cref="JournalKeyFile"/>; a missing file is created with a new
    /// key, or with <paramref name="create"/> false refused (checking a journal needs the key it was sealed with).
    /// </summary>
    public JournalSeal OpenJournalSeal(bool create = true) =>
        JournalKey is { Length: > 0 } key ? JournalSeal.FromBase64(key) : JournalSeal.FromFile(JournalKeyFile, create);

    /// <summary>Where the journal key is kept by default for <paramref name="database"/>.</summary>
    public static string DefaultJournalKeyFile(DatabaseSettings database)
    {
        if (database.SqliteFile is { } file) return file + ".journal-key";
        var server = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        var name = string.Join('-', new[] { server.Host ?? "localhost", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), server.Database ?? server.Username ?? "postgres" }
            .Select(part => string.Concat(part.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_'))));
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "bargaining", name + ".journal-key");
    }

    /// <summary>How documents are printed: the address the contract's QR code opens, the signing certificate, the style.</summary>
    public PrintOptions Print { get; init; } = new();

    /// <summary>
    /// The <c>workflows</c> folder of the repository or installation: looked for in the current directory, then
    /// upwards from the program's own folder.
    /// </summary>
    public static string FindWorkflowsDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (File.Exists(Path.Combine(candidate, "ordinary-procedure.json"))) return candidate;
            }
        throw new DirectoryNotFoundException("cannot find the workflows/ folder; run from the repository or pass its path");
    }
}

/// <summary>Registers the application's services.</summary>
public static class BargainingServices
{
    /// <summary>
    /// Loads jurisdictions and every workflow definition — failing fast with every error found — and registers
    /// the database, the workflow engine and the background timer processor.
    /// </summary>
    public static IServiceCollection AddBargaining(this IServiceCollection services, BargainingOptions options, TimeProvider? clock = null)
    {
        var catalog = JurisdictionCatalog.Load(options.WorkflowsDirectory);
        var conditions = BargainingConditions.Create(catalog);
        var registry = WorkflowRegistry.LoadDirectory(options.WorkflowsDirectory, new DefinitionVocabulary(conditions.Names, catalog.CommonPeriods));

        services.AddSingleton(options);
        services.AddSingleton(catalog);
        services.AddSingleton(conditions);
        services.AddSingleton(registry);
        // Resolved, not captured, so a host's tests may replace the clock after this call.
        if (clock is null) services.TryAddSingleton(TimeProvider.System);
        else services.Replace(ServiceDescriptor.Singleton(clock));
        services.AddDbContextPool<BargainingDbContext>(b => b.UseDatabase(options.Database));
        services.AddSingleton<KeptSqliteConnections>();
        services.TryAddSingleton(_ => options.OpenJournalSeal());
        // The time rules of the moment: a holiday schedule entered in the product changes them (HolidaySchedules).
        services.AddScoped(sp => new WorkflowEngine(sp.GetRequiredService<BargainingDbContext>(), registry, conditions, catalog.TimeRules, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<JournalSeal>(), sp.GetService<Microsoft.Extensions.Logging.ILogger<WorkflowEngine>>()));
        services.AddScoped<RoundWorkflow>();
        services.AddScoped<RoundStatusReader>();
        services.AddScoped<Features.Progress.ProgressFigures>();
        services.AddSingleton<Features.Progress.RoundProgressWriter>();
        services.AddSingleton<Features.Progress.ProgressCache>();
        services.AddMediatorPipeline();
        // Templates and fonts are loaded on first print, so a host that never prints needs neither.
        services.TryAddSingleton(_ => new DocumentPrinter(TemplateSet.Load(options.TemplatesDirectory), ChineseFonts.Locate(), options.Print));
        services.AddScoped<Features.Documents.DatabaseContractRegistry>();
        services.AddScoped<Features.Documents.RoundDocuments>();
        services.AddScoped<IContractRegistry>(sp => sp.GetRequiredService<Features.Documents.DatabaseContractRegistry>());
        services.AddScoped<ContractVerifier>();
        services.TryAddScoped<ICurrentUserAccessor>(_ => new FixedCurrentUser(null));
        services.AddSingleton(new WorkflowTimerOptions());
        services.AddSingleton<WorkflowTimerProcessor>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<WorkflowTimerProcessor>());
        services.TryAddSingleton(new IdempotencyOptions());
        services.AddScoped<IdempotencyKeys>();
        services.AddHostedService<CommandKeySweeper>();
        services.AddSingleton<Features.Calendars.HolidayScheduleRefresher>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<Features.Calendars.HolidayScheduleRefresher>());
        return services;
    }

    /// <summary>
    /// MediatR 5.1 has no registration helper: registers the mediator, every handler (of requests and of notifications) and validator of this assembly,
    /// and the pipeline Logging → Idempotency → Admission (authorisation, validation) → Transaction (outermost first).
    /// </summary>
    private static void AddMediatorPipeline(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        foreach (var type in typeof(BargainingServices).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
                if (contract.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || contract.GetGenericTypeDefinition() == typeof(IValidator<>)
                    || contract.GetGenericTypeDefinition() == typeof(INotificationHandler<>))
                    services.AddScoped(contract, type);
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AdmissionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));
    }
}
