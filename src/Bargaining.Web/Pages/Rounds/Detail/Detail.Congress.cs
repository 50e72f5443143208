using Bargaining.Features.Rounds.Congress;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// The workers' congress votes on the draft (Art 36). Form in _Congress.cshtml.
public sealed partial class DetailModel
{
    /// <summary>Records the congress vote.</summary>
    public async Task<IActionResult> OnPostVoteAsync(Guid id, int? entitled, int? present, int? inFavour, DateOnly? heldOn)
    {
        CongressVoteResult? result = null;
        if (!await TryAsync(async () => result = await Mediator.Send(new RecordCongressVoteCommand(id, entitled ?? 0, present ?? 0, inFavour ?? 0, heldOn))))
            return await ReloadAsync(id);
        Notice = result!.Adopted ? "表决通过，草案可以签字"
            : !result.Quorate ? "未达法定人数（须三分之二以上到会），须重新召开职工代表大会"
            : $"草案未获通过：{result.Reason}，已退回重新协商";
        return RedirectToPage(new { id });
    }
}
