using Bargaining.Domain;
using Bargaining.Features.Rounds.Congress;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages;

/// <summary>
/// What a deputy's personal link opens, without signing in, on a phone: the draft article by article with a comment box
/// each while the consultation is open, and the chair's answers. A wrong or replaced link is 404.
/// </summary>
public sealed class DeputyModel(IMediator mediator) : BargainingPage(mediator)
{
    /// <summary>The draft as this deputy sees it.</summary>
    public DeputyConsultationView View { get; private set; } = null!;

    /// <summary>Opens the draft (the first opening is recorded as reading it).</summary>
    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    /// <summary>Leaves a comment on one article.</summary>
    public async Task<IActionResult> OnPostCommentAsync(string token, int sequence, string? text)
    {
        if (await TryAsync(() => Mediator.Send(new CommentOnDraftCommand(token, sequence, text))))
        {
            Notice = $"您对第{sequence}条的意见已提交，工会答复后会显示在该条下方";
            return Redirect($"/Deputy/{token}#article-{sequence}");
        }
        if (Response.StatusCode == StatusCodes.Status404NotFound) return NotFound();
        var status = Response.StatusCode;
        if (!await LoadAsync(token)) return NotFound();
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string token)
    {
        try
        {
            View = await Mediator.Send(new OpenConsultationCommand(token));
            return true;
        }
        catch (DomainException e) when (e.Kind == FailureKind.NotFound)
        {
            return false;
        }
    }
}
