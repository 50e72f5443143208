// Pages per second for a realistic 10-page signed contract, one thread and all cores, against LibreOffice converting
// the equivalent DOCX to PDF (the route many union offices use today). Not a test: see docs/benchmarks.md.
//
//   dotnet run -c Release --project bench/Bargaining.DocumentBenchmarks [-- --seconds 5 --warm-up 15 --libreoffice-runs 5]
//
// LibreOffice is optional: apt-get install libreoffice-writer-nogui (see README.md here).

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bargaining.DocumentBenchmarks;
using Bargaining.Documents.Fonts;
using Bargaining.Documents.Printing;
using Bargaining.Documents.Rendering;
using Bargaining.Documents.Templates;
using PdfSharp.Pdf.IO;

var seconds = Option("--seconds", 5);
var warmUpSeconds = Option("--warm-up", 15);
var libreOfficeRuns = Option("--libreoffice-runs", 5);
var templatesDirectory = Args("--templates") ?? Path.Combine(RepositoryRoot(), "templates");
var work = Directory.CreateTempSubdirectory("bargaining-docbench-").FullName;

using var key = RSA.Create(2048);
using var certificate = new CertificateRequest("CN=盐城市总工会集体合同管理系统（基准测试）", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
    .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
var printer = new DocumentPrinter(TemplateSet.Load(templatesDirectory), ChineseFonts.Locate(), new PrintOptions
{
    VerificationUrl = "https://jc.example.cn/verify/{code}",
    Signature = new PdfSignatureOptions { Certificate = certificate, Reason = "集体合同登记文本", Location = "盐城市" },
});

// The contract: the comprehensive template with as many wage grades as make it exactly ten pages.
var rows = 8;
var data = BenchContract.Data(rows);
while (Print(data).PageCount < 10) data = BenchContract.Data(++rows);
var sample = Print(data);
if (sample.PageCount != 10) throw new InvalidOperationException($"The sample contract has {sample.PageCount} pages, not 10.");
using (var file = File.Create(Path.Combine(work, "contract.pdf"))) printer.PrintContract(data, file);

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
Console.WriteLine($"Load average at the start: {LoadAverage()}");
Console.WriteLine($"Document: comprehensive contract, {sample.PageCount} pages ({rows} wage grades), template → layout → PDF with QR mark, signed (RSA-2048, SHA-256)");

// Warm-up: tiered JIT with dynamic PGO keeps improving the code for several seconds of this workload.
var warmUp = Stopwatch.StartNew();
while (warmUp.Elapsed < TimeSpan.FromSeconds(warmUpSeconds)) Print(data);

var single = Measure(1);
var all = Measure(Environment.ProcessorCount);
Console.WriteLine($"Bargaining.Documents, 1 thread:   {single.PagesPerSecond,8:0} pages/s  ({single.MillisecondsPerContract:0.0} ms per contract, " +
    $"{single.CpuMillisecondsPerContract:0.0} ms of CPU, {single.Contracts} contracts)");
Console.WriteLine($"Bargaining.Documents, {Environment.ProcessorCount} threads:  {all.PagesPerSecond,8:0} pages/s  ({all.Contracts} contracts)");

var soffice = new[] { "soffice", "libreoffice" }.Select(Which).FirstOrDefault(p => p is not null);
if (soffice is null)
{
    Console.WriteLine("LibreOffice: not installed (apt-get install libreoffice-writer-nogui), comparison skipped.");
    return;
}
var docx = Path.Combine(work, "contract.docx");
DocxWriter.Write(printer.ContractDocument(data), docx, sample.Fingerprint.Code);
var profile = new Uri(Path.Combine(work, "lo-profile")).AbsoluteUri;
Convert(); // first run creates the profile: not counted
var times = Enumerable.Range(0, libreOfficeRuns).Select(_ => Convert()).Order().ToList();
var median = times[times.Count / 2];
int libreOfficePages;
using (var pdf = PdfReader.Open(Path.Combine(work, "out", "contract.pdf"), PdfDocumentOpenMode.Import)) libreOfficePages = pdf.PageCount;
Console.WriteLine($"LibreOffice {Version()}, DOCX → PDF: {median.TotalSeconds:0.00} s per contract (median of {times.Count}; {libreOfficePages} pages), {libreOfficePages / median.TotalSeconds:0.0} pages/s");
var ratio = median.TotalMilliseconds / single.MillisecondsPerContract;
Console.WriteLine($"Ratio, time per contract, 1 thread: {ratio:0}×; throughput, all cores vs one LibreOffice: {all.PagesPerSecond / (libreOfficePages / median.TotalSeconds):0}×");
Console.WriteLine($"Goal, at least 100× less time per contract than LibreOffice on 1 thread: {ratio:0}× ({(ratio >= 100 ? "met" : "not met")}; " +
    $"100× needs {median.TotalMilliseconds / 100:0.0} ms per contract, measured {single.MillisecondsPerContract:0.0} ms)");
Console.WriteLine($"Load average at the end: {LoadAverage()}");
Console.WriteLine($"Files: {work}");

PrintedContract Print(Bargaining.Documents.Data.ContractData contract)
{
    using var buffer = new MemoryStream();
    return printer.PrintContract(contract, buffer);
}

// CPU time per contract beside the elapsed time: on a loaded machine the elapsed time includes waiting for a core.
(double PagesPerSecond, double MillisecondsPerContract, double CpuMillisecondsPerContract, int Contracts) Measure(int threads)
{
    var contracts = 0;
    var pages = 0;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(seconds);
    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
    {
        while (watch.Elapsed < until)
        {
            var printed = Print(data);
            Interlocked.Add(ref pages, printed.PageCount);
            Interlocked.Increment(ref contracts);
        }
    });
    var elapsed = watch.Elapsed.TotalSeconds;
    var cpuMilliseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    return (pages / elapsed, elapsed * 1000 * threads / contracts, cpuMilliseconds / contracts, contracts);
}

TimeSpan Convert()
{
    var watch = Stopwatch.StartNew();
    Run(soffice!, $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", Path.Combine(work, "out"), docx);
    return watch.Elapsed;
}

// The 1-, 5- and 15-minute load averages (Linux), to record with the figures.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

string Version() => Run(soffice!, "--version").Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault() ?? "?";

static string Run(string tool, params string[] arguments)
{
    using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    var output = process.StandardOutput.ReadToEnd();
    process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed with {process.ExitCode}");
    return output;
}

static string? Which(string tool) =>
    (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

static string RepositoryRoot()
{
    for (var directory = Environment.CurrentDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        if (File.Exists(Path.Combine(directory, "Bargaining.sln"))) return directory;
    throw new InvalidOperationException("Run from inside the repository, or pass --templates <folder>.");
}

string? Args(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

int Option(string name, int fallback) => Args(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
