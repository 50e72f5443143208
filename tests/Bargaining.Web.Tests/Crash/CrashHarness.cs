using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Persistence;
using Bargaining.Web.Accounts;
using Bargaining.Web.Api;
using Bargaining.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Web.Tests.Crash;

/// <summary>What a crash run saw and checked.</summary>
public sealed record CrashReport(int Kills, int Acknowledged, int Unanswered, int TimersFired, int Journals, int JournalEntries)
{
    public override string ToString() =>
        $"{Kills} kills survived; {Acknowledged} acknowledged writes all present ({Unanswered} requests cut off by a kill, outcome unknown); " +
        $"{TimersFired} due timers each fired exactly once; {Journals} journals ({JournalEntries} entries) verify";
}

/// <summary>
/// The real web host (<c>Bargaining.Web.dll</c> in its own process, on loopback, on a SQLite file of its own) under
/// writes from several clients — each a union chair who starts a round and makes the offer, stating that the employer
/// received it 60 days ago, so the reply deadline (Art 32) is due at once and the host's timer processor fires it —
/// SIGKILLed at random moments and started again on the same file. Afterwards every write that was answered 2xx must
/// be there, each due deadline must have fired exactly once (one <c>deadline</c> journal entry, no timer left), every
/// journal must verify and the file must pass SQLite's integrity check. Nothing waits a fixed time: each step waits
/// for a condition, with generous limits for a loaded machine.
/// </summary>
public sealed class CrashHarness(string workDirectory, int seed, Action<string> log) : IAsyncDisposable
{
    private const string AdminPassword = "crash2026harness";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string _file = Path.Combine(workDirectory, "crash.db");
    private readonly Random _random = new(seed);
    private readonly ConcurrentBag<(string Kind, string Key)> _acknowledged = [];
    private int _unanswered;
    private Process? _host;
    private Uri _address = null!;
    private volatile bool _down = true;

    /// <summary>Runs <paramref name="clients"/> clients over <paramref name="enterprises"/> enterprises, killing the host <paramref name="kills"/> times.</summary>
    public async Task<CrashReport> RunAsync(int kills, int clients = 3, int enterprises = 30)
    {
        await StartHostAsync();
        var chairs = await SetUpAsync(enterprises);
        var work = new ConcurrentQueue<(string UserName, Guid Enterprise)>(chairs);
        var writers = Enumerable.Range(0, clients).Select(_ => Task.Run(() => WriteAsync(work))).ToList();

        var killed = 0;
        while (killed < kills && !writers.All(w => w.IsCompleted))
        {
            // A random moment: after a random number of acknowledged writes since the last start.
            var target = _acknowledged.Count + _random.Next(2, 10);
            await WaitForAsync(() => Task.FromResult(_acknowledged.Count >= target || writers.All(w => w.IsCompleted)), "writes acknowledged");
            if (writers.All(w => w.IsCompleted)) break;
            KillHost();
            killed++;
            await StartHostAsync();
            log($"kill {killed}: {_acknowledged.Count} writes acknowledged so far");
        }
        await Task.WhenAll(writers);

        // Every offer's lapsed deadline is fired by the host's processor (which looks at least every 30 s).
        var offered = await OfferedRoundsAsync();
        await WaitForAsync(async () => (await DeadlinesFiredAsync()).Count >= offered.Count, "the due deadlines fired");
        KillHost();
        return await CheckAsync(killed, offered);
    }

