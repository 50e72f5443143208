using Bargaining.Documents.Printing;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Campaigns;

/// <summary>
/// A county-level union launches the offers of many of its enterprises at once (集中要约, often on one day): for
/// each, a round is started and the enterprise union's offer sent with the same topics. Each enterprise stands on
/// its own: one refused (no union, a round already under way, a rule broken) does not hold back the others.
/// <c>Progress</c> (not part of the request's body) hears after each batch is written.
/// </summary>
public sealed record LaunchCampaignOffersCommand(
    IReadOnlyList<Guid> EnterpriseIds,
    RoundKind Kind,
    IReadOnlyList<TopicProposal> Topics,
    DateOnly ReceivedOn,
    int? RepresentativesPerSide = null,
    string? Jurisdiction = null,
    [property: System.Text.Json.Serialization.JsonIgnore] IProgress<BatchProgress>? Progress = null) : IRequest<LaunchReport>, IAuthorisedRequest
{
    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        if (user.Role != Role.CountyStaff) throw DomainException.Forbidden("只有县级总工会工作人员可以批量发出要约");
        // Authorised before validated: the list may be missing. Other units' enterprises are counted, never named.
        var ids = (EnterpriseIds ?? []).Distinct().ToList();
        var found = await db.Enterprises.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.OrganisationId }).ToListAsync(ct);
        if (found.Count != ids.Count) throw DomainException.NotFound("所选企业");
        var others = found.Count(e => e.OrganisationId != user.OrganisationId);
        if (others > 0) throw DomainException.Forbidden($"您只能为本县（市、区）的企业发出要约：所选企业中有 {others} 家不属于本单位");
    }
}

/// <summary>What a launch did: the rounds started and the enterprises refused, each with its reason.</summary>
public sealed record LaunchReport(IReadOnlyList<LaunchedOffer> Launched, IReadOnlyList<RefusedOffer> Refused);

/// <summary>An enterprise whose round was started and offer sent.</summary>
public sealed record LaunchedOffer(Guid EnterpriseId, string Enterprise, Guid RoundId, OfferMode Mode);

/// <summary>An enterprise left out, with the refusal's code and message.</summary>
public sealed record RefusedOffer(Guid EnterpriseId, string Enterprise, string Code, string Reason);

public sealed class LaunchCampaignOffersValidator : AbstractValidator<LaunchCampaignOffersCommand>
{
    public LaunchCampaignOffersValidator(Jurisdictions.JurisdictionCatalog jurisdictions)
    {
        RuleFor(c => c.Jurisdiction).Must(j => j is null || jurisdictions.Profiles.ContainsKey(j))
            .WithMessage(c => $"未配置地区规则“{c.Jurisdiction}”，可选：{string.Join("、", jurisdictions.Profiles.Keys)}");
        RuleFor(c => c.EnterpriseIds).NotEmpty().WithMessage("请至少选择一家企业");
        RuleFor(c => c.EnterpriseIds).Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("同一企业不能重复选择");
        RuleFor(c => c.Kind).IsInEnum().WithMessage("协商类型无效");
        RuleFor(c => c.Topics).NotEmpty().WithMessage("要约书至少应提出一项协商议题（《集体合同规定》第八条）");
        RuleForEach(c => c.Topics).SetValidator(new TopicProposalValidator());
        RuleFor(c => c.Topics).Must(Rounds.Topics.AreDistinct).WithMessage("同一议题不能重复提出");
        RuleFor(c => c.ReceivedOn).NotEmpty().WithMessage("请填写对方收到要约书的日期");
    }
}

/// <summary>
/// Handles <see cref="LaunchCampaignOffersCommand"/> as a set operation, <see cref="Batch"/> enterprises at a time.
/// Each enterprise of a batch is checked first (no union, another jurisdiction, a round of the kind running, a rule
/// of the offer broken) and a refused one is reported with its reason; the others' rounds, topics, workflow
/// instances, journals and timers are built in memory and saved with their summaries in one <c>SaveChanges</c> under
/// a savepoint, so a batch is written whole or not at all. The journals are those of starting each round and sending
/// its offer one by one (<c>LargeLaunchTests</c> compares them entry by entry). Per enterprise, a start and an offer
/// cost four saves and a dozen queries; per batch, one save and a few queries.
/// </summary>
public sealed class LaunchCampaignOffersHandler(BargainingDbContext db, RoundWorkflow workflow, Jurisdictions.JurisdictionCatalog jurisdictions, ICurrentUserAccessor users) : IRequestHandler<LaunchCampaignOffersCommand, LaunchReport>
{
    /// <summary>Enterprises written per save: enough that the save's fixed cost vanishes, few enough that EF's change tracking stays cheap.</summary>
    public const int Batch = 200;

