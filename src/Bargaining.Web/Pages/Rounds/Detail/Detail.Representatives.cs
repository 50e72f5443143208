using Bargaining.Features.Rounds.Representatives;
using Bargaining.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// Each side names its representatives and chief (Arts 19-24). Form in _Representatives.cshtml.
public sealed partial class DetailModel
{
    /// <summary>Names the caller's side's representatives; the first row is the chief.</summary>
    public Task<IActionResult> OnPostRepresentativesAsync(Guid id, List<NomineeInput> members, string? delegation, string? legalRepresentative)
    {
        var rows = members.Where(m => !string.IsNullOrWhiteSpace(m.Name)).ToList();
        var nominees = rows.Select((m, i) => new Nominee(m.Name!.Trim(), string.IsNullOrWhiteSpace(m.IdNumber) ? null : m.IdNumber.Trim(), i == 0, m.IsOutsideExpert,
            string.IsNullOrWhiteSpace(m.Title) ? null : m.Title.Trim())).ToList();
        return SendAsync(id, "代表名单已提交", new NameRepresentativesCommand(id, SideOrForbid(), nominees, delegation, legalRepresentative));
    }
}

/// <summary>A row of the representatives form.</summary>
public sealed class NomineeInput
{
    /// <summary>Name (blank rows are skipped).</summary>
    public string? Name { get; set; }
    /// <summary>ID number.</summary>
    public string? IdNumber { get; set; }
    /// <summary>Post or title.</summary>
    public string? Title { get; set; }
    /// <summary>An outside expert (Art 21).</summary>
    public bool IsOutsideExpert { get; set; }
}
