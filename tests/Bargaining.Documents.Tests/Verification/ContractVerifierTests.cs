using Bargaining.Documents.Printing;
using Bargaining.Documents.Verification;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Bargaining.Documents.Tests.Verification;

/// <summary>The registered file verifies; a changed one, a foreign page, an unknown code or a plain file does not.</summary>
public class ContractVerifierTests
{
    private readonly InMemoryContractRegistry registry = new();
    private readonly ContractVerifier verifier;

    public ContractVerifierTests() => verifier = new ContractVerifier(registry);

    private async Task<(string Path, PrintedContract Contract)> Registered(ContractData data, PrintOptions? options = null,
        [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var printed = Printed.Contract(data, options, name);
        await registry.RegisterAsync(printed.Contract.Registration());
        return printed;
    }

    [Fact]
    public async Task The_registered_file_verifies()
    {
        var (path, printed) = await Registered(RoundData.Contract());

        var result = await verifier.VerifyPdfAsync(path);

        Assert.Equal(VerificationOutcome.Genuine, result.Outcome);
        Assert.Equal(printed.Fingerprint.Code, result.Code);
        Assert.Equal("YC-TH-2026-0317", result.Contract!.ContractNumber);
        Assert.Equal(SignatureState.Unsigned, result.Signature!.State);
    }

    [Fact]
    public async Task A_copy_with_a_changed_wage_figure_and_the_genuine_code_is_caught_and_the_change_shown()
    {
        var data = RoundData.Contract();
        var (_, printed) = await Registered(data);
        var forged = data with { Wages = data.Wages! with { EnterpriseMinimumWage = 3900 } };
        var path = Rendered.NewFile("forged");
        using (var file = File.Create(path))
        {
            var document = Printed.Printer().ContractDocument(forged);
            new DocumentRenderer(Rendered.Fonts).Render(document, file, new RenderOptions { Verification = new VerificationMark(printed.Fingerprint.Code, "x") });
        }

        var result = await verifier.VerifyPdfAsync(path);

        Assert.Equal(VerificationOutcome.Altered, result.Outcome);
        Assert.Contains("不得低于2900元", result.Message);
        Assert.Contains("不得低于3900元", result.Message);
    }

    [Fact]
    public async Task A_page_from_another_contract_is_caught()
    {
        var (path, _) = await Registered(RoundData.Contract());
        var (other, _) = await Registered(RoundData.Contract(ContractKind.Wage));
        var mixed = Rendered.NewFile("mixed");
        using (var target = PdfReader.Open(path, PdfDocumentOpenMode.Modify))
        using (var source = PdfReader.Open(other, PdfDocumentOpenMode.Import))
        {
            target.Pages.RemoveAt(2);
            target.Pages.Insert(2, source.Pages[2]);
            target.Save(mixed);
        }

        var result = await verifier.VerifyPdfAsync(mixed);

        Assert.Equal(VerificationOutcome.Altered, result.Outcome);
        Assert.Contains("第3页的验证码为", result.Message);
    }

    [Fact]
    public async Task A_merged_batch_verifies_contract_by_contract_and_a_tampered_one_is_named()
    {
        var contracts = new[] { ContractKind.Comprehensive, ContractKind.Wage, ContractKind.WomenWorkers }
            .Select((kind, i) => RoundData.Contract(kind) with { Number = $"YC-TH-2026-{i + 1:0000}" }).ToList();
        using var merged = new MemoryStream();
        var batch = await new BatchPrinter(Printed.Printer()).PrintMergedAsync(contracts, merged);
        foreach (var item in batch.Items) await registry.RegisterAsync(item.Printed.Registration());
        var path = Rendered.NewFile("batch");
        await File.WriteAllBytesAsync(path, merged.ToArray());

        var result = await verifier.VerifyPdfAsync(path);

        Assert.Equal(VerificationOutcome.Genuine, result.Outcome);
        Assert.Contains("合订了3份集体合同", result.Message);
        Assert.Contains("YC-TH-2026-0002", result.Message);

        var second = batch.Items[0].Printed.PageCount;   // the first page of the second contract
        var shortened = Rendered.NewFile("batch-shortened");
        using (var file = PdfReader.Open(path, PdfDocumentOpenMode.Modify))
        {
            file.Pages.RemoveAt(second + 1);
            file.Save(shortened);
        }
        var tampered = await verifier.VerifyPdfAsync(shortened);
        Assert.Equal(VerificationOutcome.Altered, tampered.Outcome);
        Assert.Contains("YC-TH-2026-0002", tampered.Message);
    }

    [Fact]
    public async Task A_file_whose_code_was_never_registered_is_unknown()
    {
        var (path, _) = Printed.Contract(RoundData.Contract(ContractKind.Regional));

        var result = await verifier.VerifyPdfAsync(path);

        Assert.Equal(VerificationOutcome.UnknownCode, result.Outcome);
    }

    [Fact]
    public async Task A_draft_without_the_mark_has_no_code_and_random_bytes_are_unreadable()
    {
        var draft = Rendered.NewFile("draft");
        using (var file = File.Create(draft)) Printed.Printer().PrintDraftContract(RoundData.Contract(), file);
        var junk = Rendered.NewFile("junk");
        await File.WriteAllBytesAsync(junk, "%PDF-1.7 not really"u8.ToArray());

        Assert.Equal(VerificationOutcome.NoCode, (await verifier.VerifyPdfAsync(draft)).Outcome);
        var unreadable = await verifier.VerifyPdfAsync(junk);
        Assert.Equal(VerificationOutcome.Unreadable, unreadable.Outcome);
        Assert.DoesNotMatch("[a-z]", unreadable.Message);   // Chinese, not the PDF library's own text
    }

    [Fact]
    public async Task A_code_typed_or_scanned_is_looked_up()
    {
        var (_, printed) = await Registered(RoundData.Contract());
        var code = printed.Fingerprint.Code;

        Assert.True((await verifier.VerifyCodeAsync(code.ToLowerInvariant().Replace("-", " "))).IsGenuine);
        Assert.True((await verifier.VerifyCodeAsync($"https://jc.example.cn/verify/{code}")).IsGenuine);
        Assert.Equal(VerificationOutcome.UnknownCode, (await verifier.VerifyCodeAsync("0000-0000-0000")).Outcome);
        Assert.Equal(VerificationOutcome.MalformedCode, (await verifier.VerifyCodeAsync("合同123")).Outcome);
    }

    [Fact]
    public async Task The_text_streams_of_the_file_hold_exactly_the_canonical_text()
    {
        var data = RoundData.Contract(wageRows: 60); // the wage table runs over a page and repeats its header
        var (path, printed) = await Registered(data);

        await using var file = File.OpenRead(path);
        var pages = PdfText.Read(file);

        Assert.Equal(printed.Fingerprint.CanonicalText, ContractFingerprint.FromPrintedText(string.Concat(pages.Select(p => p.Text))).CanonicalText);
        Assert.Contains(pages.Skip(1), p => p.Furniture.Contains("岗位等级", StringComparison.Ordinal)); // the repeated header is furniture
        Assert.All(pages, p => Assert.Contains("合同验证码：" + printed.Fingerprint.Code, p.Furniture));
    }
}
