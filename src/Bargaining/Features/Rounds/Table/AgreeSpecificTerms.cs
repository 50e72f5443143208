using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Table;

/// <summary>
/// At the table a side records the specific terms both chiefs agreed for the draft (<see cref="SpecificTerms"/>):
/// the high-temperature allowance and its months, and for an industry or regional contract the industry or area and
/// the enterprises it binds (LCL Art 53–54). A contract that must state them cannot be concluded without them, so
/// the congress votes on them and the contract and filing form print them.
/// </summary>
public sealed record AgreeSpecificTermsCommand(Guid RoundId, Side Side, HeatAllowanceInput? Heat = null, CoverageInput? Coverage = null)
    : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>The high-temperature allowance (高温津贴): yuan a month, paid from one month to another of each year.</summary>
public sealed record HeatAllowanceInput(decimal AllowancePerMonth, int FromMonth, int ToMonth);

/// <summary>The industry or area an industry or regional contract covers and the enterprises it binds.</summary>
public sealed record CoverageInput(string Scope, IReadOnlyList<BoundEnterpriseInput> Enterprises);

/// <summary>An enterprise the contract binds, with its workers.</summary>
public sealed record BoundEnterpriseInput(string Name, int Workers);

/// <summary>Checks the request's form; which terms a kind takes is judged in the handler.</summary>
public sealed class AgreeSpecificTermsValidator : AbstractValidator<AgreeSpecificTermsCommand>
{
    public AgreeSpecificTermsValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c).Must(c => c.Heat is not null || c.Coverage is not null).OverridePropertyName("Terms")
            .WithMessage("请填写双方商定的高温津贴标准，或行业性、区域性集体合同的覆盖范围和企业名单");
        When(c => c.Heat is not null, () =>
        {
            RuleFor(c => c.Heat!.AllowancePerMonth).GreaterThan(0).WithMessage("高温津贴标准应大于0元/月");
            RuleFor(c => c.Heat!.FromMonth).InclusiveBetween(1, 12).WithMessage("高温津贴发放起始月份应为1至12月");
            RuleFor(c => c.Heat!.ToMonth).InclusiveBetween(1, 12).WithMessage("高温津贴发放终止月份应为1至12月");
            RuleFor(c => c.Heat!).Must(h => h.FromMonth <= h.ToMonth).OverridePropertyName("Heat.ToMonth")
                .WithMessage("高温津贴发放终止月份不能早于起始月份");
        });
        When(c => c.Coverage is not null, () =>
        {
            RuleFor(c => c.Coverage!.Scope).NotEmpty().WithMessage("请填写合同覆盖的行业或区域，如：东台市餐饮行业（《劳动合同法》第五十三条）")
                .MaximumLength(200).WithMessage("覆盖范围不超过200字");
            RuleFor(c => c.Coverage!.Enterprises).NotEmpty().WithMessage("请列明合同约束的企业（《劳动合同法》第五十四条）");
            RuleForEach(c => c.Coverage!.Enterprises).ChildRules(e =>
            {
                e.RuleFor(x => x.Name).NotEmpty().WithMessage("企业名称不能为空").MaximumLength(200).WithMessage("企业名称不超过200字");
                e.RuleFor(x => x.Workers).GreaterThan(0).WithMessage("企业职工人数应大于0");
            });
            RuleFor(c => c.Coverage!.Enterprises).Must(l => l.Select(e => e.Name.Trim()).Distinct().Count() == l.Count)
                .WithMessage("同一企业不能重复列入名单");
        });
    }
}

/// <summary>Handles <see cref="AgreeSpecificTermsCommand"/>.</summary>
public sealed class AgreeSpecificTermsHandler(BargainingDbContext db, RoundWorkflow workflow) : IRequestHandler<AgreeSpecificTermsCommand, Unit>
{
    public async Task<Unit> Handle(AgreeSpecificTermsCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        if (round.Procedure == Procedure.Simplified)
            throw DomainException.Rule("specific-terms.simplified", "简易程序以当场签署的会议纪要或备忘录结束，不订立集体合同文本");
        await workflow.EnsureAtAsync(round, "约定合同的专项条款（应在形成草案前约定）", cancellationToken, Nodes.Bargaining);
        if (request.Coverage is not null && round.Kind is not (RoundKind.Industry or RoundKind.Regional))
            throw DomainException.Rule("specific-terms.coverage-kind", $"只有行业性、区域性集体合同载明覆盖范围和约束的企业名单（《劳动合同法》第五十三条），{round.Kind.Chinese()}不适用");
        // The wage and women-workers templates have no place for it: it would be agreed and never printed.
        if (request.Heat is not null && round.Kind is RoundKind.Wage or RoundKind.WomenWorkers)
            throw DomainException.Rule("specific-terms.heat-kind", $"{round.Kind.Chinese()}不载明高温津贴；高温津贴在综合、劳动安全卫生、高温作业劳动保护专项或行业性、区域性集体合同中约定");
        var terms = await db.SpecificTerms.FirstOrDefaultAsync(t => t.RoundId == round.Id, cancellationToken);
        if (terms is null) db.SpecificTerms.Add(terms = new SpecificTerms(round.Id));
        if (request.Heat is { } heat) terms.AgreeHeat(heat.AllowancePerMonth, heat.FromMonth, heat.ToMonth, workflow.Now);
        if (request.Coverage is { } coverage) terms.AgreeCoverage(coverage.Scope, coverage.Enterprises.Select(e => (e.Name, e.Workers)), workflow.Now);
        return Unit.Value;
    }
}