    private async Task<List<(string UserName, Guid Enterprise)>> SetUpAsync(int enterprises)
    {
        using var admin = await SignedInAsync("admin", AdminPassword);
        var yandu = await ScalarAsync<string>("SELECT \"Id\" FROM organisations WHERE \"Code\" = '320903'");
        var csv = new StringBuilder(string.Join(",", EnterpriseFile.Columns)).Append('\n');
        for (var i = 0; i < enterprises; i++)
        {
            var first17 = $"91320903MA1CR{i:D4}";
            csv.Append($"盐都崩溃测试{i}有限公司,{first17}{CreditCode.CheckCharacter(first17)},制造业,私营企业,200,80,盐都崩溃测试{i}工会,张伟\n");
        }
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "企业.csv" } };
        (await admin.PostAsync($"/api/organisations/{yandu}/enterprises", form)).EnsureSuccessStatusCode();

        var chairs = new List<(string, Guid)>();
        for (var i = 0; i < enterprises; i++)
        {
            var first17 = $"91320903MA1CR{i:D4}";
            var code = first17 + CreditCode.CheckCharacter(first17);
            var userName = $"chair{i}";
            var response = await admin.PostAsJsonAsync("/api/accounts", new NewAccount(userName, $"主席{i}", Role.UnionChair, Guid.Parse(yandu), code, WebAppFactory.Password), Json.Options);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            _acknowledged.Add(("account", userName));
            chairs.Add((userName, Guid.Parse(await ScalarAsync<string>($"SELECT \"Id\" FROM enterprises WHERE \"CreditCode\" = '{code}'"))));
        }
        return chairs;
    }

    /// <summary>One client: takes the next enterprise, signs in as its chair, starts a wage round and makes the offer; retries across restarts.</summary>
    private async Task WriteAsync(ConcurrentQueue<(string UserName, Guid Enterprise)> work)
    {
        while (work.TryDequeue(out var next))
        {
            HttpClient? chair = null;
            Guid? round = null;
            for (var step = 0; step < 3;)
            {
                await WaitForAsync(() => Task.FromResult(!_down), "the host back");
                try
                {
                    switch (step)
                    {
                        case 0:
                            chair = await SignedInAsync(next.UserName, WebAppFactory.Password);
                            break;
                        case 1:
                            var started = Busy(await chair!.PostAsJsonAsync("/api/rounds", new StartRoundCommand(next.Enterprise, RoundKind.Wage, Procedure.Ordinary, Side.Worker), Json.Options));
                            if ((int)started.StatusCode is >= 400 and < 500)
                            {
                                // Started by a request whose answer a kill cut off: carry on with that round.
                                var existing = await ListAsync($"SELECT \"Id\" FROM rounds WHERE \"EnterpriseId\" = '{next.Enterprise.ToString().ToUpperInvariant()}'");
                                Assert.True(existing.Count == 1, $"{started.StatusCode} {await started.Content.ReadAsStringAsync()}");
                                round = Guid.Parse(existing[0]);
                                break;
                            }
                            Assert.True(started.StatusCode == HttpStatusCode.Created, $"{started.StatusCode} {await started.Content.ReadAsStringAsync()}");
                            round = (await started.Content.ReadFromJsonAsync<CreatedId>(Json.Options))!.Id;
                            _acknowledged.Add(("round", round.Value.ToString()));
                            break;
                        case 2:
                            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
                            var offer = Busy(await chair!.PostAsJsonAsync($"/api/rounds/{round}/offer",
                                new MakeOfferCommand(round!.Value, [new TopicProposal(TopicCatalog.Pay, "职工年平均工资增长6%", 6, "%")], today.AddDays(-60), 3), Json.Options));
                            if (offer.StatusCode == HttpStatusCode.NoContent) _acknowledged.Add(("offer", round.Value.ToString()));
                            // A 4xx: the offer was made by a request a kill cut off, and the round has moved on.
                            else Assert.True((int)offer.StatusCode is >= 400 and < 500, $"{offer.StatusCode} {await offer.Content.ReadAsStringAsync()}");
                            break;
                    }
                    step++;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or BusyException)
                {
                    // The host died under the request, or (on a loaded machine) did not answer in time, or answered 503
                    // busy: nothing acknowledged, the outcome unknown; the step is tried again.
                    Interlocked.Increment(ref _unanswered);
                }
            }
            chair?.Dispose();
        }
    }

    /// <summary>503: the host was too busy to take the write (nothing written); the client tries again.</summary>
    private sealed class BusyException : Exception;

    private static HttpResponseMessage Busy(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.ServiceUnavailable ? throw new BusyException() : response;

    private async Task<CrashReport> CheckAsync(int kills, IReadOnlyList<string> offered)
    {
        await using var connection = Open();
        foreach (var (kind, key) in _acknowledged)
        {
            var sql = kind switch
            {
                "account" => $"SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"UserName\" = '{key}'",
                "round" => $"SELECT COUNT(*) FROM rounds WHERE \"Id\" = '{key.ToUpperInvariant()}'",
                _ => $"SELECT COUNT(*) FROM workflow_journal WHERE \"InstanceId\" = '{key.ToUpperInvariant()}' AND \"Signal\" = 'send-offer'",
            };
            Assert.True(await ScalarAsync<long>(sql) == 1, $"acknowledged {kind} {key} is missing after the kills");
        }
        var fired = await DeadlinesFiredAsync();
        Assert.All(offered, round => Assert.Equal(1, fired.GetValueOrDefault(round)));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM workflow_timers WHERE \"Node\" = 'employer-reply'"));
        Assert.Equal("ok", await ScalarAsync<string>("PRAGMA integrity_check"));

        await using var services = new ServiceCollection().AddLogging()
            .AddBargaining(new BargainingOptions(BargainingOptions.FindWorkflowsDirectory(), DatabaseSettings.Sqlite(_file))).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var (journals, entries) = (0, 0);
        foreach (var id in await ListAsync("SELECT \"Id\" FROM workflow_instances"))
        {
            var verification = await engine.VerifyJournalAsync(Guid.Parse(id));
            Assert.True(verification.Valid, $"journal of {id}: {verification.Problem}");
            (journals, entries) = (journals + 1, entries + verification.Entries);
        }
        return new CrashReport(kills, _acknowledged.Count, _unanswered, offered.Count, journals, entries);
    }

    private async Task<List<string>> OfferedRoundsAsync() =>
        await ListAsync("SELECT DISTINCT \"InstanceId\" FROM workflow_journal WHERE \"Signal\" = 'send-offer'");

    private async Task<Dictionary<string, int>> DeadlinesFiredAsync() =>
        (await ListAsync("SELECT \"InstanceId\" FROM workflow_journal WHERE \"Kind\" = 'deadline' AND \"Node\" = 'employer-reply'"))
        .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    private async Task StartHostAsync()
    {
        var port = FreePort();
        _address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "Bargaining.Web.dll"), $"--Bargaining:Database={_file}", $"--Bargaining:AdminPassword={AdminPassword}",
                     $"--Bargaining:Workflows={BargainingOptions.FindWorkflowsDirectory()}", "--urls", _address.ToString(), "--Logging:LogLevel:Default=Warning",
                 })
            start.ArgumentList.Add(argument);
        _host = Process.Start(start)!;
        _host.OutputDataReceived += (_, _) => { };
        _host.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) log("host: " + line); };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = _address };
        await WaitForAsync(async () =>
        {
            Assert.False(_host.HasExited, $"the host exited with {(_host.HasExited ? _host.ExitCode : 0)}");
            try
            {
                return (await probe.GetAsync("/api/account/me")).StatusCode == HttpStatusCode.Unauthorized;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the host answering");
        _down = false;
    }

    private void KillHost()
    {
        _down = true;
        _host!.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
        _host.WaitForExit();
        _host.Dispose();
        _host = null;
    }

    private async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var client = new HttpClient(new HostHandler(this)) { BaseAddress = new Uri("http://host") };
        var response = Busy(await client.PostAsJsonAsync("/api/account/login", new LoginBody(userName, password)));
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{userName} could not sign in: {response.StatusCode}");
        return client;
    }

    /// <summary>Sends each request to wherever the host listens now, keeping the cookie across restarts (its keys are in the database).</summary>
    private sealed class HostHandler(CrashHarness harness) : DelegatingHandler(new HttpClientHandler { UseCookies = false })
    {
        private string? _cookie;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.RequestUri = new Uri(harness._address, request.RequestUri!.PathAndQuery);
            if (_cookie is not null) request.Headers.Add("Cookie", _cookie);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
                _cookie = string.Join("; ", cookies.Select(c => c.Split(';')[0]));
            return response;
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < Patience, $"gave up waiting for {what} after {Patience}");
            await Task.Delay(50);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (_host is { HasExited: false }) KillHost();
        return ValueTask.CompletedTask;
    }
}
