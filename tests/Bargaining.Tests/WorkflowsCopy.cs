using System.Text.Json.Nodes;

namespace Bargaining.Tests;

/// <summary>A throw-away copy of the repository's <c>workflows/</c> folder, to break a file without touching the real one.</summary>
public sealed class WorkflowsCopy : IDisposable
{
    public WorkflowsCopy()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"bargaining-workflows-{Guid.NewGuid():N}");
        foreach (var file in System.IO.Directory.EnumerateFiles(BargainingHost.RepositoryWorkflows, "*.json", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(Directory, Path.GetRelativePath(BargainingHost.RepositoryWorkflows, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public string Directory { get; }

    /// <summary>Full path of a file in the copy, e.g. <c>jurisdictions/national.json</c>.</summary>
    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>Rewrites a JSON file of the copy.</summary>
    public void Edit(string relative, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(PathOf(relative)))!.AsObject();
        change(json);
        File.WriteAllText(PathOf(relative), json.ToJsonString());
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
