using System.Text;
using Bargaining.Domain;
using Bargaining.Features.Rounds.Congress;

namespace Bargaining.Tests.Features.Rounds.Congress;

// 职工代表名册: the enterprise's, kept by its union chair from one congress to the next.
public sealed class DeputyRosterTests : RoundScenario
{
    private Task<IReadOnlyList<DeputyView>> RosterAsync() => Host.SendAsync(new DeputyRosterQuery(Hengda.Id), Chair);

    [Fact]
    public async Task The_chair_adds_edits_and_removes_deputies()
    {
        var zhou = await Host.SendAsync(new AddDeputyCommand(Hengda.Id, "周海燕", "一车间", "13905101234"), Chair);
        await Host.SendAsync(new AddDeputyCommand(Hengda.Id, "孙立", "二车间", "sunli@hengda.example.cn"), Chair);

        await Host.SendAsync(new EditDeputyCommand(Hengda.Id, zhou.Id, "周海燕", "装配车间", null), Chair);
        var sun = (await RosterAsync()).Single(d => d.Name == "孙立");
        await Host.SendAsync(new RemoveDeputyCommand(Hengda.Id, sun.Id), Chair);

        var roster = Assert.Single(await RosterAsync());
        Assert.Equal(("周海燕", "装配车间", (string?)null), (roster.Name, roster.Constituency, roster.Contact));
    }

    [Fact]
    public async Task Bad_fields_a_duplicate_and_other_people_are_refused_in_Chinese_and_nothing_is_written()
    {
        var blank = await RefusedAsync(() => Host.SendAsync(new AddDeputyCommand(Hengda.Id, " ", "", "打电话"), Chair), FailureKind.Validation);
        Assert.Contains("请填写代表姓名", blank.Message);
        Assert.Contains("请填写代表所在选区或车间", blank.Message);
        Assert.Contains("联系方式“打电话”不是手机号码、电话号码或电子邮箱", blank.Message);

        await Host.SendAsync(new AddDeputyCommand(Hengda.Id, "周海燕", "一车间", null), Chair);
        var twice = await RefusedAsync(() => Host.SendAsync(new AddDeputyCommand(Hengda.Id, "周海燕", "一车间", null), Chair), FailureKind.Conflict);
        Assert.Contains("已在职工代表名册中", twice.Message);

        await RefusedAsync(() => Host.SendAsync(new AddDeputyCommand(Hengda.Id, "李四", "一车间", null), Employer), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new DeputyRosterQuery(Hengda.Id), YanduStaff), FailureKind.Forbidden);
        Assert.Single(await RosterAsync());
    }

    [Fact]
    public async Task A_csv_with_a_bad_row_imports_nothing_and_names_the_row_then_the_corrected_file_imports_every_deputy()
    {
        await Host.SendAsync(new AddDeputyCommand(Hengda.Id, "周海燕", "一车间", null), Chair);
        var bad = Encoding.UTF8.GetBytes("姓名,选区（车间）,联系方式\n陈红,一车间,13905100001\n,二车间,\n周海燕,一车间,\n陈红,一车间,\n");

        var refused = await Host.SendAsync(new ImportDeputiesCommand(Hengda.Id, "代表名册.csv", bad), Chair);

        Assert.True(refused.Refused);
        Assert.Equal([3, 4, 5], refused.Rejected.Select(r => r.Row));
        Assert.Contains("请填写代表姓名", refused.Rejected[0].Reason);
        Assert.Contains("已在名册中", refused.Rejected[1].Reason);
        Assert.Contains("与第2行重复", refused.Rejected[2].Reason);
        Assert.Single(await RosterAsync());

        var good = Encoding.UTF8.GetBytes("姓名,选区（车间）,联系方式\n陈红,一车间,13905100001\n马骏,二车间,\n顾玲,机关,0515-88886666\n");
        var imported = await Host.SendAsync(new ImportDeputiesCommand(Hengda.Id, "代表名册.csv", good), Chair);

        Assert.Equal(3, imported.Imported);
        var roster = await RosterAsync();
        Assert.Equal(["周海燕", "陈红", "马骏", "顾玲"], roster.Select(d => d.Name));
        Assert.Equal("0515-88886666", roster.Single(d => d.Name == "顾玲").Contact);
    }

    [Fact]
    public async Task A_file_without_the_columns_is_refused_naming_them()
    {
        var e = await RefusedAsync(() => Host.SendAsync(new ImportDeputiesCommand(Hengda.Id, "名册.csv", Encoding.UTF8.GetBytes("名字,车间\n陈红,一车间\n")), Chair), FailureKind.Validation);

        Assert.Contains("第1行缺少列：姓名、选区（车间）", e.Message);
    }
}
