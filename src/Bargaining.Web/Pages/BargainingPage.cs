using Bargaining.Accounts;
using Bargaining.Domain;
using Bargaining.Web.Accounts;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bargaining.Web.Pages;

/// <summary>
/// A page that sends commands: a refused command (<see cref="DomainException"/>) becomes a Chinese message on the
/// page, with the HTTP status of its kind, and the form keeps what the officer typed.
/// </summary>
public abstract class BargainingPage(IMediator mediator) : PageModel
{
    /// <summary>The mediator.</summary>
    protected IMediator Mediator { get; } = mediator;

    /// <summary>The signed-in caller (pages other than <c>/Account</c> and <c>/Verify</c> require one).</summary>
    protected CurrentUser Me => User.ToCurrentUser() ?? throw DomainException.Forbidden("请先登录");

    /// <summary>A success message carried over a redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Sends a command; on an expected failure records the message and answers false.</summary>
    protected async Task<bool> TryAsync(Func<Task> command)
    {
        try
        {
            await command();
            return true;
        }
        catch (DomainException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError(field, message);
            if (e.Errors.Count == 0) ModelState.AddModelError("", e.Message);
            Response.SetStatus(ProblemMapping.Status(e.Kind));
            return false;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "数据已被他人修改，请刷新页面后重试");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return false;
        }
    }

    /// <summary>
    /// A file chosen in a form, read for a command that keeps it (<see cref="Attachments"/>); null when none was chosen.
    /// A file over the limit is not read: its content stands in at one byte over, for the command to refuse with the limit.
    /// </summary>
    protected static async Task<AttachmentFile?> UploadedAsync(IFormFile? file)
    {
        if (file is not { Length: > 0 }) return null;
        if (file.Length > Attachments.MaxBytes) return new AttachmentFile(new byte[Attachments.MaxBytes + 1], file.ContentType, file.FileName);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        return new AttachmentFile(buffer.ToArray(), file.ContentType, file.FileName);
    }
}
