using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;

namespace Bargaining.Features.Organisations;

/// <summary>
/// The city union sets, for a county-level union or city-direct unit, the labour-administration department that
/// receives its enterprises' collective contracts (Art 42–44) and the abbreviation of that department's filing
/// numbers, e.g. 盐城市亭湖区人力资源和社会保障局 and 亭人社集备 (亭人社集备〔2026〕第0012号).
/// </summary>
public sealed record SetLabourAuthorityCommand(Guid OrganisationId, string Name, string Abbreviation) : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role == Role.CityAdministrator ? Task.CompletedTask : throw DomainException.Forbidden("只有市总工会可以设置受理集体合同审查的劳动保障行政部门");
}

public sealed class SetLabourAuthorityValidator : AbstractValidator<SetLabourAuthorityCommand>
{
    public SetLabourAuthorityValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写劳动保障行政部门的全称，如“盐城市亭湖区人力资源和社会保障局”")
            .MaximumLength(100).WithMessage("部门名称不能超过100个字");
        RuleFor(c => c.Abbreviation).NotEmpty().WithMessage("请填写备案编号所用的简称，如“亭人社集备”")
            .MaximumLength(10).WithMessage("备案编号简称不能超过10个字")
            .Must(a => a is null || !a.Any(c => c is '〔' or '〕' or '[' or ']' or '第' or '号' || char.IsWhiteSpace(c) || char.IsDigit(c)))
            .WithMessage("备案编号简称只写部门简称（如“亭人社集备”），年份、序号和括号由系统生成");
    }
}

/// <summary>Handles <see cref="SetLabourAuthorityCommand"/>.</summary>
public sealed class SetLabourAuthorityHandler(BargainingDbContext db) : IRequestHandler<SetLabourAuthorityCommand, Unit>
{
    public async Task<Unit> Handle(SetLabourAuthorityCommand request, CancellationToken cancellationToken)
    {
        var unit = await db.Organisations.FindAsync([request.OrganisationId], cancellationToken) ?? throw DomainException.NotFound("所选单位");
        if (unit.Kind == Domain.OrganisationKind.City)
            throw DomainException.Rule("authority.city", "集体合同由县级劳动保障行政部门或市直单位对应的部门受理，请为县级工会或市直单位设置");
        unit.SetLabourAuthority(request.Name, request.Abbreviation);
        return Unit.Value;
    }
}
