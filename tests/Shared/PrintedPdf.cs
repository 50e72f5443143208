using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Bargaining.Tests.Shared;

/// <summary>
/// Reads a printed PDF back with poppler-utils' pdftotext (installed by scripts/setup.sh). Shared by the application's
/// and the web's tests (linked into both projects); the document tests have their own, richer reader with positions.
/// </summary>
public static partial class PrintedPdf
{
    /// <summary>The text in drawing order (-raw) with all whitespace removed, so that line breaks do not matter.</summary>
    public static string Text(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "not a PDF");
        var path = Path.Combine(Path.GetTempPath(), $"bargaining-printed-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-raw", "-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The verification code printed in the footer (XXXX-XXXX-XXXX).</summary>
    public static string VerificationCode(string text) => Assert.Single(Code().Matches(text).Select(m => m.Value).Distinct());

    [GeneratedRegex("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex Code();
}
