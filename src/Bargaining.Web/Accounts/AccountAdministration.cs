using Bargaining.Accounts;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Bargaining.Web.Accounts;

/// <summary>A new account as the administrator fills it in.</summary>
/// <param name="UserName">Sign-in name.</param>
/// <param name="DisplayName">The person's name.</param>
/// <param name="Role">The role.</param>
/// <param name="OrganisationId">The unit the role belongs to.</param>
/// <param name="CreditCode">For a union chair or employer representative, their enterprise's credit code.</param>
/// <param name="Password">Initial password, checked by the password rules.</param>
public sealed record NewAccount(string? UserName, string? DisplayName, Role Role, Guid OrganisationId, string? CreditCode, string? Password);

/// <summary>
/// Creates accounts for the administrator's page and the API alike: the organisation must exist, a party's
/// enterprise is found by its credit code in that organisation, and Identity's name and password rules apply. Every
/// refusal is a <see cref="DomainException"/> with the Chinese reasons.
/// </summary>
public sealed class AccountAdministration(UserManager<Account> users, IMediator mediator)
{
    /// <summary>Creates the account; <paramref name="createdBy"/> is the administrator's user id.</summary>
    public async Task<Account> CreateAsync(NewAccount request, string createdBy, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrWhiteSpace(request.DisplayName))
            throw Invalid("请填写用户名和姓名");
        if (request.UserName.Trim().Length > TextLimits.PersonName) throw Invalid($"用户名不能超过{TextLimits.PersonName}个字");
        if (request.DisplayName.Trim().Length > TextLimits.PersonName) throw Invalid($"姓名不能超过{TextLimits.PersonName}个字");
        if ((await mediator.Send(new OrganisationListQuery(), ct)).All(o => o.Id != request.OrganisationId))
            throw Invalid("请选择所属单位");
        Guid? enterprise = null;
        if (request.Role is Role.UnionChair or Role.EmployerRepresentative)
        {
            if (string.IsNullOrWhiteSpace(request.CreditCode)) throw Invalid("企业工会主席和企业方代表须填写所在企业的统一社会信用代码");
            var found = await mediator.Send(new EnterpriseByCreditCodeQuery(request.CreditCode), ct);
            if (found.OrganisationId != request.OrganisationId) throw Invalid($"“{found.Name}”不属于所选单位");
            enterprise = found.Id;
        }
        var account = new Account
        {
            UserName = request.UserName.Trim(), DisplayName = request.DisplayName.Trim(), Role = request.Role, OrganisationId = request.OrganisationId,
            EnterpriseId = enterprise, CreatedBy = createdBy,
        };
        var result = await users.CreateAsync(account, request.Password ?? "");
        if (!result.Succeeded)
            throw new DomainException(FailureKind.Validation, "account", string.Join("；", result.Errors.Select(e => e.Description)),
                new Dictionary<string, string[]> { ["account"] = [.. result.Errors.Select(e => e.Description)] });
        return account;
    }

    /// <summary>
    /// The instructor account county staff name for their enterprises (<see cref="AssignInstructorCommand"/>): it must
    /// exist, be an instructor's, and belong to the staff's own county; its name is the account's.
    /// </summary>
    public async Task<AssignInstructorCommand> AssignmentAsync(CurrentUser caller, IReadOnlyList<Guid> enterprises, string? instructorUserId)
    {
        var account = string.IsNullOrWhiteSpace(instructorUserId) ? null : await users.FindByIdAsync(instructorUserId.Trim());
        if (account is not { Role: Role.Instructor } || account.OrganisationId != caller.OrganisationId)
            throw new DomainException(FailureKind.Validation, "validation", "请选择本单位的集体协商指导员",
                new Dictionary<string, string[]> { [nameof(AssignInstructorCommand.InstructorUserId)] = ["请选择本单位的集体协商指导员"] });
        return new AssignInstructorCommand(enterprises, account.Id, account.DisplayName);
    }

    private static DomainException Invalid(string message) => new(FailureKind.Validation, "validation", message);
}
