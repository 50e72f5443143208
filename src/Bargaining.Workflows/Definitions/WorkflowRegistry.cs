namespace Bargaining.Workflows.Definitions;

/// <summary>
/// Every loaded definition, all versions side by side. An instance always runs on the version it started with;
/// new instances start on the latest version unless told otherwise.
/// </summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> _definitions = [];

    /// <summary>Creates a registry holding the given definitions; throws on a duplicate id and version.</summary>
    public WorkflowRegistry(IEnumerable<WorkflowDefinition> definitions)
    {
        foreach (var d in definitions)
            if (!_definitions.TryAdd((d.Id, d.Version), d))
                throw new WorkflowDefinitionException([new DefinitionError(d.Source, "$.version", "duplicate-version",
                    $"{d.Id} v{d.Version} is also defined in {_definitions[(d.Id, d.Version)].Source}")]);
    }

    /// <summary>All definitions, ordered by id then version.</summary>
    public IReadOnlyList<WorkflowDefinition> All => _definitions.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version).ToList();

    /// <summary>A given version, or null.</summary>
    public WorkflowDefinition? Find(string id, int version) => _definitions.GetValueOrDefault((id, version));

    /// <summary>The highest version of an id, or null.</summary>
    public WorkflowDefinition? Latest(string id) =>
        _definitions.Values.Where(d => d.Id == id).MaxBy(d => d.Version);

    /// <summary>
    /// Loads every <c>*.json</c> file directly in <paramref name="directory"/> (schema files excepted) and refuses
    /// the lot if any has an error, reporting every error of every file.
    /// </summary>
    public static WorkflowRegistry LoadDirectory(string directory, DefinitionVocabulary vocabulary)
    {
        if (!Directory.Exists(directory))
            throw new WorkflowDefinitionException([new DefinitionError(directory, "$", "missing", "workflow directory not found")]);
        var definitions = new List<WorkflowDefinition>();
        var errors = new List<DefinitionError>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var (definition, fileErrors) = DefinitionLoader.Parse(File.ReadAllText(file), Path.GetRelativePath(Directory.GetCurrentDirectory(), file), vocabulary);
            errors.AddRange(fileErrors);
            if (definition is not null) definitions.Add(definition);
        }
        foreach (var duplicate in definitions.GroupBy(d => (d.Id, d.Version)).Where(g => g.Count() > 1))
            errors.Add(new DefinitionError(duplicate.Last().Source, "$.version", "duplicate-version",
                $"{duplicate.Key.Id} v{duplicate.Key.Version} is also defined in {duplicate.First().Source}"));
        if (errors.Count > 0) throw new WorkflowDefinitionException(errors);
        return new WorkflowRegistry(definitions);
    }
}
