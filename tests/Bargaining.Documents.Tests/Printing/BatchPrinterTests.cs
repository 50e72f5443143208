using System.IO.Compression;
using Bargaining.Documents.Printing;
using PdfSharp.Pdf.IO;

namespace Bargaining.Documents.Tests.Printing;

/// <summary>Many contracts into one merged PDF or one zip archive, with progress after each.</summary>
public class BatchPrinterTests
{
    private static IReadOnlyList<ContractData> County() =>
        Enum.GetValues<ContractKind>().Select((kind, i) => RoundData.Contract(kind) with { Number = $"YC-TH-2026-{i + 1:0000}" }).ToList();

    private static int Pages(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    private sealed class Recorder : IProgress<BatchProgress>
    {
        public List<BatchProgress> Reports { get; } = [];

        public void Report(BatchProgress value)
        {
            lock (Reports) Reports.Add(value);
        }
    }

    [Fact]
    public async Task The_merged_PDF_holds_every_page_of_every_contract_in_order()
    {
        var contracts = County();
        var progress = new Recorder();
        using var merged = new MemoryStream();

        var result = await new BatchPrinter(Printed.Printer()).PrintMergedAsync(contracts, merged, progress);

        var singles = contracts.Select(c =>
        {
            using var single = new MemoryStream();
            return Printed.Printer().PrintContract(c, single).PageCount;
        }).ToList();
        Assert.Equal(singles, result.Items.Select(i => i.Printed.PageCount));
        Assert.Equal(singles.Sum(), result.PageCount);
        Assert.Equal(singles.Sum(), Pages(merged.ToArray()));
        Assert.Equal(contracts.Select(c => c.Number), result.Items.Select(i => i.Data.Number));
        Assert.Equal(Enumerable.Range(1, contracts.Count), progress.Reports.Select(r => r.Done).Order());
        Assert.All(progress.Reports, r => Assert.Equal(contracts.Count, r.Total));
        var path = Rendered.NewFile("merged");
        await File.WriteAllBytesAsync(path, merged.ToArray());
        var text = TextLines.Squeeze(Poppler.Text(path));
        Assert.True(text.IndexOf(contracts[0].Employer.Name + "集体合同", StringComparison.Ordinal)
                    < text.IndexOf("高温作业劳动保护专项集体合同", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_zip_archive_holds_one_PDF_per_contract_named_by_its_number()
    {
        var contracts = County();
        using var archive = new MemoryStream();

        var result = await new BatchPrinter(Printed.Printer()).PrintZipAsync(contracts, archive);

        using var zip = new ZipArchive(new MemoryStream(archive.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(contracts.Select(c => c.Number + ".pdf"), zip.Entries.Select(e => e.FullName));
        var pages = zip.Entries.Select(e =>
        {
            using var entry = e.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            return Pages(copy.ToArray());
        }).ToList();
        Assert.Equal(result.Items.Select(i => i.Printed.PageCount), pages);
        Assert.Equal(pages.Sum(), result.PageCount);
    }

    [Fact]
    public async Task A_contract_with_a_character_no_font_has_is_left_out_and_reported()
    {
        var contracts = County().Take(3).ToList();
        contracts[1] = contracts[1] with { WorkerSide = contracts[1].WorkerSide with { Chief = new Person { Name = "张𠀀", Title = "工会主席" } } };
        using var merged = new MemoryStream();

        var result = await new BatchPrinter(Printed.Printer()).PrintMergedAsync(contracts, merged);

        var refused = Assert.Single(result.Refused);
        Assert.Equal(contracts[1].Number, refused.Data.Number);
        Assert.Equal(["𠀀"], refused.Printed.MissingCharacters);
        Assert.Equal(result.Items[0].Printed.PageCount + result.Items[2].Printed.PageCount, Pages(merged.ToArray()));
    }
}
