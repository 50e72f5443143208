using Bargaining.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Accounts;

/// <summary>The application's whole database: the bargaining tables and the accounts' tables, migrated together.</summary>
public static class ApplicationDatabase
{
    /// <summary>Applies every pending migration of both, upgrading a database of a release before migrations in place.</summary>
    public static async Task MigrateAsync(DatabaseSettings settings, CancellationToken ct = default)
    {
        await using (var db = new BargainingDbContext(new DbContextOptionsBuilder<BargainingDbContext>().UseDatabase(settings).Options))
            await Database.MigrateAsync(db, ct);
        await using var accounts = new AccountsDbContext(new DbContextOptionsBuilder<AccountsDbContext>().UseDatabase(settings, AccountsDbContext.MigrationsHistoryTable).Options);
        await Database.MigrateAsync(accounts, ct);
        if (settings.SqliteFile is { } file) await ImportKeyRingAsync(accounts, file + ".keys", ct);
    }

    /// <summary>
    /// Moves the sign-in keys of a release that kept them in a folder beside the SQLite file (<c>FILE.keys</c>, one
    /// <c>key-{id}.xml</c> per key, as the file-system key store names them) into the database, so nobody is signed
    /// out by the upgrade. Keys already there are left alone; the folder is kept and may be deleted afterwards.
    /// </summary>
    private static async Task ImportKeyRingAsync(AccountsDbContext accounts, string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return;
        var known = (await accounts.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!known.Contains(name)) accounts.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = await File.ReadAllTextAsync(file, ct) });
        }
        await accounts.SaveChangesAsync(ct);
    }
}
