using System.Runtime.CompilerServices;
using Bargaining.Documents.Fonts;
using Bargaining.Documents.Layout;
using Bargaining.Documents.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;

namespace Bargaining.Documents.Rendering;

/// <summary>
/// Typesets a <see cref="Document"/> as an A4 PDF with embedded, subsetted fonts. Safe to use from several threads;
/// each call lays out and writes one document.
/// </summary>
/// <param name="fonts">The located faces (<see cref="ChineseFonts.Locate"/>).</param>
/// <param name="style">The page style; <see cref="DocumentStyle.Contract"/> when null.</param>
public sealed class DocumentRenderer(ChineseFonts fonts, DocumentStyle? style = null)
{
    static DocumentRenderer() => AgplLicence.Choose();

    /// <summary>The page style in use.</summary>
    public DocumentStyle Style { get; } = style ?? DocumentStyle.Contract;

    /// <summary>Writes the PDF to a file, replacing it.</summary>
    public RenderResult Render(Document document, string path, RenderOptions? options = null)
    {
        using var file = File.Create(path);
        return Render(document, file, options);
    }

    /// <summary>
    /// Writes the PDF to <paramref name="output"/>, which stays open. Each page gets two content streams: the first
    /// holds the document's text in reading order and nothing else; the second the running header, page numbers,
    /// repeated table headers and the verification mark (see <c>PdfText</c>, which reads them apart).
    /// </summary>
    public RenderResult Render(Document document, Stream output, RenderOptions? options = null)
    {
        options ??= RenderOptions.None;
        FontRegistry.EnsureInstalled();
        var shaper = new TextShaper(fonts);
        var flows = new Composer(fonts, Style, shaper, options.Verification).Compose(document);
        var pages = Paginator.Paginate(flows, Style.TextHeight);

        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "Bargaining";
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        var margins = new MarginText(fonts, Style, shaper, document.RunningHeader ?? document.Title, options.Verification?.Code);
        var embedded = new EmbeddedFonts(pdf);
        for (var n = 0; n < pages.Count; n++)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(Style.PageWidth);
            page.Height = XUnit.FromPoint(Style.PageHeight);
            using (var graphics = XGraphics.FromPdfPage(page))
            {
                var text = new PageWriter(graphics, page, embedded);
                foreach (var placement in pages[n].Where(p => !p.Furniture))
                    text.Draw(placement.Box, Style.TextLeft, Style.TextTop + placement.Top);
            }
            using (var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
            {
                var furniture = new PageWriter(graphics, page, embedded);
                foreach (var placement in pages[n].Where(p => p.Furniture))
                    furniture.Draw(placement.Box, Style.TextLeft, Style.TextTop + placement.Top);
                foreach (var (box, left, top) in margins.For(n + 1, pages.Count))
                    furniture.Draw(box, left, top);
            }
        }
        embedded.Complete();
        if (options.Signature is { } signature) Sign(pdf, signature, pages.Count - 1);
        // Signing fills in the byte ranges after writing, which needs a seekable stream.
        if (options.Signature is not null && !output.CanSeek)
        {
            using var buffer = new MemoryStream();
            pdf.Save(buffer, closeStream: false);
            buffer.Position = 0;
            buffer.CopyTo(output);
        }
        else pdf.Save(output, closeStream: false);
        return new RenderResult(pages.Count, shaper.Missing.ToList()) { Title = document.Title };
    }

    // One signer per signing options, as a signer learns once how much space to reserve for its signatures. With a
    // timestamp server PDFsharp's own signer fetches the timestamp; its network round trip outweighs the rest.
    private static readonly ConditionalWeakTable<PdfSignatureOptions, IDigitalSigner> Signers = new();

    private static void Sign(PdfDocument pdf, PdfSignatureOptions options, int lastPage)
    {
        var signer = Signers.GetValue(options, o => o.TimestampServer is null
            ? new ContractSigner(o.Certificate)
            : new PdfSharpDefaultSigner(o.Certificate, PdfMessageDigestType.SHA256, o.TimestampServer));
        DigitalSignatureHandler.ForDocument(pdf, signer, new DigitalSignatureOptions
        {
            Reason = options.Reason ?? "",
            Location = options.Location ?? "",
            ContactInfo = options.ContactInfo ?? "",
            AppName = "Bargaining",
            PageIndex = lastPage, // an invisible signature field, on the signing page
        });
    }
}
