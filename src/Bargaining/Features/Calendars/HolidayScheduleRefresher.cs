using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bargaining.Features.Calendars;

/// <summary>
/// Reads the stored holiday schedules on start and again every <see cref="Interval"/>, so a year entered through another
/// host behind the same database is counted with here within that time. It puts them in use only when the rows differ
/// from those it read last: a schedule this host is saving (in use before its commit) is never put back by a read of
/// the rows before it.
/// </summary>
public sealed class HolidayScheduleRefresher(IServiceScopeFactory scopes, JurisdictionCatalog catalog, TimeProvider clock, ILogger<HolidayScheduleRefresher> logger)
    : BackgroundService
{
    /// <summary>How often the stored schedules are read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private string? _read;

    /// <summary>Reads the stored schedules and puts them in use if they changed since the last read; true if they did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<BargainingDbContext>().HolidaySchedules.AsNoTracking()
            .OrderBy(r => r.Calendar).ThenBy(r => r.Year).ToListAsync(ct);
        var read = string.Join("\n", rows.Select(r => $"{r.Calendar}|{r.Year}|{r.Holidays}|{r.Workdays}"));
        if (read == _read) return false;
        HolidaySchedules.Use(catalog, rows);
        _read = read;
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "the stored holiday schedules could not be read; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
