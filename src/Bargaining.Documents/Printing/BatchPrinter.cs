using System.IO.Compression;
using Bargaining.Documents.Data;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Bargaining.Documents.Printing;

/// <summary>How far a batch has got, reported after each contract.</summary>
/// <param name="Done">Contracts finished (printed or refused).</param>
/// <param name="Total">Contracts in the batch.</param>
/// <param name="Contract">The contract just finished: its number, or its employer before it has one.</param>
public readonly record struct BatchProgress(int Done, int Total, string Contract);

/// <summary>One contract of a batch.</summary>
/// <param name="Data">Its data.</param>
/// <param name="Printed">The fingerprint and pages, or the characters that stopped it.</param>
public sealed record BatchItem(ContractData Data, PrintedContract Printed);

/// <summary>What a batch printed.</summary>
/// <param name="Items">Every contract, in the order given.</param>
/// <param name="PageCount">The pages written in all.</param>
public sealed record BatchResult(IReadOnlyList<BatchItem> Items, int PageCount)
{
    /// <summary>The contracts left out because a character cannot be printed.</summary>
    public IEnumerable<BatchItem> Refused => Items.Where(i => !i.Printed.Printed);
}

/// <summary>
/// Prints the registered copies of many contracts (a county's, a campaign's) into one merged PDF for the printer, or
/// into a zip archive of one PDF per contract. Contracts render in parallel on all cores; the output keeps their order.
/// </summary>
public sealed class BatchPrinter(DocumentPrinter printer)
{
    /// <summary>All contracts in one PDF, each starting on a new page, in the order given.</summary>
    /// <remarks>The merged file is for printing: each contract keeps its code and QR mark, but digital signatures belong to the single files (see <see cref="PrintZipAsync"/>).</remarks>
    public async Task<BatchResult> PrintMergedAsync(IReadOnlyList<ContractData> contracts, Stream output,
        IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (items, files) = await RenderAllAsync(contracts, progress, cancellationToken);
        Rendering.AgplLicence.Choose();
        using var merged = new PdfDocument();
        merged.Info.Title = $"集体合同 {contracts.Count} 份";
        merged.Info.Creator = "Bargaining";
        foreach (var file in files.OfType<byte[]>())
        {
            using var source = PdfReader.Open(new MemoryStream(file, writable: false), PdfDocumentOpenMode.Import);
            foreach (var page in source.Pages) merged.AddPage(page);
        }
        var pages = merged.PageCount;
        if (pages > 0) merged.Save(output, closeStream: false);
        return new BatchResult(items, pages);
    }

    /// <summary>A zip archive with one PDF per contract, named by contract number (or employer), each signed if a certificate is configured.</summary>
    public async Task<BatchResult> PrintZipAsync(IReadOnlyList<ContractData> contracts, Stream output,
        IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (items, files) = await RenderAllAsync(contracts, progress, cancellationToken);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < items.Count; i++)
            {
                if (files[i] is not { } file) continue;
                var name = FileName(Label(items[i].Data));
                for (var n = 2; !names.Add(name); n++) name = $"{FileName(Label(items[i].Data))}-{n}";
                var entry = zip.CreateEntry(name + ".pdf", CompressionLevel.NoCompression); // PDFs are compressed already
                await using var stream = entry.Open();
                await stream.WriteAsync(file, cancellationToken);
            }
        }
        return new BatchResult(items, items.Sum(i => i.Printed.PageCount));
    }

    private async Task<(List<BatchItem> Items, byte[]?[] Files)> RenderAllAsync(IReadOnlyList<ContractData> contracts,
        IProgress<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        var printed = new PrintedContract[contracts.Count];
        var files = new byte[]?[contracts.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, contracts.Count),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            (i, _) =>
            {
                using var buffer = new MemoryStream();
                printed[i] = printer.PrintContract(contracts[i], buffer);
                if (printed[i].Printed) files[i] = buffer.ToArray();
                progress?.Report(new BatchProgress(Interlocked.Increment(ref done), contracts.Count, Label(contracts[i])));
                return ValueTask.CompletedTask;
            });
        return (contracts.Select((c, i) => new BatchItem(c, printed[i])).ToList(), files);
    }

    private static string Label(ContractData contract) => contract.Number ?? contract.Employer.Name;

    private static string FileName(string number)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var name = new string(number.Select(c => invalid.Contains(c) || c == '\\' ? '_' : c).ToArray()).Trim();
        return name.Length == 0 ? "contract" : name;
    }
}
