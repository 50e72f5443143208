using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Bargaining.Web.Tests;

/// <summary>Reads a PDF back with poppler's <c>pdftotext</c> (installed by <c>scripts/setup.sh</c>).</summary>
public static partial class Pdf
{
    /// <summary>The text the PDF prints, whitespace removed (Chinese lines break anywhere).</summary>
    public static string Text(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "not a PDF");
        var path = Path.Combine(Path.GetTempPath(), $"bargaining-web-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 })!;
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
