using Bargaining.Documents.Verification;
using Bargaining.Features.Documents;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bargaining.Web.Pages;

/// <summary>Anyone holding a printed or downloaded contract checks it against the registered text: by its verification code or by uploading the PDF.</summary>
[RequestSizeLimit(RequestLimits.Pdf)]
public sealed class VerifyModel(ContractVerifier verifier, IMediator mediator) : PageModel
{
    /// <summary>The code printed in every page's footer and beside the QR mark on the last page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The answer.</summary>
    public ContractVerification? Result { get; private set; }

    /// <summary>Where the verified contract stands now: in effect or not, its term, a later text.</summary>
    public ContractStatus? Status { get; private set; }

    /// <summary>Checks a code given in the address (the QR mark links here).</summary>
    public async Task OnGetAsync()
    {
        if (!string.IsNullOrWhiteSpace(Code)) await ShowAsync(await verifier.VerifyCodeAsync(Code.Trim()));
    }

    /// <summary>Checks an uploaded PDF.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择要核验的 PDF 文件");
            return Page();
        }
        await using var pdf = file.OpenReadStream();
        await ShowAsync(await verifier.VerifyPdfAsync(pdf));
        return Page();
    }

    private async Task ShowAsync(ContractVerification result)
    {
        Result = result;
        if (result is { IsGenuine: true, Code: { } code }) Status = await mediator.Send(new ContractStatusQuery(code));
    }
}
