using System.Reflection;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Features.Catalogue;
using Bargaining.Features.Rounds;

namespace Bargaining.Tests.Features.Catalogue;

/// <summary>
/// The published codes are a contract with the province: each value of each vocabulary has one, none is derived from a
/// C# name, and a published code never changes. The lists below are the published ones; changing one here means
/// publishing a new version of docs/data-catalogue.md.
/// </summary>
public sealed class CatalogueCodesTests
{
    private static void Published<T>(IReadOnlyDictionary<T, string> codes, params string[] published) where T : struct, Enum
    {
        Assert.All(Enum.GetValues<T>(), v => Assert.True(codes.ContainsKey(v), $"{typeof(T).Name}.{v} has no catalogue code (CatalogueCodes)"));
        Assert.Equal(published, Enum.GetValues<T>().Select(v => codes[v]));
    }

    [Fact]
    public void Every_value_of_every_vocabulary_has_its_published_code()
    {
        Published(CatalogueCodes.OrganisationKinds, "city", "county", "city-direct");
        Published(CatalogueCodes.RoundKinds, "comprehensive", "wage", "women-workers", "safety-health", "high-temperature", "industry", "regional");
        Published(CatalogueCodes.Procedures, "ordinary", "simplified");
        Published(CatalogueCodes.Stages, "started", "offered", "replied", "bargaining", "signed", "filed", "effective", "closed", "rescinded", "terminated", "expired");
        Published(CatalogueCodes.Sides, "worker", "employer");
        Published(CatalogueCodes.TopicStatuses, "open", "agreed", "withdrawn");
    }

    [Fact]
    public void Every_outcome_of_the_workflow_definitions_and_every_topic_has_a_code()
    {
        // The outcomes the definitions end in now, and those of instances completed before publication stopped ending a round.
        var outcomes = typeof(Outcomes).GetFields(BindingFlags.Public | BindingFlags.Static).Concat(typeof(FormerOutcomes).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetValue(null)!);
        Assert.Equal(outcomes.Order(), CatalogueCodes.Outcomes.Keys.Order());
        Assert.Equal(["effective", "escalated", "expired", "lapsed", "memo-signed", "minutes-signed", "no-contract", "not-agreed", "offer-refused", "renewed", "rescinded", "terminated", "withdrawn"],
            CatalogueCodes.Outcomes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TopicCatalog.Article8.Keys.Append(TopicCatalog.Custom), CatalogueCodes.Topics.Keys);
    }

    [Fact]
    public void The_json_schema_lists_exactly_the_codes()
    {
        var defs = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "bargaining-export.schema.json")))!["$defs"]!;
        IEnumerable<string> Enum(string name) => defs[name]!["enum"]!.AsArray().Select(n => (string)n!);
        Assert.Equal(CatalogueCodes.OrganisationKinds.Values, Enum("organisationKind"));
        Assert.Equal(CatalogueCodes.RoundKinds.Values, Enum("roundKind"));
        Assert.Equal(CatalogueCodes.Procedures.Values, Enum("procedure"));
        Assert.Equal(CatalogueCodes.Stages.Values, Enum("stage"));
        Assert.Equal(CatalogueCodes.Outcomes.Keys.Order(StringComparer.Ordinal), Enum("outcome"));
        Assert.Equal(CatalogueCodes.Topics.Keys, Enum("topic"));
        Assert.Equal(CatalogueCodes.TopicStatuses.Values, Enum("topicStatus"));
        Assert.Equal(CatalogueCodes.Sides.Values, Enum("side"));
    }

    [Fact]
    public void The_data_dictionary_documents_every_code_and_every_field()
    {
        var dictionary = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "data-catalogue.md"));
        var codes = CatalogueCodes.OrganisationKinds.Values.Concat(CatalogueCodes.RoundKinds.Values).Concat(CatalogueCodes.Procedures.Values)
            .Concat(CatalogueCodes.Stages.Values).Concat(CatalogueCodes.Sides.Values).Concat(CatalogueCodes.TopicStatuses.Values)
            .Concat(CatalogueCodes.Outcomes.Keys).Concat(CatalogueCodes.Topics.Keys).Concat(QualityIssues.Names.Keys).Concat(ExportRecords.Fields).Concat(ExportRecords.Types);
        Assert.All(codes.Distinct(), code => Assert.Contains($"`{code}`", dictionary));
    }
}
