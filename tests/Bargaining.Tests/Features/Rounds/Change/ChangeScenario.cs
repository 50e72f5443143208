using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Change;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Features.Rounds.Change;

/// <summary>
/// An effective wage contract of two clauses (a 6 % rise, 5 days' annual leave), filed on 2 March 2026 and effective
/// on 18 March, and the steps that take a change of it (变更, Art 39–41) through the ordinary procedure.
/// </summary>
public abstract class ChangeScenario : RoundScenario
{
    protected static TopicProposal Leave(int days) => new("rest-leave", $"职工享受带薪年休假{days}天", days, "天");

    /// <summary>The two-clause contract, effective on 18 March 2026.</summary>
    protected async Task<Guid> EffectiveContractAsync()
    {
        var round = await StartAsync();
        await Host.SendAsync(new MakeOfferCommand(round, [WageRise(6), Leave(5)], Today, 3), Chair);
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true), Employer);
        await BargainedAsync(round);
        await AgreeTermAsync(round);
        await SignedAndEffectiveAsync(round);
        return round;
    }

    /// <summary>Both sides name their representatives and meet today: the round is at the table.</summary>
    protected async Task AtTheTableAsync(Guid round)
    {
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair);
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), Employer);
        await Host.SendAsync(FirstMeeting(round), Chair);
    }

    /// <summary>At the table, every open topic agreed by the other side, the meeting minuted and the draft concluded.</summary>
    protected async Task BargainedAsync(Guid round)
    {
        await AtTheTableAsync(round);
        foreach (var topic in (await TopicsAsync(round)).Where(t => t.Status == TopicStatus.Open))
            await Host.SendAsync(new AgreeTopicCommand(topic.Id, topic.Last.Side.Other()), topic.Last.Side == Side.Worker ? Employer : Chair);
        await HeldAsync(round);
        await ConcludedAsync(round);
    }

    /// <summary>Adopted, signed by both chiefs, filed today and effective once the 15 days of review lapse (Art 47; 25 days covers a last day moved past rest days).</summary>
    protected async Task SignedAndEffectiveAsync(Guid round)
    {
        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Employer), Employer);
        await Host.SendAsync(new FileContractCommand(round, Today), Employer);
        await Host.AdvanceToAsync(Host.Clock.GetUtcNow().AddDays(25));
        await Host.AssertAtAsync(round, "effective");
    }

    /// <summary>The union proposes to change the wage clause (第1条) because prices rose.</summary>
    protected Task<Guid> ProposeWageChangeAsync(Guid contract) =>
        Host.SendAsync(new ProposeChangeCommand(contract, Side.Worker, [1], "物价上涨较快，原定工资增幅不足"), Chair);

    /// <summary>A change of the wage clause to 8 %, bargained, signed and effective.</summary>
    protected async Task<Guid> EffectiveChangeAsync(Guid contract)
    {
        var change = await ProposeWageChangeAsync(contract);
        await Host.SendAsync(new MakeOfferCommand(change, [WageRise(8)], Today), Chair);
        await Host.SendAsync(new ReplyToOfferCommand(change, Accept: true), Employer);
        await BargainedAsync(change);
        await SignedAndEffectiveAsync(change);
        return change;
    }

    protected Task<IReadOnlyList<VersionClause>> ClausesAsync(Guid round) => Host.WithDbAsync(db => ContractVersions.ClausesAsync(db, round, default));
}
