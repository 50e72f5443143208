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
/// </summary>
public sealed record LaunchCampaignOffersCommand(
    IReadOnlyList<Guid> EnterpriseIds,
    RoundKind Kind,
    IReadOnlyList<TopicProposal> Topics,
    DateOnly ReceivedOn,
    int? RepresentativesPerSide = null,
    string? Jurisdiction = null) : IRequest<LaunchReport>, IAuthorisedRequest
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
/// Handles <see cref="LaunchCampaignOffersCommand"/>. The command's transaction holds a savepoint per enterprise:
/// an enterprise's round, topics and workflow are written together or rolled back to its savepoint, and the
/// launched ones commit with the command. Each enterprise's savepoint is released and its entities let go once it is
/// done, so the next costs the same: SQLite checks every open savepoint on each page it writes, and EF every tracked
/// entity on each save — kept, both made a county's launch slower per enterprise the more it launched.
/// </summary>
public sealed class LaunchCampaignOffersHandler(BargainingDbContext db, RoundWorkflow workflow, Jurisdictions.JurisdictionCatalog jurisdictions, ICurrentUserAccessor users) : IRequestHandler<LaunchCampaignOffersCommand, LaunchReport>
{
    public async Task<LaunchReport> Handle(LaunchCampaignOffersCommand request, CancellationToken cancellationToken)
    {
        var user = users.Caller();
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("the launch runs inside the command's transaction");
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => request.EnterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var launched = new List<LaunchedOffer>();
        var refused = new List<RefusedOffer>();
        var units = new Dictionary<Guid, (Organisation, JurisdictionProfile?)>(); // a county's enterprises share a unit: look it up once
        foreach (var id in request.EnterpriseIds)
        {
            var enterprise = enterprises[id];
            var savepoint = $"launch_{launched.Count + refused.Count}";
            await transaction.CreateSavepointAsync(savepoint, cancellationToken);
            try
            {
                var round = await LaunchAsync(enterprise, request, user, units, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                launched.Add(new LaunchedOffer(id, enterprise.Name, round.Id, round.Offer.Mode!.Value));
            }
            catch (DomainException e)
            {
                await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                refused.Add(new RefusedOffer(id, enterprise.Name, e.Code, e.Message));
            }
            await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
            db.ChangeTracker.Clear();
        }
        return new LaunchReport(launched, refused);
    }

    private async Task<Round> LaunchAsync(Enterprise enterprise, LaunchCampaignOffersCommand request, CurrentUser user,
        Dictionary<Guid, (Organisation, JurisdictionProfile?)> units, CancellationToken ct)
    {
        // The enterprise union makes the offer (Art 32); without a union there is nobody to make it for the workers.
        if (enterprise.UnionName is null)
            throw DomainException.Rule("launch.no-union", "该企业尚未建立工会，无法由工会发出要约");
        var jurisdiction = await RoundJurisdictions.ResolveAsync(db, jurisdictions, enterprise, request.Jurisdiction, ct, units);
        var round = new Round(enterprise.Id, request.Kind, Procedure.Ordinary, jurisdiction, Side.Worker, workflow.Now);
        await RunningRounds.EnsureNoneAsync(db, workflow, enterprise, request.Kind, "launch.round-running", ct);
        await RunningRounds.AddAsync(db, enterprise, round, "launch.round-running", ct);
        await workflow.StartAsync(round, enterprise, user, ct);
        await Offers.SendAsync(db, workflow, round, request.Topics, request.ReceivedOn, request.RepresentativesPerSide, user, ct);
        return round;
    }
}
