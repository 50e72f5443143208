using System.Text;
using Bargaining.Documents.Verification;
using Bargaining.Features.Documents;
using Bargaining.Tests.Features.Rounds;
using Bargaining.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Bargaining.Tests.Features.Documents;

public sealed class PrintContractTests : RoundScenario
{
    /// <summary>Filed today (2 March): no objection in the 15 days, effective on 18 March.</summary>
    private async Task<Guid> EffectiveAsync()
    {
        var round = await FiledAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 18, 9));
        await Host.AssertAtAsync(round, "effective");
        return round;
    }

    private async Task<ContractVerification> VerifyAsync(byte[] pdf)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContractVerifier>().VerifyPdfAsync(new MemoryStream(pdf));
    }

    [Fact]
    public async Task An_effective_round_prints_from_its_template_registers_its_code_and_verifies_only_unchanged()
    {
        var round = await EffectiveAsync();
        var printed = await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.Contract), Chair);

        var text = PrintedPdf.Text(printed.Pdf);
        Assert.Contains(Hengda.Name, text);
        Assert.Contains("职工年平均工资增长6%", text);
        Assert.Contains("2026年3月18日", text);

        var registered = await Host.WithDbAsync(db => db.RegisteredContracts.SingleAsync());
        Assert.Equal((round, printed.VerificationCode), (registered.RoundId, registered.Code));
        Assert.Equal(64, registered.Sha256.Length);

        var genuine = await VerifyAsync(printed.Pdf);
        Assert.True(genuine.IsGenuine, genuine.Message);
        Assert.Equal(printed.VerificationCode, genuine.Code);

        // Printing again registers nothing new: same text, same code.
        Assert.Equal(printed.VerificationCode, (await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.Contract), Chair)).VerificationCode);
        Assert.Equal(1, await CountAsync<Domain.RegisteredContract>());
    }

    [Fact]
    public async Task A_copy_with_a_changed_figure_or_another_contracts_code_is_rejected()
    {
        var round = await EffectiveAsync();
        var printed = await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.Contract), Chair);

        // One byte of the first glyph code in page 1's text stream changed: the text no longer matches.
        var changed = await VerifyAsync(ChangeOneTextByte(printed.Pdf));
        Assert.Equal(VerificationOutcome.Altered, changed.Outcome);

        // A code no contract was registered under, typed or carried, is refused; the real one is found.
        await using var scope = Host.Services.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<ContractVerifier>();
        var otherCode = printed.VerificationCode == "0000-0000-0000" ? "1111-1111-1111" : "0000-0000-0000";
        Assert.Equal(VerificationOutcome.UnknownCode, (await verifier.VerifyCodeAsync(otherCode)).Outcome);
        Assert.True((await verifier.VerifyCodeAsync(printed.VerificationCode!)).IsGenuine);
    }

    /// <summary>Rewrites page 1's text stream (decompressed) with one hex digit of its first glyph code changed.</summary>
    private static byte[] ChangeOneTextByte(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        var stream = document.Pages[0].Contents.Elements
            .Select(item => item is PdfReference reference ? reference.Value : item).OfType<PdfDictionary>().First();
        var bytes = stream.Stream.UnfilteredValue;
        var at = Encoding.Latin1.GetString(bytes).IndexOf("> Tj", StringComparison.Ordinal) - 1;
        Assert.True(at > 0);
        bytes[at] = bytes[at] == (byte)'0' ? (byte)'1' : (byte)'0';
        stream.Elements.Remove("/Filter");
        stream.Stream.Value = bytes;
        stream.Elements.SetInteger("/Length", bytes.Length);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
