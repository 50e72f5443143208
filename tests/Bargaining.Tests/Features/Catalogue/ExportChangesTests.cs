using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Catalogue;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Tests.Features.Rounds;
using CsvHelper;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Features.Catalogue;

/// <summary>The province's export through the pipeline on a SQLite file: its schema, its cursor, its two forms, and the organisation tree's round trip.</summary>
public sealed class ExportChangesTests : RoundScenario
{
    private static readonly CurrentUser CityAdmin = new("u-city", "盐城市总工会 孙海", Role.CityAdministrator, Guid.Empty);

    private Task<ChangeExport> ExportAsync(DateTimeOffset? since, ChangeFormat format = ChangeFormat.JsonLines, BargainingHost? host = null) =>
        (host ?? Host).SendAsync(new ExportChangesQuery(since, format), CityAdmin);

    private static List<JsonObject> Records(ChangeExport export) =>
        [.. Encoding.UTF8.GetString(export.File.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];

    private static IEnumerable<JsonObject> OfType(IEnumerable<JsonObject> records, string type) => records.Where(r => (string?)r["type"] == type);

    /// <summary>A campaign, a filed wage round of 恒达 (topics, clauses, a contract) and a started round of a 亭湖 enterprise; then an hour passes.</summary>
    private async Task<(Guid Filed, Guid Started)> CityAsync()
    {
        await Host.SendAsync(new CreateCampaignCommand("2026年春季集中要约行动", new(2026, 3, 2), new(2026, 5, 31), [Yandu.Id, Tinghu.Id], 90, 80, 1000), CityAdmin);
        var filed = await FiledAsync();
        var other = await AddEnterpriseAsync(Tinghu, "盐城亭湖纺织有限公司", 2, 120);
        var started = await Host.SendAsync(new StartRoundCommand(other.Id, RoundKind.Comprehensive, Procedure.Ordinary, Side.Worker), TinghuStaff);
        Host.Clock.Advance(TimeSpan.FromHours(1));
        return (filed, started);
    }

    [Fact]
    public async Task Every_record_of_a_full_export_validates_against_the_published_json_schema()
    {
        var (filed, started) = await CityAsync();

        var export = await ExportAsync(null);

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "bargaining-export.schema.json")));
        foreach (var line in Encoding.UTF8.GetString(export.File.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var result = schema.Evaluate(JsonDocument.Parse(line).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{line}\n{JsonSerializer.Serialize(result)}");
        }
        Assert.Equal(new Dictionary<string, int> { ["organisation"] = 12, ["campaign"] = 1, ["round"] = 2, ["topic"] = 1, ["clause"] = 1, ["contract"] = 1 }, export.Counts);
        var records = Records(export);
        var round = Assert.Single(OfType(records, "round"), r => (string?)r["roundId"] == filed.ToString());
        Assert.Equal((Hengda.CreditCode, "320903", "wage", "ordinary", "filed"),
            ((string?)round["enterpriseCreditCode"], (string?)round["organisationCode"], (string?)round["roundKind"], (string?)round["procedure"], (string?)round["stage"]));
        var clause = Assert.Single(OfType(records, "clause"));
        Assert.Equal((6m, "%", 1), ((decimal?)clause["number"], (string?)clause["unit"], (int?)clause["draft"]));
        Assert.Equal(("pay", "agreed", "worker"), ((string?)Assert.Single(OfType(records, "topic"))["topic"], (string?)OfType(records, "topic").Single()["status"], (string?)OfType(records, "topic").Single()["raisedBy"]));
        var contract = Assert.Single(OfType(records, "contract"));
        Assert.Equal(("2026-04-01", "2029-03-31", "2026-03-02"), ((string?)contract["termStartsOn"], (string?)contract["termEndsOn"], (string?)contract["filedOn"]));
        Assert.Equal("comprehensive", (string?)Assert.Single(OfType(records, "round"), r => (string?)r["roundId"] == started.ToString())["roundKind"]);
        Assert.Equal(["3209", "320902", "320903"], OfType(records, "organisation").Take(3).Select(o => (string?)o["code"]));
    }

    [Fact]
    public async Task An_incremental_export_returns_only_the_rounds_changed_after_the_cursor_and_the_next_cursor()
    {
        var (filed, started) = await CityAsync();
        var first = await ExportAsync(null);
        Assert.Equal(Records(first).Select(r => (string?)r["changedAt"]).Max(StringComparer.Ordinal), ExportRecords.Instant(first.Cursor!.Value));

        Host.Clock.Advance(TimeSpan.FromHours(2));
        var nothing = await ExportAsync(first.Cursor);
        Assert.Equal(0, nothing.Counts["round"] + nothing.Counts["campaign"] + nothing.Counts["topic"] + nothing.Counts["contract"]);
        Assert.Equal(12, nothing.Counts["organisation"]);
        Assert.Equal(first.Cursor, nothing.Cursor);

        // The 亭湖 enterprise's union offers: only that round changed.
        var offeredAt = Host.Clock.GetUtcNow();
        var other = await Host.WithDbAsync(db => db.Rounds.Where(r => r.Id == started).Select(r => r.EnterpriseId).SingleAsync());
        var chair = new CurrentUser("u-chair-2", "工会主席2", Role.UnionChair, Tinghu.Id, other);
        await Host.SendAsync(new MakeOfferCommand(started, [WageRise(5)], Today, 3), chair);
        Host.Clock.Advance(TimeSpan.FromHours(1));

        var second = await ExportAsync(nothing.Cursor);
        var round = Assert.Single(OfType(Records(second), "round"));
        Assert.Equal((started.ToString(), "offered", ExportRecords.Instant(offeredAt)), ((string?)round["roundId"], (string?)round["stage"], (string?)round["changedAt"]));
        Assert.Equal(offeredAt, second.Cursor);
        Assert.DoesNotContain(Records(second), r => (string?)r["roundId"] == filed.ToString());

        Host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await ExportAsync(second.Cursor)).Counts["round"]);
    }

    [Fact]
    public async Task A_change_not_yet_settled_keeps_the_cursor_behind_it_so_the_next_export_repeats_it()
    {
        await CityAsync();
        var before = Host.Clock.GetUtcNow();
        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        await StartAsync(kind: RoundKind.WomenWorkers);

        var export = await ExportAsync(before);

        Assert.Equal(1, export.Counts["round"]);
        Assert.Equal(before, export.Cursor);
        Host.Clock.Advance(ExportChangesQuery.Settle);
        Assert.Equal(1, (await ExportAsync(export.Cursor)).Counts["round"]);
    }

    [Fact]
    public async Task The_csv_holds_the_same_records_and_values_as_the_json_lines()
    {
        await CityAsync();

        var jsonl = Records(await ExportAsync(null));
        var csv = await ExportAsync(null, ChangeFormat.Csv);

        using var reader = new CsvReader(new StreamReader(new MemoryStream(csv.File.Content), Encoding.UTF8), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        Assert.Equal(ExportRecords.Fields, reader.HeaderRecord);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add([.. ExportRecords.Fields.Select(f => reader.GetField(f)!)]);
        Assert.Equal(jsonl.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
            for (var f = 0; f < ExportRecords.Fields.Length; f++)
            {
                var value = jsonl[i][ExportRecords.Fields[f]];
                var expected = value is null ? "" : value.GetValueKind() == JsonValueKind.Number ? value.GetValue<decimal>().ToString(CultureInfo.InvariantCulture) : value.GetValue<string>();
                Assert.True(expected == rows[i][f], $"record {i + 1}, {ExportRecords.Fields[f]}: JSON “{expected}”, CSV “{rows[i][f]}”");
            }
    }

    [Fact]
    public async Task The_exported_organisation_tree_imported_into_a_fresh_database_gives_the_same_tree_and_codes()
    {
        // The province's list gives 盐都区 its union's credit code.
        var file = JsonNode.Parse(File.ReadAllText(Host.Services.GetService<BargainingOptions>()!.OrganisationsFile), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip })!;
        var code = "81320903MC0000001";
        file["units"]!.AsArray().Single(u => (string?)u!["code"] == "320903")!["creditCode"] = code + CreditCode.CheckCharacter(code);
        await Host.SendAsync(new ImportOrganisationsCommand("organisations.json", Encoding.UTF8.GetBytes(file.ToJsonString())), CityAdmin);
        var export = await ExportAsync(null);

        await using var fresh = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        var report = await fresh.SendAsync(new ImportOrganisationsCommand("数据目录_全量.jsonl", export.File.Content), CityAdmin);

        Assert.Equal(12, report.Created);
        var again = await ExportAsync(null, host: fresh);
        Assert.Equal(OfType(Records(export), "organisation").Select(o => o.ToJsonString()), OfType(Records(again), "organisation").Select(o => o.ToJsonString()));
        Assert.Contains(OfType(Records(again), "organisation"), o => (string?)o["creditCode"] == code + CreditCode.CheckCharacter(code));
        Assert.Equal("3209", (string?)OfType(Records(again), "organisation").First(o => (string?)o["code"] == "320903")["parentCode"]);
    }

    [Fact]
    public async Task Only_the_city_union_exports_the_catalogue()
    {
        var e = await RefusedAsync(() => Host.SendAsync(new ExportChangesQuery(null, ChangeFormat.JsonLines), YanduStaff), FailureKind.Forbidden);
        Assert.Equal("只有市总工会可以导出数据目录", e.Message);
    }
}
