using Bargaining.Domain;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Views;
using Bargaining.Web.Accounts;
using Bargaining.Web.Api.Rounds;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

/// <summary>
/// The chair puts the round's draft before the deputies (筹备在线上，表决在线下): publishes it for a period, hands out the
/// personal links (shown once), sees the comments by article with their counts and answers each.
/// </summary>
public sealed class ConsultationModel(IMediator mediator, Jurisdictions.JurisdictionCatalog jurisdictions, TimeProvider clock) : BargainingPage(mediator)
{
    /// <summary>The round.</summary>
    public RoundTimeline Round { get; private set; } = null!;

    /// <summary>The consultation on the current draft; null before it is published.</summary>
    public ConsultationView? Consultation { get; private set; }

    /// <summary>Links just made, shown on this answer only.</summary>
    public IReadOnlyList<CongressApi.DeputyLinkAddress> Links { get; private set; } = [];

    /// <summary>Today in China, the default first day.</summary>
    public DateOnly Today => jurisdictions.Default.Time.LocalDate(clock.GetUtcNow());

    /// <summary>An instant as China's clocks show it.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(jurisdictions.Default.Time.UtcOffset);

    /// <summary>Shows the consultation or the form to publish it.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id);
        return Page();
    }

    /// <summary>Publishes the draft and shows the links.</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id, DateOnly? opensOn, DateOnly? closesOn, bool includeMinutes, bool includeHistory)
    {
        IReadOnlyList<DeputyLink> links = [];
        if (await TryAsync(async () => links = await Mediator.Send(new PublishConsultationCommand(id, opensOn ?? default, closesOn ?? default, includeMinutes, includeHistory))))
        {
            Notice = $"已向{links.Count}名职工代表公布合同草案；请把下面的个人链接分别发给各位代表";
            Links = [.. links.Select(Address)];
        }
        await LoadAsync(id);
        return Page();
    }

    /// <summary>Links for the deputies added to the roster since the draft was published.</summary>
    public async Task<IActionResult> OnPostInviteAsync(Guid id)
    {
        IReadOnlyList<DeputyLink> links = [];
        if (await TryAsync(async () => links = await Mediator.Send(new InviteNewDeputiesCommand(id))))
        {
            Notice = $"已邀请{links.Count}名新增的职工代表；请把下面的个人链接分别发给他们";
            Links = [.. links.Select(Address)];
        }
        await LoadAsync(id);
        return Page();
    }

    /// <summary>A new link for one deputy.</summary>
    public async Task<IActionResult> OnPostReissueAsync(Guid id, Guid invitationId)
    {
        DeputyLink? link = null;
        if (await TryAsync(async () => link = await Mediator.Send(new ReissueDeputyLinkCommand(id, invitationId))))
        {
            Notice = $"已为{link!.Name}生成新的个人链接，原链接作废";
            Links = [Address(link)];
        }
        await LoadAsync(id);
        return Page();
    }

    /// <summary>Answers a comment.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid commentId, CommentHandling? handling, string? answer)
    {
        if (await TryAsync(() => Mediator.Send(new AnswerCommentCommand(id, commentId, handling, answer))))
        {
            Notice = "已答复，代表打开个人链接即可看到";
            return RedirectToPage(new { id });
        }
        await LoadAsync(id);
        return Page();
    }

    private CongressApi.DeputyLinkAddress Address(DeputyLink l) =>
        new(l.InvitationId, l.Name, l.Constituency, l.Contact, DeadlineFeeds.Absolute(Request, CongressApi.DeputyPath(l.Token)));

    private async Task LoadAsync(Guid id)
    {
        Round = await Mediator.Send(new RoundTimelineQuery(id));
        Consultation = await Mediator.Send(new ConsultationQuery(id));
    }
}
