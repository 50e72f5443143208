using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Rules;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Representatives;

/// <summary>
/// A side names its bargaining representatives (协商代表) and chief (首席代表), checked against Art 19–24 by
/// <see cref="Representatives"/>. The worker chief is by office the union chair and the employer chief the legal
/// representative (<see cref="LegalRepresentative"/>); anyone else needs the written <see cref="Delegation"/>.
/// </summary>
public sealed record NameRepresentativesCommand(Guid RoundId, Side Side, IReadOnlyList<Nominee> Members, string? Delegation = null, string? LegalRepresentative = null)
    : IRequest<Unit>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side, ct);
}

/// <summary>Checks the request's form; the rules of the regulation are in <see cref="Representatives"/>.</summary>
public sealed class NameRepresentativesValidator : AbstractValidator<NameRepresentativesCommand>
{
    public NameRepresentativesValidator()
    {
        RuleFor(c => c.Side).IsInEnum().WithMessage("请选择职工方或企业方");
        RuleFor(c => c.Members).NotEmpty().WithMessage("请填写协商代表名单");
        RuleForEach(c => c.Members).Must(m => !string.IsNullOrWhiteSpace(m.Name)).WithMessage("协商代表姓名不能为空");
        RuleForEach(c => c.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.Name).Within(TextLimits.PersonName, "协商代表姓名");
            m.RuleFor(x => x.IdNumber).Within(TextLimits.IdNumber, "身份证号码");
            m.RuleFor(x => x.Title).Within(TextLimits.Title, "职务");
        });
        RuleFor(c => c.Delegation).Within(TextLimits.Reason, "委托书说明");
        RuleFor(c => c.LegalRepresentative).NotEmpty().When(c => c.Side == Side.Employer).WithMessage("请填写企业法定代表人姓名").Within(TextLimits.PersonName, "法定代表人姓名");
    }
}

/// <summary>Handles <see cref="NameRepresentativesCommand"/>: the list, and the side's branch of <c>name-representatives</c>.</summary>
public sealed class NameRepresentativesHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<NameRepresentativesCommand, Unit>
{
    public async Task<Unit> Handle(NameRepresentativesCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        var named = await db.Representatives.Where(r => r.RoundId == round.Id).ToListAsync(cancellationToken);
        var existing = named.Where(r => r.Side == request.Side).ToList();
        if (existing.Count > 0)
        {
            var step = request.Side == Side.Worker ? Nodes.UnionRepresentatives : Nodes.EmployerRepresentatives;
            if (!(await workflow.StepsAsync(round, cancellationToken)).Any(s => s.Node == step))
                throw DomainException.Conflict("representatives.already-named", $"{request.Side.Chinese()}已确定协商代表；代表出缺的，应在{workflow.Profile(round).Duration(PeriodNames.VacancyDays).Chinese()}内另行产生（《集体合同规定》第三十一条）");
            // Back at naming after a coordination agreement: the side confirms or changes its list, which replaces the old one.
            db.Representatives.RemoveRange(existing);
        }
        var other = named.Where(r => r.Side != request.Side).Select(r => r.AsNominee()).ToList();
        var head = request.Side == Side.Worker
            ? await db.Enterprises.Where(e => e.Id == round.EnterpriseId).Select(e => e.ChairName).FirstOrDefaultAsync(cancellationToken)
            : request.LegalRepresentative;
        Rules.Representatives.Enforce(new Slate(request.Side, request.Members, head, request.Delegation), other, round.Offer.RepresentativesPerSide);

        if (request.Side == Side.Employer) round.Representatives.NameLegalRepresentative(request.LegalRepresentative!);
        var now = workflow.Now;
        db.Representatives.AddRange(request.Members.Select((m, i) => new Representative(round.Id, request.Side, m, request.Delegation, now, i + 1)));
        var chief = request.Members.Single(m => m.IsChief).Name;
        await workflow.SignalAsync(round, Signals.NameRepresentatives, request.Side, users.Caller(), "确定协商代表", new JsonObject
        {
            [request.Side == Side.Worker ? "workerChief" : "employerChief"] = chief,
            [request.Side == Side.Worker ? "workerRepresentatives" : "employerRepresentatives"] = request.Members.Count,
        }, cancellationToken);
        return Unit.Value;
    }
}
