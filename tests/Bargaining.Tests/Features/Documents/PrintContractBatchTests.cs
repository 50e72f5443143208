using System.IO.Compression;
using Bargaining.Documents.Printing;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Tests.Features.Rounds;
using Bargaining.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;

namespace Bargaining.Tests.Features.Documents;

/// <summary>The core of <c>bargaining print-batch</c>: a county's or a campaign's signed contracts in one zip or one PDF.</summary>
public sealed class PrintContractBatchTests : RoundScenario
{
    private CurrentUser City => new("u-city", "盐城市总工会 权益保障部", Role.CityAdministrator, Yandu.ParentId!.Value);

    /// <summary>Reports kept in a list as they come (no synchronisation context: <see cref="Progress{T}"/> would post them later).</summary>
    private sealed class Reports : IProgress<BatchProgress>
    {
        public List<BatchProgress> Seen { get; } = [];
        public void Report(BatchProgress value) { lock (Seen) Seen.Add(value); }
    }

    /// <summary>
    /// In the spring campaign: Hengda (盐都区) filed, 盐城鼎盛电子 (盐都区) signed but not filed, 盐城亭湖机电 (亭湖区)
    /// signed; 盐城广利物流 (盐都区) still before the congress.
    /// </summary>
    private async Task ScenarioAsync()
    {
        await Host.SendAsync(new CreateCampaignCommand("2026年春季集中要约行动", new(2026, 3, 2), new(2026, 3, 31), [Yandu.Id, Tinghu.Id], 90, 50, 1000), City);
        await FiledAsync();
        await SignedAsync(await AddEnterpriseAsync(Yandu, "盐城鼎盛电子有限公司", 11, 120));
        await SignedAsync(await AddEnterpriseAsync(Tinghu, "盐城亭湖机电有限公司", 22, 300));
        var pending = await AddEnterpriseAsync(Yandu, "盐城广利物流有限公司", 3, 100);
        await Host.SendAsync(new StartRoundCommand(pending.Id, Domain.RoundKind.Wage, Domain.Procedure.Ordinary, Domain.Side.Worker), YanduStaff);
    }

    [Fact]
    public async Task A_countys_signed_contracts_go_into_one_zip_named_by_filing_number_each_registered_with_progress_for_each()
    {
        await ScenarioAsync();
        var reports = new Reports();

        var batch = await Host.SendAsync(new PrintContractBatchQuery("盐都区", null, BatchOutput.Zip, reports), YanduStaff);

        using var zip = new ZipArchive(new MemoryStream(batch.Content));
        Assert.Equal(["都人社集备〔2026〕第0001号.pdf", "盐城鼎盛电子有限公司.pdf"], zip.Entries.Select(e => e.FullName));
        Assert.Equal(2, batch.Contracts);
        Assert.Empty(batch.Skipped);
        using (var first = new MemoryStream())
        {
            await using (var entry = zip.Entries[0].Open()) await entry.CopyToAsync(first);
            var text = PrintedPdf.Text(first.ToArray());
            Assert.Contains("合同编号：都人社集备〔2026〕第0001号", text);
            Assert.Contains(Hengda.Name, text);
        }
        Assert.Equal([1, 2], reports.Seen.Select(r => r.Done).Order());
        Assert.All(reports.Seen, r => Assert.Equal(2, r.Total));
        Assert.Equal(2, await CountAsync<Domain.RegisteredContract>());
    }

    [Fact]
    public async Task A_campaigns_signed_contracts_go_into_one_merged_pdf_across_counties()
    {
        await ScenarioAsync();

        var batch = await Host.SendAsync(new PrintContractBatchQuery(null, "2026年春季集中要约行动", BatchOutput.Merged), City);

        Assert.Equal(3, batch.Contracts);
        using var merged = PdfReader.Open(new MemoryStream(batch.Content), PdfDocumentOpenMode.Import);
        Assert.Equal(batch.PageCount, merged.PageCount);
        var text = PrintedPdf.Text(batch.Content);
        Assert.Contains(Hengda.Name, text);
        Assert.Contains("盐城鼎盛电子有限公司", text);
        Assert.Contains("盐城亭湖机电有限公司", text);
        Assert.DoesNotContain("盐城广利物流有限公司", text);
        Assert.Equal(3, await CountAsync<Domain.RegisteredContract>());
    }

    [Fact]
    public async Task Another_countys_staff_may_not_print_the_batch_and_the_scope_must_be_one_county_or_one_campaign()
    {
        await ScenarioAsync();
        await RefusedAsync(() => Host.SendAsync(new PrintContractBatchQuery("盐都区", null, BatchOutput.Zip), TinghuStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new PrintContractBatchQuery(null, "2026年春季集中要约行动", BatchOutput.Zip), YanduStaff), FailureKind.Forbidden);
        Assert.Contains("二者选一", (await RefusedAsync(() => Host.SendAsync(new PrintContractBatchQuery("盐都区", "2026年春季集中要约行动", BatchOutput.Zip), City), FailureKind.Validation)).Message);
        await RefusedAsync(() => Host.SendAsync(new PrintContractBatchQuery("不存在区", null, BatchOutput.Zip), City), FailureKind.NotFound);
        Assert.Equal(0, await Host.WithDbAsync(db => db.RegisteredContracts.CountAsync()));
    }
}
