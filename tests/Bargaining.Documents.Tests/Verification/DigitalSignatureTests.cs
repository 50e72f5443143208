using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Bargaining.Documents.Printing;
using Bargaining.Documents.Verification;

namespace Bargaining.Documents.Tests.Verification;

/// <summary>With a certificate configured the registered copy is signed; any changed byte breaks the signature.</summary>
public sealed partial class DigitalSignatureTests : IDisposable
{
    private readonly X509Certificate2 certificate = SelfSigned();

    public void Dispose() => certificate.Dispose();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=盐城市亭湖区总工会集体合同管理系统, O=Bargaining tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private string Signed([System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        Printed.Contract(RoundData.Contract(), new PrintOptions
        {
            Signature = new PdfSignatureOptions { Certificate = certificate, Reason = "集体合同登记文本", Location = "盐城市" },
        }, name).Path;

    [Fact]
    public void The_signed_contract_carries_a_valid_signature_over_the_whole_file()
    {
        var path = Signed();
        var bytes = File.ReadAllBytes(path);
        var range = ByteRange().Match(Encoding.Latin1.GetString(bytes));

        Assert.True(range.Success, "no /ByteRange");
        Assert.Equal(0, int.Parse(range.Groups[1].Value));
        Assert.Equal(bytes.Length, int.Parse(range.Groups[3].Value) + int.Parse(range.Groups[4].Value));
        var check = PdfSignatureCheck.Check(bytes);
        Assert.Equal(SignatureState.Valid, check.State);
        Assert.Contains("盐城市亭湖区总工会集体合同管理系统", check.Signer);
        if (PdfSig(path) is { } report)
        {
            Assert.Contains("Signature Validation: Signature is Valid.", report);
            Assert.Contains("adbe.pkcs7.detached", report);
            Assert.Contains("Total document signed", report);
        }
    }

    [Fact]
    public void Changing_one_byte_of_the_signed_file_breaks_the_signature()
    {
        var path = Signed();
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.Latin1.GetString(bytes);
        // A byte of the document information: the file still reads, only the signature notices.
        var at = text.IndexOf("Bargaining", StringComparison.Ordinal);
        bytes[at] = (byte)'b';
        var changed = Rendered.NewFile("changed");
        File.WriteAllBytes(changed, bytes);

        Assert.Equal(SignatureState.Broken, PdfSignatureCheck.Check(bytes).State);
        if (PdfSig(changed) is { } report) Assert.DoesNotContain("Signature is Valid", report);
    }

    [Fact]
    public void Bytes_appended_after_signing_are_noticed()
    {
        var bytes = File.ReadAllBytes(Signed()).Concat("\n% appended\n"u8.ToArray()).ToArray();

        var check = PdfSignatureCheck.Check(bytes);

        Assert.Equal(SignatureState.Broken, check.State);
        Assert.Contains("签名未覆盖整个文件", check.Problem);
    }

    [Fact]
    public async Task The_signed_file_verifies_as_signed_and_a_changed_byte_makes_it_altered()
    {
        var data = RoundData.Contract();
        var path = Signed();
        var registry = new InMemoryContractRegistry();
        var fingerprint = ContractFingerprint.Of(Printed.Printer().ContractDocument(data));
        await registry.RegisterAsync(new RegisteredContract(fingerprint.Code, fingerprint.Sha256, data.Number, "集体合同"));
        var verifier = new ContractVerifier(registry);
        var bytes = File.ReadAllBytes(path);
        bytes[Encoding.Latin1.GetString(bytes).IndexOf("Bargaining", StringComparison.Ordinal)] = (byte)'b';

        var genuine = await verifier.VerifyPdfAsync(path);
        var altered = await verifier.VerifyPdfAsync(new MemoryStream(bytes));

        Assert.Equal(VerificationOutcome.Genuine, genuine.Outcome);
        Assert.Equal(SignatureState.Valid, genuine.Signature!.State);
        Assert.Contains("经数字签名", genuine.Message);
        Assert.Equal(VerificationOutcome.Altered, altered.Outcome);
        Assert.Contains("数字签名已失效", altered.Message);
    }

    [Fact]
    public void An_unsigned_file_is_reported_as_unsigned()
    {
        var (path, _) = Printed.Contract(RoundData.Contract());

        Assert.Equal(SignatureState.Unsigned, PdfSignatureCheck.Check(File.ReadAllBytes(path)).State);
    }

    /// <summary>pdfsig's report (poppler-utils), or null where the tool is not installed.</summary>
    private static string? PdfSig(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdfsig", ["-nocert", path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}
