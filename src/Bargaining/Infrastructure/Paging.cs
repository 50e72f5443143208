using Microsoft.EntityFrameworkCore;

namespace Bargaining.Infrastructure;

/// <summary>How many rows a paged list has in all.</summary>
public static class Paging
{
    /// <summary>
    /// The page size that asks a list handler for every row, on one page (the exports and the deadline feed, which
    /// call the handlers directly; the lists' validators allow 1–200).
    /// </summary>
    public const int Every = int.MaxValue;

    /// <summary>The largest page a caller may ask a list for.</summary>
    public const int Largest = 200;

    /// <summary>
    /// The number of rows of <paramref name="query"/>, given the <paramref name="rows"/> read for the page that skips
    /// <paramref name="skip"/> rows: a page that is not full is the last one, so the total is known without asking the
    /// database (an export, one page of every row, never counts); a full or an empty later page is counted.
    /// </summary>
    public static async Task<int> TotalAsync<T>(IQueryable<T> query, int skip, int pageSize, int rows, CancellationToken ct) =>
        rows < pageSize && (rows > 0 || skip == 0) ? skip + rows : await query.CountAsync(ct);
}
