using System.Diagnostics;
using System.Text;

namespace Bargaining.Tests.Support;

/// <summary>Reads a printed PDF back with poppler-utils' pdftotext (installed by scripts/setup.sh).</summary>
public static class PrintedPdf
{
    /// <summary>The text in drawing order (-raw) with all whitespace removed, so that line breaks do not matter.</summary>
    public static string Text(byte[] pdf)
    {
        var path = Path.GetTempFileName();
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
}
