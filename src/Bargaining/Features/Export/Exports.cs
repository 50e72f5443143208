using System.Globalization;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;

namespace Bargaining.Features.Export;

/// <summary>The city dashboard as a table: a row per unit, ranked, then the participants' totals. Only the city union.</summary>
public sealed record ExportCityDashboardQuery(Guid CampaignId, ExportFormat Format) : IQuery<ExportFile>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => new CityDashboardQuery(CampaignId).AuthoriseAsync(user, db, ct);
}

/// <summary>Every enterprise the <paramref name="Filter"/> selects (all pages), for whoever may list them.</summary>
public sealed record ExportEnterpriseListQuery(EnterpriseListQuery Filter, ExportFormat Format) : IQuery<ExportFile>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => Filter.AuthoriseAsync(user, db, ct);
}

/// <summary>Every round the <paramref name="Filter"/> selects (all pages), for whoever may list them.</summary>
public sealed record ExportRoundListQuery(RoundListQuery Filter, ExportFormat Format) : IQuery<ExportFile>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => Filter.AuthoriseAsync(user, db, ct);
}

/// <summary>Validates <see cref="ExportCityDashboardQuery"/>.</summary>
public sealed class ExportCityDashboardQueryValidator : AbstractValidator<ExportCityDashboardQuery>
{
    public ExportCityDashboardQueryValidator()
    {
        RuleFor(x => x.CampaignId).NotEqual(Guid.Empty).WithMessage("请选择集中要约行动");
        RuleFor(x => x.Format).IsInEnum().WithMessage("导出格式应为 xlsx 或 csv");
    }
}

/// <summary>Validates <see cref="ExportEnterpriseListQuery"/> with the list's own rules.</summary>
public sealed class ExportEnterpriseListQueryValidator : AbstractValidator<ExportEnterpriseListQuery>
{
    public ExportEnterpriseListQueryValidator()
    {
        RuleFor(x => x.Filter).NotNull().WithMessage("缺少筛选条件").SetValidator(new EnterpriseListQueryValidator());
        RuleFor(x => x.Format).IsInEnum().WithMessage("导出格式应为 xlsx 或 csv");
    }
}

/// <summary>Validates <see cref="ExportRoundListQuery"/> with the list's own rules.</summary>
public sealed class ExportRoundListQueryValidator : AbstractValidator<ExportRoundListQuery>
{
    public ExportRoundListQueryValidator()
    {
        RuleFor(x => x.Filter).NotNull().WithMessage("缺少筛选条件").SetValidator(new RoundListQueryValidator());
        RuleFor(x => x.Format).IsInEnum().WithMessage("导出格式应为 xlsx 或 csv");
    }
}

/// <summary>
/// Handles the exports by running the same handlers the screens use (the requests have been authorised as those
/// queries), every page at once.
/// </summary>
public sealed class ExportHandlers(
    IRequestHandler<CityDashboardQuery, CityDashboard> dashboards,
    IRequestHandler<EnterpriseListQuery, EnterpriseList> enterprises,
    IRequestHandler<RoundListQuery, RoundList> rounds,
    JurisdictionCatalog jurisdictions)
    : IRequestHandler<ExportCityDashboardQuery, ExportFile>, IRequestHandler<ExportEnterpriseListQuery, ExportFile>, IRequestHandler<ExportRoundListQuery, ExportFile>
{

    public async Task<ExportFile> Handle(ExportCityDashboardQuery request, CancellationToken cancellationToken)
    {
        var dashboard = await dashboards.Handle(new CityDashboardQuery(request.CampaignId), cancellationToken);
        static IReadOnlyList<object?> Row(CityDashboardRow r)
        {
            var p = r.Progress;
            return [r.Rank, p.Unit, p.Kind switch { OrganisationKind.County => "县级", OrganisationKind.CityDirect => "市直", _ => "全市" }, r.Participating,
                p.Enterprises, p.Workers, p.Funnel.Offers, p.Funnel.Replies, p.Funnel.Bargaining, p.Funnel.Signed, p.Funnel.Filed, p.Funnel.Effective,
                r.OfferRate, r.OfferTargetMet, r.SigningRate, r.SigningTargetMet, p.EnterprisesCovered, p.WorkersCovered,
                p.AverageWageRise, p.MedianWageRise, r.OverdueCount];
        }
        return new ExportTable($"{dashboard.Campaign}_全市汇总",
            ["排名", "单位", "类别", "参加行动", "企业数", "职工数", "要约", "回应", "进入协商", "签订", "报送审查", "生效",
                string.Create(CultureInfo.InvariantCulture, $"要约率(%)（目标{dashboard.OfferRateTarget:0.##}）"), "要约率达标",
                string.Create(CultureInfo.InvariantCulture, $"签订率(%)（目标{dashboard.SigningRateTarget:0.##}）"), "签订率达标",
                "覆盖企业数", "覆盖职工数", "平均工资增幅(%)", "工资增幅中位数(%)", "逾期件数"],
            [.. dashboard.Rows.Select(Row), Row(dashboard.Totals)]).ToFile(request.Format);
    }

    public async Task<ExportFile> Handle(ExportEnterpriseListQuery request, CancellationToken cancellationToken)
    {
        var list = await enterprises.Handle(request.Filter with { Page = 1, PageSize = Paging.Every }, cancellationToken);
        return new ExportTable("企业名单",
            ["企业名称", "统一社会信用代码", "所属单位", "行业", "职工人数", "规模", "集体协商指导员", "最近一轮协商阶段", "当前环节", "期限", "逾期天数"],
            [.. list.Rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.CreditCode, r.Unit, r.Industry, r.Employees, r.SizeName, r.InstructorName,
                r.StageName ?? "未发起", r.Step, r.LastDay, r.DaysLate])]).ToFile(request.Format);
    }

    public async Task<ExportFile> Handle(ExportRoundListQuery request, CancellationToken cancellationToken)
    {
        var list = await rounds.Handle(request.Filter with { Page = 1, PageSize = Paging.Every }, cancellationToken);
        return new ExportTable("集体协商名单",
            ["企业", "所属单位", "合同类别", "协商阶段", "当前环节", "期限", "逾期天数", "待办方", "发起时间"],
            [.. list.Rows.Select(r => (IReadOnlyList<object?>)[r.Enterprise, r.Unit, r.KindName, r.StageName, r.Step, r.LastDay, r.DaysLate,
                string.Join("、", r.NextActors), r.CreatedAt.ToOffset(jurisdictions.Default.Time.UtcOffset)])]).ToFile(request.Format);
    }
}
