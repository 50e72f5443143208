using Bargaining.Documents.Printing;

namespace Bargaining.Documents.Tests.Support;

/// <summary>The real templates and a printer over them, loaded once for the test run.</summary>
public static class Printed
{
    private static readonly Lazy<TemplateSet> SharedTemplates = new(() => TemplateSet.Load(Repository.Templates));

    public static TemplateSet Templates => SharedTemplates.Value;

    public static DocumentPrinter Printer(PrintOptions? options = null) => new(Templates, Rendered.Fonts, options);

    /// <summary>Prints with <paramref name="print"/> into a fresh file and reads it back.</summary>
    public static Rendered Of(Func<Stream, RenderResult> print, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var path = Rendered.NewFile(name);
        RenderResult result;
        using (var file = File.Create(path)) result = print(file);
        return Rendered.Existing(path, result, DocumentStyle.Contract with { RunningHeader = false });
    }

    /// <summary>Prints the registered copy of a contract into a fresh file.</summary>
    public static (string Path, PrintedContract Contract) Contract(ContractData data, PrintOptions? options = null,
        [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var path = Rendered.NewFile(name);
        using var file = File.Create(path);
        return (path, Printer(options).PrintContract(data, file));
    }
}
