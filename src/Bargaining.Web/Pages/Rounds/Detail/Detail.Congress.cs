using Bargaining.Features.Rounds.Congress;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// The workers' congress votes on the draft (Art 36). Form in _Congress.cshtml.
public sealed partial class DetailModel
{
    /// <summary>Records the congress vote.</summary>
    public async Task<IActionResult> OnPostVoteAsync(Guid id, int? entitled, int? present, int? inFavour)
    {
        CongressVoteResult? result = null;
        if (!await TryAsync(async () => result = await Mediator.Send(new RecordCongressVoteCommand(id, entitled ?? 0, present ?? 0, inFavour ?? 0))))
            return await ReloadAsync(id);
        Notice = result!.Adopted ? "表决通过，草案可以签字" : $"草案未获通过：{result.Reason}，已退回重新协商";
        return RedirectToPage(new { id });
    }
}
