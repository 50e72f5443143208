using System.Diagnostics;
using System.IO.Compression;
using Bargaining.Tests.Shared;

namespace Bargaining.Tests.Cli;

/// <summary>
/// The command line (<c>src/Bargaining.Cli</c>) as an officer runs it for batch work: the built program in its own
/// process on a real SQLite file in a temp folder — the demo, the journals' verification, the catalogue's export, a
/// county's contracts printed into a zip and one of them verified, a backup restored to a new file, and a refusal in
/// Chinese with a non-zero exit.
/// </summary>
// One SQLite file of its own, whatever the suite's provider.
[Trait("Database", "SqliteOnly")]
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bargaining-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_demo_is_built_verified_exported_a_countys_contracts_printed_and_verified_backed_up_and_restored_and_a_wrong_county_is_refused()
    {
        var db = Path.Combine(_folder, "cli.db");
        Assert.Contains("全市（参加单位）", await SucceedsAsync("demo", "--db", db));
        var verified = await SucceedsAsync("verify", "--db", db);
        Assert.Contains("every journal chain intact and sealed", verified);
        Assert.Contains("no difference", verified);

        var export = Path.Combine(_folder, "export.jsonl");
        Assert.Contains("已导出", await SucceedsAsync("export-catalogue", "--db", db, "--out", export));
        var lines = await File.ReadAllLinesAsync(export);
        Assert.Contains(lines, l => l.StartsWith("{\"type\":\"contract\"", StringComparison.Ordinal));

        var zip = Path.Combine(_folder, "dafeng.zip");
        Assert.Contains("their verification codes are registered", await SucceedsAsync("print-batch", "--db", db, "--county", "大丰区", "--zip", zip));
        var contract = Path.Combine(_folder, "contract.pdf");
        using (var archive = ZipFile.OpenRead(zip))
            Assert.IsType<ZipArchiveEntry>(archive.Entries.FirstOrDefault()).ExtractToFile(contract);
        Assert.Contains("集体合同", PrintedPdf.Text(await File.ReadAllBytesAsync(contract)));
        // A printed contract verifies against the database that registered its code; another database does not know it.
        Assert.StartsWith("GENUINE", await SucceedsAsync("verify-document", "--db", db, "--pdf", contract));
        var other = Path.Combine(_folder, "other.db");
        await SucceedsAsync("migrate", "--db", other);
        var (unknownCode, unknownOutput, _) = await RunAsync("verify-document", "--db", other, "--pdf", contract);
        Assert.Equal(1, unknownCode);
        Assert.StartsWith("REJECTED", unknownOutput);

        // A backup taken while the file is in use restores to a new file whose journals verify with the installation's key.
        var backup = Path.Combine(_folder, "backup.db");
        Assert.Contains("已备份到", await SucceedsAsync("backup", "--db", db, "--to", backup));
        var restored = Path.Combine(_folder, "restored.db");
        var key = db + ".journal-key";
        Assert.Contains("已从", await SucceedsAsync("restore", "--from", backup, "--db", restored, "--journal-key-file", key));
        Assert.Contains("every journal chain intact and sealed", await SucceedsAsync("verify", "--db", restored, "--journal-key-file", key));

        var (code, _, error) = await RunAsync("print-batch", "--db", db, "--county", "不存在县", "--zip", Path.Combine(_folder, "none.zip"));
        Assert.NotEqual(0, code);
        Assert.Contains("县级工会“不存在县”不存在", error);
        Assert.False(File.Exists(Path.Combine(_folder, "none.zip")));
    }

    private static async Task<string> SucceedsAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.True(code == 0, $"bargaining {string.Join(' ', args)} exited {code}: {error}");
        return output;
    }

    /// <summary>Runs the built program (the configuration of this test's build) and waits for it, for at most 10 minutes.</summary>
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory);   // tests/Bargaining.Tests/bin/<configuration>/<framework>/
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Bargaining.sln"))) root = root.Parent;
        var program = Path.Combine(root!.FullName, "src", "Bargaining.Cli", "bin", bin.Parent!.Name, bin.Name, "Bargaining.Cli.dll");
        Assert.True(File.Exists(program), $"{program} is not built");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root.FullName };
        start.ArgumentList.Add(program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
