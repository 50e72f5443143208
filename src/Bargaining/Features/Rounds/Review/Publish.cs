using System.Globalization;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Review;

/// <summary>The union chair records that the effective contract was announced to all workers (公布, Art 48).</summary>
public sealed record PublishCommand(Guid RoundId, DateOnly PublishedOn, string How) : IRequest<Unit>, IAuthorisedRequest
{
    /// <summary>The side that announces the contract: the union, which speaks to all workers.</summary>
    public const Side Publisher = Side.Worker;

    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Publisher, ct);
}

public sealed class PublishValidator : AbstractValidator<PublishCommand>
{
    public PublishValidator() => RuleFor(c => c.How).NotEmpty().WithMessage("请填写公布方式（如公告栏、内网），《集体合同规定》第四十八条").Within(TextLimits.Reason, "公布方式");
}

/// <summary>Handles <see cref="PublishCommand"/>: the publication and <c>publish</c>, from which the contract runs to the end of its term.</summary>
public sealed class PublishHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<PublishCommand, Unit>
{
    public async Task<Unit> Handle(PublishCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "公布合同", cancellationToken, Nodes.Effective);
        round.Review.Publish(request.PublishedOn, workflow.Today(round), request.How);
        await workflow.SignalAsync(round, Signals.Publish, PublishCommand.Publisher, users.Caller(), "公布合同", new JsonObject
        {
            ["publishedOn"] = request.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["publishedHow"] = round.Review.PublishedHow,
            // The contract expires by itself when its last day is over (ordinary-procedure.json, published).
            ["termEndsOn"] = round.Signing.TermEndsOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, cancellationToken);
        // Published, the contract is in force: the round no longer runs, as before the contract's life was tracked.
        round.Stop();
        return Unit.Value;
    }
}
