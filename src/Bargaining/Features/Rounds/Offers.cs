using System.Globalization;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Persistence;
using Bargaining.Workflows;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds;

/// <summary>Sending an offer, shared by <see cref="MakeOfferCommand"/> and a county's campaign launch.</summary>
public static class Offers
{
    /// <summary>
    /// Records the offer with its topics and sends <c>send-offer</c>. The offer counts as 集中要约 when today falls in
    /// the window of a campaign the enterprise's unit takes part in, as 分散要约 otherwise.
    /// </summary>
    public static async Task SendAsync(BargainingDbContext db, RoundWorkflow workflow, Round round, IReadOnlyList<TopicProposal> proposals, DateOnly receivedOn, int? representativesPerSide, CurrentUser user, CancellationToken ct)
    {
        var today = workflow.Today(round);
        var organisationId = await db.Enterprises.Where(e => e.Id == round.EnterpriseId).Select(e => e.OrganisationId).SingleAsync(ct);
        round.Offer.Make(workflow.Now, today, receivedOn, representativesPerSide, await CampaignAsync(db, organisationId, today, ct));
        var topics = await Topics.RaiseAsync(db, workflow, round, round.OfferingSide, proposals, user, ct);
        RecordReplyDue(round, await workflow.SignalAsync(round, Signals.SendOffer, round.OfferingSide, user, Action, Payload(receivedOn, topics), ct));
    }

    /// <summary>The offer's action, named in messages.</summary>
    public const string Action = "发出要约书";

    /// <summary>The campaign whose window holds <paramref name="today"/> and that <paramref name="organisationId"/> takes part in, if any: its offers are 集中要约.</summary>
    public static Task<Guid?> CampaignAsync(BargainingDbContext db, Guid organisationId, DateOnly today, CancellationToken ct) =>
        db.Campaigns
            .Where(c => c.StartsOn <= today && today <= c.EndsOn && c.Units.Any(u => u.OrganisationId == organisationId))
            .OrderBy(c => c.StartsOn).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    /// <summary>What <c>send-offer</c> carries: the day the offer was received and the topics.</summary>
    public static JsonObject Payload(DateOnly receivedOn, IEnumerable<Topic> topics) => new()
    {
        ["offerReceivedOn"] = Topics.Date(receivedOn),
        ["topics"] = Topics.ForJournal(topics),
    };

    /// <summary>The last day to reply, as the workflow counted it (Art 32; 《民法典》 Art 201–203): the offer letter prints it.</summary>
    public static void RecordReplyDue(Round round, WorkflowSnapshot snapshot)
    {
        if (snapshot.Steps.FirstOrDefault(s => NodeGroups.Reply.Contains(s.Node))?.LastDay is { } replyBy) round.Offer.ReplyDue(replyBy);
    }

    /// <summary>
    /// The employer's legal representative as named with its offer or response: its chief by office until the side
    /// names its representatives (Art 21), so its offer letter or response can name who speaks for it. Only the
    /// employer names it.
    /// </summary>
    public static void NameEmployerHead(Round round, Side acting, string? legalRepresentative)
    {
        if (string.IsNullOrWhiteSpace(legalRepresentative)) return;
        if (acting != Side.Employer)
            throw DomainException.Rule("offer.legal-representative", "企业法定代表人由企业方在要约书或回应书中填写");
        round.Representatives.NameLegalRepresentative(legalRepresentative);
    }
}
