using Bargaining.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Hosting;

/// <summary>
/// Expected failures as ProblemDetails (RFC 9457): validation 400, forbidden 403, not found 404, conflict 409, a
/// rule of the regulation 422 — each with the Chinese message a union officer reads and the stable code.
/// </summary>
public static class ProblemMapping
{
    /// <summary>Where the error page finds the message of the failure it shows (HttpContext.Items).</summary>
    public const string PageMessageKey = "bargaining.problem";

    /// <summary>The HTTP status of a failure kind.</summary>
    public static int Status(FailureKind kind) => kind switch
    {
        FailureKind.Validation => StatusCodes.Status400BadRequest,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.Rule => StatusCodes.Status422UnprocessableEntity,
        FailureKind.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The title of a status, in Chinese.</summary>
    public static string Title(int status) => status switch
    {
        400 => "请求有误",
        401 => "请先登录",
        403 => "无权进行此操作",
        404 => "未找到",
        405 => "不支持此请求方法",
        409 => "当前状态不允许此操作",
        413 => "请求内容过大",
        415 => "不支持此请求内容格式",
        422 => "不符合集体协商规定",
        503 => "系统繁忙",
        _ => "服务器内部错误",
    };

    /// <summary>Seconds a client waits before trying a busy request again (<c>Retry-After</c> of a 503).</summary>
    public const int RetryAfterSeconds = 2;

    /// <summary>Answers with <paramref name="status"/>; a 503 also says when to try again.</summary>
    public static void SetStatus(this HttpResponse response, int status)
    {
        response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The ProblemDetails of a domain failure.</summary>
    public static ProblemDetails ToProblem(this DomainException e)
    {
        var status = Status(e.Kind);
        ProblemDetails problem = e.Errors.Count > 0
            ? new ValidationProblemDetails(e.Errors.ToDictionary(k => k.Key, k => k.Value)) { Status = status }
            : new ProblemDetails { Status = status };
        problem.Title = Title(status);
        problem.Detail = e.Message;
        problem.Type = $"https://bargaining.example/errors/{e.Code}";
        problem.Extensions["code"] = e.Code;
        return problem;
    }

    /// <summary>A ProblemDetails for a plain status (401 and 403 from the authentication layer).</summary>
    public static ProblemDetails ForStatus(int status, string? detail = null) =>
        new() { Status = status, Title = Title(status), Detail = detail ?? Title(status) };
}

/// <summary>Turns exceptions that reach the top of a request into ProblemDetails (API) or an error page's status (pages).</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException e => e.ToProblem(),
            DbUpdateConcurrencyException => ProblemMapping.ForStatus(409, "数据已被他人修改，请刷新后重试"),
            // Kestrel's and the binder's own text (English, about the parser) is not passed on.
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ProblemMapping.ForStatus(413, RequestLimits.TooLarge(context)),
            BadHttpRequestException => ProblemMapping.ForStatus(400, "请求格式有误：请求内容不是有效的 JSON 或表单，或字段的类型不符"),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "unhandled error on {Path}", context.Request.Path);
            problem = ProblemMapping.ForStatus(500, "服务器内部错误，已记录日志");
        }
        context.Response.SetStatus(problem.Status!.Value);
        // A page answers with the status only; the status-code pages show the Chinese error page for it.
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Items[ProblemMapping.PageMessageKey] = problem.Detail;
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
