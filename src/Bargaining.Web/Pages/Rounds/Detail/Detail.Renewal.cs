using Bargaining.Features.Rounds.Renewal;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// Renewing an effective contract (Art 38). Form in _Renewal.cshtml.
public sealed partial class DetailModel
{
    /// <summary>Starts the renewal of this effective contract.</summary>
    public async Task<IActionResult> OnPostRenewAsync(Guid id, DateOnly? expiresOn)
    {
        var renewal = Guid.Empty;
        if (!await TryAsync(async () => renewal = await Mediator.Send(new StartRenewalCommand(id, expiresOn ?? default, SideOrForbid()))))
            return await ReloadAsync(id);
        Notice = $"续订已发起：期满前{RenewalWindow}内发出要约书";
        return Redirect($"/Rounds/{renewal}");
    }
}
