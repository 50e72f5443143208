namespace Bargaining.Documents.Rendering;

/// <summary>
/// PDFsharp 6.5 refuses to create or open documents until a licence is chosen; this product is AGPL (see LICENSE).
/// Every entry point that touches PDFsharp calls <see cref="Choose"/> first; the choice is made once.
/// </summary>
internal static class AgplLicence
{
    static AgplLicence() => PdfSharp.PdfSharpLicense.SetAgplLicense();

    /// <summary>Makes sure the licence has been chosen.</summary>
    internal static void Choose() { }
}
