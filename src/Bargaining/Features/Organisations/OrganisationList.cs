using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Organisations;

/// <summary>The city union and its units, for selects and the account administration.</summary>
public sealed record OrganisationListQuery : IQuery<IReadOnlyList<OrganisationRow>>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>An organisation, with the labour-administration department that receives its enterprises' filings.</summary>
public sealed record OrganisationRow(Guid Id, string Code, string Name, OrganisationKind Kind, string? LabourAuthority = null, string? FilingAbbreviation = null);

/// <summary>Handles <see cref="OrganisationListQuery"/>: the city first, then its units by code.</summary>
public sealed class OrganisationListHandler(BargainingDbContext db) : IRequestHandler<OrganisationListQuery, IReadOnlyList<OrganisationRow>>
{
    public async Task<IReadOnlyList<OrganisationRow>> Handle(OrganisationListQuery request, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Code)
            .Select(o => new OrganisationRow(o.Id, o.Code, o.Name, o.Kind, o.LabourAuthority, o.FilingAbbreviation)).ToListAsync(cancellationToken);
}

/// <summary>An enterprise by its unified social credit code (统一社会信用代码), e.g. to bind an account to it.</summary>
public sealed record EnterpriseByCreditCodeQuery(string CreditCode) : IQuery<EnterpriseRef>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) =>
        user.Role is Role.CityAdministrator or Role.CountyStaff ? Task.CompletedTask : throw DomainException.Forbidden("只有市、县级工会可以按信用代码查找企业");
}

/// <summary>An enterprise's id, name and organisation.</summary>
public sealed record EnterpriseRef(Guid Id, string Name, Guid OrganisationId);

public sealed class EnterpriseByCreditCodeValidator : AbstractValidator<EnterpriseByCreditCodeQuery>
{
    public EnterpriseByCreditCodeValidator() =>
        RuleFor(q => q.CreditCode).Must(code => Problem(code) is null).WithMessage(q => Problem(q.CreditCode)!);

    private static string? Problem(string? code) => CreditCode.Problem(code?.Trim().ToUpperInvariant());
}

/// <summary>Handles <see cref="EnterpriseByCreditCodeQuery"/>; county staff find only their own county's enterprises.</summary>
public sealed class EnterpriseByCreditCodeHandler(BargainingDbContext db, ICurrentUserAccessor users) : IRequestHandler<EnterpriseByCreditCodeQuery, EnterpriseRef>
{
    public async Task<EnterpriseRef> Handle(EnterpriseByCreditCodeQuery request, CancellationToken cancellationToken)
    {
        var code = request.CreditCode.Trim().ToUpperInvariant();
        var found = await db.Enterprises.AsNoTracking().Where(e => e.CreditCode == code)
            .Select(e => new EnterpriseRef(e.Id, e.Name, e.OrganisationId)).FirstOrDefaultAsync(cancellationToken) ?? throw DomainException.NotFound($"信用代码为 {code} 的企业");
        var user = users.Caller();
        if (user.Role == Role.CountyStaff && found.OrganisationId != user.OrganisationId) throw DomainException.Forbidden($"“{found.Name}”不属于本单位");
        return found;
    }
}
