using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace Bargaining.Documents.Rendering;

/// <summary>
/// Signs as PDFsharp's own signer does without a timestamp server — a detached CMS signature over SHA-256 with the
/// signing time as an unsigned attribute and the certificate chain without its root — but learns the chain and the
/// signature's length once, by signing one byte when created, instead of building the chain for every document (a
/// tenth of the time it took to print a signed contract).
/// </summary>
internal sealed class ContractSigner : IDigitalSigner
{
    private readonly X509Certificate2 certificate;
    private readonly X509Certificate2Collection chain;
    private readonly int size;

    public ContractSigner(X509Certificate2 certificate)
    {
        this.certificate = certificate;
        var probe = Sign([0], X509IncludeOption.ExcludeRoot, []);
        chain = probe.Certificates;
        // PDFsharp reserves 4 bytes more than its probe signature took, for signatures whose length varies.
        size = probe.Encode().Length + 4;
    }

    public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, false) ?? "(undefined)";

    public Task<int> GetSignatureSizeAsync() => Task.FromResult(size);

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        var content = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(content);
        return Task.FromResult(Sign(content, X509IncludeOption.None, chain).Encode());
    }

    private SignedCms Sign(byte[] content, X509IncludeOption include, X509Certificate2Collection certificates)
    {
        var signer = new CmsSigner(certificate) { DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), IncludeOption = include }; // SHA-256
        signer.Certificates.AddRange(certificates);
        signer.UnsignedAttributes.Add(new Pkcs9SigningTime());
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.ComputeSignature(signer, silent: true);
        return cms;
    }
}
