using System.Runtime.CompilerServices;

namespace Bargaining.Documents.Tests.Support;

/// <summary>The repository the tests were compiled from, found from this file's path (builds may go elsewhere).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's templates/ folder: the tests check the real templates, not copies.</summary>
    public static string Templates => Path.Combine(Root, "templates");

    private static string FindRoot([CallerFilePath] string file = "")
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null; directory = Path.GetDirectoryName(directory))
            if (File.Exists(Path.Combine(directory, "Bargaining.sln"))) return directory;
        throw new InvalidOperationException($"No Bargaining.sln above {file}.");
    }
}
