using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// Each side names its representatives and chief (Arts 19-24). Form in _Representatives.cshtml.
public sealed partial class DetailModel
{
    /// <summary>
    /// Which sides have named their representatives, once the offer is accepted in the ordinary procedure: "双方代表已确定"
    /// only when neither side's list is still awaited.
    /// </summary>
    public string? RepresentativesState
    {
        get
        {
            if (Table.Procedure != Procedure.Ordinary || Table.Accepted != true) return null;
            var awaited = Timeline.CurrentSteps.Select(s => s.Node).ToHashSet();
            var worker = !awaited.Contains(Nodes.UnionRepresentatives);
            var employer = !awaited.Contains(Nodes.EmployerRepresentatives);
            return (worker, employer) switch
            {
                (true, true) => "双方代表已确定",
                (true, false) => "职工方代表已确定，企业方尚未确定",
                (false, true) => "企业方代表已确定，职工方尚未确定",
                _ => "双方尚未确定协商代表",
            };
        }
    }

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
