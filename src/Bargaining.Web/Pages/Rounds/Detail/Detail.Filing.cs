using Bargaining.Features.Rounds.Filing;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// The employer files the signed contract with the labour bureau (Art 42). Form in _Filing.cshtml.
public sealed partial class DetailModel
{
    /// <summary>Records the filing with the labour bureau.</summary>
    public async Task<IActionResult> OnPostFileAsync(Guid id, DateOnly? receivedOn)
    {
        FilingResult? result = null;
        if (!await TryAsync(async () => result = await Mediator.Send(new FileContractCommand(id, receivedOn ?? Today))))
            return await ReloadAsync(id);
        Notice = $"已报送审查，审查期至 {result!.ReviewLastDay:yyyy年M月d日}" + (result.Notice is { } n ? $"。{n}" : "");
        return RedirectToPage(new { id });
    }
}
