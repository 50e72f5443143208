using System.Globalization;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds;

/// <summary>
/// A topic as the offer or the response puts it: an Art 8 code (or <c>custom</c> with a title) and the proposed
/// clause with an optional number, such as a wage rise of 6 %. A title under an Art 8 code names a narrower item.
/// </summary>
public sealed record TopicProposal(string Code, string Clause, decimal? Number = null, string? Unit = null, string? Title = null)
{
    public Term Term => new(Clause, Number, Unit);
}

/// <summary>One proposed topic: a known code, a clause, and a unit with every number.</summary>
public sealed class TopicProposalValidator : AbstractValidator<TopicProposal>
{
    public TopicProposalValidator()
    {
        RuleFor(t => t.Code).Must(TopicCatalog.IsKnown).WithMessage(t => $"议题代码“{t.Code}”不在《集体合同规定》第八条所列范围内，请选择“custom”并填写名称");
        RuleFor(t => t.Title).NotEmpty().When(t => t.Code == TopicCatalog.Custom).WithMessage("自定义议题必须填写名称").Within(TextLimits.Line, "议题名称");
        RuleFor(t => t.Clause).NotEmpty().WithMessage("请填写议题的条款内容").Within(TextLimits.Clause, "条款内容");
        RuleFor(t => t.Unit).NotEmpty().When(t => t.Number is not null).WithMessage("填写数值时必须注明单位（如 %、元/月）").Within(TextLimits.Unit, "单位");
    }
}

/// <summary>Raising topics, shared by the offer, the response and proposals at the table.</summary>
public static class Topics
{
    /// <summary>True when no topic is raised twice.</summary>
    public static bool AreDistinct(IReadOnlyList<TopicProposal>? topics) =>
        topics is null || topics.Select(t => (t.Code, Topic.TitleOf(t.Code, t.Title))).Distinct().Count() == topics.Count;

    /// <summary>
    /// Raises <paramref name="proposals"/> for <paramref name="side"/>: refuses a topic the round already has, a
    /// wage below the local minimum (LCL Art 55) and, in a change, a topic outside the articles concerned (Art 41).
    /// </summary>
    public static async Task<IReadOnlyList<Topic>> RaiseAsync(BargainingDbContext db, RoundWorkflow workflow, Round round, Side side, IEnumerable<TopicProposal> proposals, CurrentUser user, CancellationToken ct)
    {
        var existing = await db.Topics.Where(t => t.RoundId == round.Id).Select(t => new { t.Code, t.Title }).ToListAsync(ct);
        var raised = New(workflow, round, side, proposals, user, existing.Select(e => (e.Code, e.Title)).ToList());
        if (round.Change.AmendsRoundId is not null) await Change.ContractVersions.EnsureConcernedAsync(db, round, raised, ct);
        db.Topics.AddRange(raised);
        return raised;
    }

    /// <summary>
    /// The topics <see cref="RaiseAsync"/> raises, not yet added: refuses one among <paramref name="existing"/> (code
    /// and title) and a wage below the local minimum. A new round (a bulk launch) has none.
    /// </summary>
    public static IReadOnlyList<Topic> New(RoundWorkflow workflow, Round round, Side side, IEnumerable<TopicProposal> proposals, CurrentUser user, IReadOnlyCollection<(string Code, string Title)> existing)
    {
        var raised = new List<Topic>();
        foreach (var proposal in proposals)
        {
            EnsureAboveFloor(workflow, round, proposal.Code, proposal.Term);
            var topic = new Topic(round.Id, proposal.Code, proposal.Title, side, proposal.Term, workflow.Now, RoundWorkflow.Actor(user));
            if (existing.Contains((topic.Code, topic.Title)))
                throw DomainException.Conflict("topic.exists", $"议题“{topic.Title}”已经提出，请在该议题下提出新的意见");
            raised.Add(topic);
        }
        return raised;
    }

    /// <summary>Refuses a pay term below the jurisdiction's minimum wage (《劳动合同法》第五十五条).</summary>
    public static void EnsureAboveFloor(RoundWorkflow workflow, Round round, string code, Term term)
    {
        if (workflow.Profile(round).MinimumWage?.Problem(code, term) is { } problem) throw DomainException.Rule("wage.below-minimum", problem);
    }

    /// <summary>Topics as raised; those raised together in the order of Art 8's list, the parties' own after them.</summary>
    public static List<Topic> InOrder(IEnumerable<Topic> topics)
    {
        var article8 = TopicCatalog.Article8.Keys.ToList();
        return [.. topics.OrderBy(t => t.Positions.Min(p => p.At))
            .ThenBy(t => article8.IndexOf(t.Code) is var i and >= 0 ? i : article8.Count).ThenBy(t => t.Title, StringComparer.Ordinal)];
    }

    /// <summary>The topics as the workflow journals them: codes and titles.</summary>
    public static JsonArray ForJournal(IEnumerable<Topic> topics) => [.. topics.Select(t => (JsonNode)new JsonObject { ["code"] = t.Code, ["title"] = t.Title })];

    /// <summary>yyyy-MM-dd, as the definitions read dates.</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
