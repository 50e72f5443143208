namespace Bargaining.Workflows.Tests.Definitions;

public sealed class WorkflowRegistryTests
{
    [Fact]
    public void Versions_of_one_workflow_load_side_by_side_and_the_latest_is_the_highest()
    {
        var registry = WorkflowRegistry.LoadDirectory(TestWorkflows.Fixture(""), TestWorkflows.Vocabulary);

        Assert.Equal(["offer-round v1", "offer-round v2"], registry.All.Select(d => d.ToString()));
        Assert.Equal(2, registry.Latest(TestWorkflows.OfferRound)!.Version);
        Assert.Equal("await-reply", registry.Find(TestWorkflows.OfferRound, 1)!.Start);
    }

    [Fact]
    public void Two_files_with_the_same_id_and_version_are_refused() => WithDirectory(["offer-round.v1.json", "offer-round.v1.json"], directory =>
    {
        var refused = Assert.Throws<WorkflowDefinitionException>(() => WorkflowRegistry.LoadDirectory(directory, TestWorkflows.Vocabulary));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("duplicate-version", "$.version"), (error.Code, error.Path));
        Assert.EndsWith("b.json", error.Source);
        Assert.Contains("offer-round v1 is also defined in", error.Message);
        Assert.EndsWith("a.json", error.Message);
    });

    [Fact]
    public void A_directory_with_broken_files_reports_the_errors_of_every_file() => WithDirectory(["Invalid/missing-name.json", "Invalid/unreachable.json"], directory =>
    {
        var refused = Assert.Throws<WorkflowDefinitionException>(() => WorkflowRegistry.LoadDirectory(directory, TestWorkflows.Vocabulary));

        Assert.Equal([("a.json", "missing"), ("b.json", "unreachable")], refused.Errors.Select(e => (Path.GetFileName(e.Source), e.Code)));
    });

    /// <summary>Copies fixtures into a fresh directory as a.json, b.json … and removes it afterwards.</summary>
    private static void WithDirectory(string[] fixtures, Action<string> test)
    {
        var directory = Directory.CreateTempSubdirectory("workflows-").FullName;
        try
        {
            for (var i = 0; i < fixtures.Length; i++)
                File.Copy(TestWorkflows.Fixture(fixtures[i]), Path.Combine(directory, $"{(char)('a' + i)}.json"));
            test(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
