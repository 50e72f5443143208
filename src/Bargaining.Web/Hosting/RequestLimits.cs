using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace Bargaining.Web.Hosting;

/// <summary>
/// How large a request body may be (issue 12): every request at most <see cref="Body"/>, more than any command needs
/// (the longest text a command takes is bounded by <see cref="Domain.TextLimits"/>); an enterprise import at most
/// <see cref="Upload"/>; a PDF to verify at most <see cref="Pdf"/>. A larger body is refused with 413 before it is
/// read, and the answer names the limit.
/// </summary>
public static class RequestLimits
{
    /// <summary>Any request: 2 MB (a draft contract of 100 articles of 2,000 characters is 0.6 MB).</summary>
    public const long Body = 2L << 20;

    /// <summary>An enterprise list to import (.csv or .xlsx): 10 MB.</summary>
    public const long Upload = 10L << 20;

    /// <summary>A printed contract to verify (PDF): 20 MB.</summary>
    public const long Pdf = 20L << 20;

    /// <summary>The refusal of a body over the limit of <paramref name="context"/>'s endpoint.</summary>
    public static string TooLarge(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
            ? $"请求内容过大：不能超过 {(limit >> 20).ToString(CultureInfo.InvariantCulture)} MB"
            : "请求内容过大";
}
