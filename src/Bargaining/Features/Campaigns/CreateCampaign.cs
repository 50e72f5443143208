using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Campaigns;

/// <summary>
/// The city union launches an offer campaign (集中要约行动): its window (both ends included), the units taking part
/// and the targets it ranks them against.
/// </summary>
public sealed record CreateCampaignCommand(
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<Guid> OrganisationIds,
    decimal OfferRateTarget,
    decimal SigningRateTarget,
    int WorkersCoveredTarget) : IRequest<Guid>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以发起集中要约行动");
}

public sealed class CreateCampaignValidator : AbstractValidator<CreateCampaignCommand>
{
    public CreateCampaignValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写行动名称").Within(TextLimits.Line, "行动名称");
        RuleFor(c => c.EndsOn).GreaterThan(c => c.StartsOn).WithMessage("行动结束日期应晚于开始日期");
        RuleFor(c => c.OrganisationIds).NotEmpty().WithMessage("请至少选择一个参加行动的县级总工会或市直单位");
        RuleFor(c => c.OfferRateTarget).InclusiveBetween(0, 100).WithMessage("要约率目标应在0%至100%之间");
        RuleFor(c => c.SigningRateTarget).InclusiveBetween(0, 100).WithMessage("签订率目标应在0%至100%之间");
        RuleFor(c => c.WorkersCoveredTarget).GreaterThanOrEqualTo(0).WithMessage("覆盖职工数目标不能为负数");
    }
}

/// <summary>Handles <see cref="CreateCampaignCommand"/>: every unit must be a county-level union or a city-direct unit.</summary>
public sealed class CreateCampaignHandler(BargainingDbContext db, TimeProvider clock) : IRequestHandler<CreateCampaignCommand, Guid>
{
    public async Task<Guid> Handle(CreateCampaignCommand request, CancellationToken cancellationToken)
    {
        var ids = request.OrganisationIds.Distinct().ToList();
        var units = await db.Organisations.Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        if (units.Count != ids.Count) throw DomainException.NotFound("所选参加单位");
        if (units.FirstOrDefault(o => o.Kind == OrganisationKind.City) is { } city)
            throw DomainException.Rule("campaign.unit", $"“{city.Name}”是行动发起单位，参加单位应为县级总工会或市直单位");
        var campaign = new Campaign(request.Name, request.StartsOn, request.EndsOn, ids, request.OfferRateTarget, request.SigningRateTarget,
            request.WorkersCoveredTarget, clock.GetUtcNow());
        db.Campaigns.Add(campaign);
        return campaign.Id;
    }
}
