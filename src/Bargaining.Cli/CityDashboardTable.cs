using System.Globalization;
using Bargaining.Domain;
using Bargaining.Features.Progress;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Cli;

/// <summary>The city dashboard of a campaign (<see cref="CityDashboardQuery"/>, sent as the city administrator) as a table per county-level unit and the city's totals.</summary>
internal static class CityDashboardTable
{
    public static async Task<CityDashboard> WriteAsync(IServiceProvider services, Guid cityId, Guid campaignId, TextWriter output)
    {
        CityDashboard overview;
        await using (var scope = services.CreateAsyncScope())
        {
            ((FixedCurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUserAccessor>()).User =
                new CurrentUser("demo-city", "盐城市总工会权益保障部", Role.CityAdministrator, cityId);
            overview = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new CityDashboardQuery(campaignId));
        }
        // Chinese characters are two columns wide: the unit is padded with ideographic spaces, the figures by hand.
        static string Unit(string name) => name.Replace("总工会", "", StringComparison.Ordinal).Replace("经济技术开发区", "经开区", StringComparison.Ordinal)
            .Replace("高新技术产业开发区", "高新区", StringComparison.Ordinal).PadRight(6, '\u3000');
        output.WriteLine($"  排名  {Unit("单位")}  企业  要约  逾期  签订  生效  覆盖职工  平均增幅");
        foreach (var row in overview.Rows)
        {
            var p = row.Progress;
            var rise = p.AverageWageRise is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";
            output.WriteLine($"  {row.Rank,4}  {Unit(p.Unit)}{p.Enterprises,6}{p.EnterprisesOffered,6}{p.Overdue.Count,6}" +
                $"{p.EnterprisesSigned,6}{p.Stages.Effective,6}{p.WorkersCovered,10}{rise,10}");
        }

        var total = overview.Totals.Progress;
        var median = total.MedianWageRise is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";
        output.WriteLine($"  全市（参加单位）：企业 {total.Enterprises} 家，要约 {total.EnterprisesOffered} 家，签订 {total.EnterprisesSigned} 家，" +
            $"生效 {total.Stages.Effective} 家，增幅中位数 {median}，逾期 {overview.Totals.OverdueCount} 件，" +
            $"覆盖职工 {overview.WorkersCovered} 人（目标 {overview.WorkersCoveredTarget} 人）");
        return overview;
    }
}
