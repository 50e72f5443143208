using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Tests.Features.Progress;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Organisations;

/// <summary>Assigning instructors and the county's enterprise list, on <see cref="ProgressScenario"/> (25 March).</summary>
public sealed class InstructorAndEnterpriseListTests : ProgressScenario
{
    private CurrentUser Instructor(string id, Organisation unit) => new(id, "指导员" + id, Role.Instructor, unit.Id);

    private Task<Guid> IdOf(string name) => Host.WithDbAsync(db => db.Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());

    [Fact]
    public async Task County_staff_assign_an_instructor_who_then_lists_only_those_enterprises_and_rounds()
    {
        await ScenarioAsync();
        var silent = await IdOf("盐城沉默五金有限公司");

        var result = await Host.SendAsync(new AssignInstructorCommand([Hengda.Id, silent, silent], "u-zhao", "赵刚"), YanduStaff);

        Assert.Equal(new AssignInstructorResult(2, 0), result);
        var zhao = Instructor("u-zhao", Yandu);
        Assert.Equal(["盐城恒达精密机械有限公司", "盐城沉默五金有限公司"], (await Host.SendAsync(new RoundListQuery(), zhao)).Rows.Select(r => r.Enterprise).Order(StringComparer.Ordinal));
        Assert.Equal([Silent], (await Host.SendAsync(new RoundListQuery { AwaitingMe = true }, zhao)).Rows.Select(r => r.RoundId));
        var list = await Host.SendAsync(new EnterpriseListQuery(), zhao);
        Assert.Equal(2, list.Total);
        Assert.All(list.Rows, r => Assert.Equal(("u-zhao", "赵刚"), (r.InstructorUserId, r.InstructorName)));
        Assert.Empty((await Host.SendAsync(new RoundListQuery(), Instructor("u-other", Yandu))).Rows);
    }

    [Fact]
    public async Task Reassigning_keeps_the_history_and_assigning_the_same_instructor_again_changes_nothing()
    {
        await Host.SendAsync(new AssignInstructorCommand([Hengda.Id], "u-zhao", "赵刚"), YanduStaff);
        await Host.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(new AssignInstructorResult(0, 1), await Host.SendAsync(new AssignInstructorCommand([Hengda.Id], "u-zhao", "赵刚"), YanduStaff));
        await Host.SendAsync(new AssignInstructorCommand([Hengda.Id], "u-qian", "钱芳"), YanduStaff);

        var history = await Host.SendAsync(new InstructorHistoryQuery(Hengda.Id), YanduStaff);

        Assert.Equal([("钱芳", false, "盐都区总工会 张敏"), ("赵刚", true, "盐都区总工会 张敏")], history.Select(h => (h.InstructorName, h.EndedAt is not null, h.AssignedBy)));
        Assert.Equal(history[0].AssignedAt, history[1].EndedAt);
        Assert.Equal("钱芳", Assert.Single((await Host.SendAsync(new EnterpriseListQuery(), YanduStaff)).Rows).InstructorName);
    }

    [Fact]
    public async Task Only_county_staff_assign_and_only_in_their_county_with_valid_input()
    {
        await RefusedAsync(() => Host.SendAsync(new AssignInstructorCommand([Hengda.Id], "u-zhao", "赵刚"), TinghuStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new AssignInstructorCommand([Hengda.Id], "u-zhao", "赵刚"), Chair), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new AssignInstructorCommand([Guid.NewGuid()], "u-zhao", "赵刚"), YanduStaff), FailureKind.NotFound);
        var bad = await RefusedAsync(() => Host.SendAsync(new AssignInstructorCommand([], " ", ""), YanduStaff), FailureKind.Validation);
        Assert.Contains("请选择至少一家企业", bad.Message);
        Assert.Contains("请填写集体协商指导员姓名", bad.Message);
        // Who may ask is judged first: the same bad input from someone who may not assign at all is forbidden, not invalid.
        await RefusedAsync(() => Host.SendAsync(new AssignInstructorCommand(null!, " ", ""), Chair), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new AssignInstructorCommand([Hengda.Id, Guid.Empty], " ", ""), TinghuStaff), FailureKind.Validation);
        Assert.Equal(0, await CountAsync<InstructorAssignment>());
    }

    [Fact]
    public async Task The_county_lists_its_enterprises_with_the_latest_rounds_stage_and_filters()
    {
        await ScenarioAsync();
        await AddEnterpriseAsync(Yandu, "盐城新建未约有限公司", 31, 1200);

        var all = await Host.SendAsync(new EnterpriseListQuery { PageSize = 4 }, YanduStaff);
        var overdue = Assert.Single((await Host.SendAsync(new EnterpriseListQuery { OverdueOnly = true }, YanduStaff)).Rows);
        var effective = await Host.SendAsync(new EnterpriseListQuery { Stage = RoundStage.Effective }, YanduStaff);
        var none = Assert.Single((await Host.SendAsync(new EnterpriseListQuery { WithoutRound = true }, YanduStaff)).Rows);

        Assert.Equal((10, 4), (all.Total, all.Rows.Count));
        Assert.Equal((Silent, RoundStage.Offered, SilentLastDay), (overdue.LatestRoundId!.Value, overdue.Stage!.Value, overdue.LastDay!.Value));
        Assert.True(overdue.DaysLate > 0);
        Assert.Equal(["盐城丰源化工有限公司", "盐城广利物流有限公司", "盐城恒达精密机械有限公司"], effective.Rows.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("盐城新建未约有限公司", SizeBand.From1000, "1000人及以上", (Guid?)null, (RoundStage?)null), (none.Name, none.Size, none.SizeName, none.LatestRoundId, none.Stage));
        Assert.Equal(2, (await Host.SendAsync(new EnterpriseListQuery { Size = SizeBand.From100To299 }, YanduStaff)).Total);
        Assert.Equal(12, (await Host.SendAsync(new EnterpriseListQuery(), City)).Total);
        Assert.Equal(2, (await Host.SendAsync(new EnterpriseListQuery { OrganisationId = Tinghu.Id }, City)).Total);
    }

    [Fact]
    public async Task A_chair_or_another_county_may_not_list_enterprises_and_bad_filters_are_refused()
    {
        await RefusedAsync(() => Host.SendAsync(new EnterpriseListQuery(), Chair), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new EnterpriseListQuery { OrganisationId = Yandu.Id }, TinghuStaff), FailureKind.Forbidden);
        var bad = await RefusedAsync(() => Host.SendAsync(new EnterpriseListQuery { WithoutRound = true, OverdueOnly = true, PageSize = 0 }, YanduStaff), FailureKind.Validation);
        Assert.Contains("“未发起协商”不能与协商阶段或逾期条件同时使用", bad.Message);
    }
}
