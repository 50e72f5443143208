using Bargaining;
using Bargaining.Cli;
using Bargaining.Persistence;
using Bargaining.Workflows.Definitions;

try
{
    return args.FirstOrDefault() switch
    {
        "migrate" => await MigrateCommand.RunAsync(Arguments.Parse(args[1..]), Console.Out),
        "demo" => await DemoCommand.RunAsync(Arguments.Parse(args[1..]), Console.Out),
        "simulate" => await SimulateCommand.RunAsync(Arguments.Parse(args[1..]), Console.Out, Console.Error),
        "validate" => ValidateCommand.Run(Arguments.Parse(args[1..]), Console.Out),
        "verify" => await VerifyCommand.RunAsync(Arguments.Parse(args[1..]), Console.Out),
        "checkpoint" => await VerifyCommand.CheckpointAsync(Arguments.Parse(args[1..]), Console.Out),
        "backup" => await BackupCommands.BackupAsync(Arguments.Parse(args[1..]), Console.Out),
        "restore" => await BackupCommands.RestoreAsync(Arguments.Parse(args[1..]), Console.Out),
        "print" => await DocumentCommands.PrintAsync(Arguments.Parse(args[1..]), Console.Out),
        "print-batch" => await DocumentCommands.PrintBatchAsync(Arguments.Parse(args[1..]), Console.Out, Console.Error),
        "verify-document" => await DocumentCommands.VerifyAsync(Arguments.Parse(args[1..]), Console.Out),
        "launch" => await LaunchCommand.RunAsync(Arguments.Parse(args[1..]), Console.Out, Console.Error),
        "import-organisations" => await OrganisationCommands.ImportAsync(Arguments.Parse(args[1..]), Console.Out),
        "export-catalogue" => await CatalogueCommands.ExportAsync(Arguments.Parse(args[1..]), Console.Out),
        null or "help" or "--help" or "-h" => Usage(0),
        var other => Usage(2, $"unknown command '{other}'"),
    };
}
catch (WorkflowDefinitionException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (DatabaseNotGeneratedException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (ArgumentException e)
{
    return Usage(2, e.Message);
}

static int Usage(int code, string? problem = null)
{
    if (problem is not null) Console.Error.WriteLine($"error: {problem}");
    Console.Error.WriteLine("""
        usage: bargaining <command> [options]

          migrate   [--db FILE]                     create the database or bring its tables up to date (the web host does this on
                                                    start); without --db, the Bargaining__DatabaseProvider, Bargaining__Database
                                                    and Bargaining__ConnectionString environment variables choose it (PostgreSQL
                                                    too, for every command below), else bargaining.db
          demo      [--db FILE] [--workflows DIR]   load every definition, drive a Yancheng demo round through the whole
                    [--enterprises N] [--seed N]    ordinary procedure on a SQLite file with a simulated clock, print the journal;
                                                    then load a Yancheng-like city through the commands and print its overview
          simulate  [--enterprises N] [--seed N]    run a whole spring campaign for a city of N enterprises (default 2000) through
                    [--db FILE] [--workflows DIR]   the commands on a simulated clock, with a progress bar on stderr; print the
                                                    throughput and the city dashboard (default bargaining-simulation.db; the
                                                    database is emptied first, as by demo)
          validate  [--workflows DIR]               check every definition; print each error with its file and JSON path
          verify    --db FILE                       check every journal (hash chain, seals with the journal key, stored
                    [--checkpoint CHECKPOINT]       state) and every round's facts against its journal; with a checkpoint,
                    [--journal-key-file KEY]        that no journal was cut or removed since (key: FILE.journal-key)
          checkpoint --db FILE --to CHECKPOINT      write every journal's head, sealed with the journal key, to a file kept
                                                    elsewhere (e.g. hourly by cron), for verify --checkpoint
          backup    --db FILE --to BACKUP.db        copy a SQLite database while the app runs (consistent, sign-in keys
                                                    included), then check the copy: integrity and every journal
          restore   --from BACKUP.db --db FILE      with the app stopped: check the backup, then put it in place of FILE
                                                    (kept as FILE.before-restore-TIME); a backup that fails is refused
          print     --db FILE --round ID            print a round's document from its template: --document contract (the
                    [--document KIND] [--meeting N] default; its verification code is registered), offer-letter, response,
                    --out FILE.pdf                  meeting-minutes (with --meeting N), congress-resolution or filing-form
          print-batch --db FILE                     print every signed contract of a county-level unit or a campaign into one
                    --county NAME|--campaign NAME   zip (one PDF each) or one merged PDF, registering their verification
                    --zip OUT.zip|--merged OUT.pdf  codes; a progress bar on stderr
          verify-document --db FILE --pdf FILE      say whether a PDF is a registered contract, unchanged (exit 0) or not (1)
          launch    --db FILE --county NAME         launch the offers of all of a county's enterprises at once as its staff (集中要约),
                    --rise N [--kind KIND]          proposing a pay rise of N %; received today unless --received-on yyyy-MM-dd;
                    [--received-on DATE]            a progress bar per batch on stderr, then each enterprise not launched with
                    [--representatives N]           its reason (no union, a round of the kind running, …)
          import-organisations --db FILE            import the city union's organisation tree (default organisations.json beside
                    [--file organisations.json]     workflows/) as the city administrator: names and labour departments follow
                                                    the file, new units are added, none removed; a bad file changes nothing
                                                    (--file may also be an export-catalogue .jsonl: its organisation records)
          export-catalogue --db FILE                the province's data catalogue (docs/data-catalogue.md): the organisation tree,
                    --out FILE.jsonl|FILE.csv       then the campaigns, rounds, topics, agreed clauses and contracts changed after
                    [--since INSTANT]               --since (all without it); prints the cursor to pass as --since next time
        """);
    return code;
}