    /// <summary>How often a batch is tried again when a round of one of its enterprises was started meanwhile (it is then refused, in Chinese).</summary>
    private const int Attempts = 3;

    private const string RoundRunning = "launch.round-running";

    private readonly Dictionary<Guid, (Organisation, JurisdictionProfile?)> _units = []; // a county's enterprises share a unit: look it up once
    private readonly Dictionary<(Guid Unit, DateOnly Day), Guid?> _campaigns = [];

    public async Task<LaunchReport> Handle(LaunchCampaignOffersCommand request, CancellationToken cancellationToken)
    {
        var user = users.Caller();
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("the launch runs inside the command's transaction");
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => request.EnterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var launched = new List<LaunchedOffer>();
        var refused = new List<RefusedOffer>();
        foreach (var batch in request.EnterpriseIds.Chunk(Batch))
        {
            for (var attempt = 1; ; attempt++)
            {
                await transaction.CreateSavepointAsync("launch_batch", cancellationToken);
                var (rounds, refusals) = await PrepareAsync([.. batch.Select(id => enterprises[id])], request, user, cancellationToken);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (RunningRounds.IsRunningIndex(e) && attempt < Attempts)
                {
                    // Another request started a round of one of them meanwhile: check the batch again, now seeing it.
                    await transaction.RollbackToSavepointAsync("launch_batch", cancellationToken);
                    continue;
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
                await transaction.ReleaseSavepointAsync("launch_batch", cancellationToken);
                launched.AddRange(rounds.Select(r => new LaunchedOffer(r.EnterpriseId, enterprises[r.EnterpriseId].Name, r.Id, r.Offer.Mode!.Value)));
                refused.AddRange(refusals);
                break;
            }
            request.Progress?.Report(new BatchProgress(launched.Count + refused.Count, request.EnterpriseIds.Count, $"已发出要约 {launched.Count} 家，未发出 {refused.Count} 家"));
        }
        return new LaunchReport(launched, refused);
    }

    /// <summary>Checks each enterprise of a batch and adds the rounds of those that may be launched, unsaved.</summary>
    private async Task<(List<Round> Rounds, List<RefusedOffer> Refused)> PrepareAsync(IReadOnlyList<Enterprise> batch, LaunchCampaignOffersCommand request, CurrentUser user, CancellationToken ct)
    {
        var running = await RunningRounds.OfAsync(db, [.. batch.Select(e => e.Id)], request.Kind, ct);
        var rounds = new List<Round>();
        var refused = new List<RefusedOffer>();
        foreach (var enterprise in batch)
        {
            try
            {
                rounds.Add(await PrepareAsync(enterprise, running.GetValueOrDefault(enterprise.Id), request, user, ct));
            }
            catch (DomainException e)
            {
                refused.Add(new RefusedOffer(enterprise.Id, enterprise.Name, e.Code, e.Message));
            }
        }
        return (rounds, refused);
    }

    /// <summary>
    /// One enterprise's round with its offer sent, added to the context unsaved; refused as a <see cref="DomainException"/>
    /// before anything is added. The checks and their order are those of starting a round and making its offer.
    /// </summary>
    private async Task<Round> PrepareAsync(Enterprise enterprise, Round? running, LaunchCampaignOffersCommand request, CurrentUser user, CancellationToken ct)
    {
        // The enterprise union makes the offer (Art 32); without a union there is nobody to make it for the workers.
        if (enterprise.UnionName is null)
            throw DomainException.Rule("launch.no-union", "该企业尚未建立工会，无法由工会发出要约");
        var jurisdiction = await RoundJurisdictions.ResolveAsync(db, jurisdictions, enterprise, request.Jurisdiction, ct, _units);
        var round = new Round(enterprise.Id, request.Kind, Procedure.Ordinary, jurisdiction, Side.Worker, workflow.Now);
        if (running is not null) throw await RunningRounds.RefusalAsync(workflow, enterprise, running, RoundRunning, ct);
        var today = workflow.Today(round);
        if (!_campaigns.TryGetValue((enterprise.OrganisationId, today), out var campaignId))
            _campaigns[(enterprise.OrganisationId, today)] = campaignId = await Offers.CampaignAsync(db, enterprise.OrganisationId, today, ct);
        round.Offer.Make(workflow.Now, today, request.ReceivedOn, request.RepresentativesPerSide, campaignId);
        var topics = Topics.New(workflow, round, round.OfferingSide, request.Topics, user, []);
        var snapshot = await workflow.StartUnsavedAsync(round, enterprise, user, Signals.SendOffer, Offers.Action, Offers.Payload(request.ReceivedOn, topics), ct);
        Offers.RecordReplyDue(round, snapshot);
        db.Rounds.Add(round);
        db.Topics.AddRange(topics);
        return round;
    }
}
