using System.Security.Cryptography;
using System.Text;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Bargaining.Web.Hosting;

/// <summary>
/// Idempotency keys on the way in: an API call's <c>Idempotency-Key</c> header, or the hidden key every form of the
/// pages carries (<see cref="IdempotencyKeyTagHelper"/>). A signed-in caller's state-changing request with a key gets
/// the key and the request's fingerprint handed to the command pipeline (<see cref="IdempotencyKeys"/>), which runs
/// the command once per account and key and answers every repeat with the first result.
/// </summary>
public static class RequestKeys
{
    /// <summary>The header an API client sends (any 1 to 100 visible ASCII characters; a UUID is a good choice).</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>The hidden form field the pages' forms carry.</summary>
    public const string FormField = "__IdempotencyKey";

    private const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The middleware: reads the key and fingerprints the request.</summary>
    public static async Task ReadAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (context.User.Identity?.IsAuthenticated == true
            && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
            && await KeyAsync(request) is { } key)
        {
            if (!IdempotencyKeys.IsWellFormed(key))
                throw new DomainException(FailureKind.Validation, "idempotency-key.invalid",
                    $"{Header} 须为 1 到 {IdempotencyKeys.MaxKeyLength} 个可见 ASCII 字符（建议使用 UUID）");
            context.RequestServices.GetRequiredService<IdempotencyKeys>().Pending = new RequestKey(key, await FingerprintAsync(request));
        }
        await next();
    }

    private static async Task<string?> KeyAsync(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var header)) return header.ToString();
        if (!request.HasFormContentType) return null;
        return (await FormAsync(request)).TryGetValue(FormField, out var field) ? field.ToString() : null;
    }

    // A body that says it is a form and is not one (a broken multipart body) is the client's error, answered 400 in
    // Chinese; a body over its size limit stays the server's 413.
    private static async Task<IFormCollection> FormAsync(HttpRequest request)
    {
        try { return await request.ReadFormAsync(); }
        catch (Exception e) when (e is InvalidDataException || e is IOException and not BadHttpRequestException)
        {
            throw new DomainException(FailureKind.Validation, "request.form", "请求格式有误：表单内容不完整或格式不对");
        }
    }

    /// <summary>
    /// SHA-256 of the method, path, query and body. A form counts by its fields (sorted, without the antiforgery token
    /// and the key) and its files' contents, not its bytes: a browser sends a new multipart boundary with every submission.
    /// </summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add(request.Method.ToUpperInvariant());
        Add(request.Path.Value ?? "");
        Add(request.QueryString.Value ?? "");
        if (request.HasFormContentType)
        {
            var form = await FormAsync(request);
            foreach (var (name, values) in form.Where(f => f.Key is not (AntiforgeryField or FormField)).OrderBy(f => f.Key, StringComparer.Ordinal))
                Add($"{name}={string.Join('\0', values.ToArray())}");
            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                await using var content = file.OpenReadStream();
                Add($"{file.Name}:{file.FileName}:{Convert.ToHexString(await SHA256.HashDataAsync(content))}");
            }
        }
        else
        {
            request.EnableBuffering();
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0) hash.AppendData(buffer, 0, read);
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>
/// Gives every form that posts a hidden idempotency key, new each time the page is rendered: a double click or the
/// browser sending the form again carries the same key, so the command runs once.
/// </summary>
[HtmlTargetElement("form")]
public sealed class IdempotencyKeyTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.AllAttributes.TryGetAttribute("method", out var method) && string.Equals(method.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{RequestKeys.FormField}\" value=\"{Guid.NewGuid():N}\" />");
    }
}
