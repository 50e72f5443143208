using Bargaining.Documents.Verification;
using Bargaining.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Api;

/// <summary>Checking a printed contract (<c>/api/verify</c>): anyone holding one may, signed in or not.</summary>
public static class VerificationApi
{
    /// <summary>Maps the checks by code and by PDF.</summary>
    public static void Map(RouteGroupBuilder verify)
    {
        verify.MapGet("/{code}", VerifyCodeAsync);
        verify.MapPost("", VerifyPdfAsync).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(RequestLimits.Pdf));
    }

    private static async Task<Ok<ContractVerification>> VerifyCodeAsync(string code, ContractVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyCodeAsync(code, ct));

    private static async Task<Ok<ContractVerification>> VerifyPdfAsync(IFormFile file, ContractVerifier verifier, CancellationToken ct)
    {
        await using var pdf = file.OpenReadStream();
        return TypedResults.Ok(await verifier.VerifyPdfAsync(pdf, ct));
    }
}
