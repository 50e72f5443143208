using Bargaining.Features.Catalogue;
using MediatR;

namespace Bargaining.Web.Pages.City;

/// <summary>
/// The data-quality counts the city dashboard shows, counted at most every <see cref="Lifetime"/>: counting reads every
/// enterprise's credit code (its check character cannot be computed in SQL), about 75 ms of CPU at 20,000 enterprises,
/// which the dashboard, viewed all day, should not pay on every view. The report page itself always counts afresh.
/// </summary>
public sealed class QualitySummaryCache(TimeProvider clock)
{
    /// <summary>How old the dashboard's counts may be.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private (DataQualityReport Report, DateTimeOffset At)? _last;

    /// <summary>The counts, and when they were counted.</summary>
    public async Task<(DataQualityReport Report, DateTimeOffset At)> GetAsync(IMediator mediator)
    {
        var now = clock.GetUtcNow();
        if (_last is { } last && now - last.At < Lifetime) return last;
        var fresh = (await mediator.Send(new DataQualityQuery()), now);
        _last = fresh;
        return fresh;
    }
}
