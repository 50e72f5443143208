using Bargaining.Domain;
using Bargaining.Features.Rounds.Representatives;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Rounds.Representatives;

public sealed class NameRepresentativesTests : RoundScenario
{
    private Task<List<Representative>> RepresentativesAsync(Guid round) =>
        Host.WithDbAsync(db => db.Representatives.Where(r => r.RoundId == round).ToListAsync());

    [Fact]
    public async Task Each_side_names_three_and_the_round_moves_to_preparation()
    {
        var id = await AcceptedAsync();

        await Host.SendAsync(new NameRepresentativesCommand(id, Side.Worker, WorkerSide()), Chair);
        await Host.AssertAtAsync(id, "employer-representatives", "representatives-named");
        await Host.SendAsync(new NameRepresentativesCommand(id, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), Employer);

        await Host.AssertAtAsync(id, "preparation");
        var named = await RepresentativesAsync(id);
        Assert.Equal(6, named.Count);
        Assert.Equal(["李明", "王建国"], named.Where(r => r.IsChief).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Four_employer_representatives_against_three_are_refused_and_nothing_of_theirs_is_written()
    {
        var id = await AcceptedAsync();
        await Host.SendAsync(new NameRepresentativesCommand(id, Side.Worker, WorkerSide()), Chair);

        var e = await RefusedAsync(() => Host.SendAsync(new NameRepresentativesCommand(id, Side.Employer, EmployerSide(4), LegalRepresentative: "李明"), Employer), FailureKind.Rule);

        Assert.Equal("representatives.unequal", e.Code);
        Assert.Equal(3, (await RepresentativesAsync(id)).Count);
        await Host.AssertAtAsync(id, "employer-representatives", "representatives-named");
    }

    [Fact]
    public async Task A_delegated_employer_chief_passes_with_the_authorisation_and_it_is_kept()
    {
        var id = await AcceptedAsync();

        await Host.SendAsync(new NameRepresentativesCommand(id, Side.Employer, EmployerSide(), Delegation: "法定代表人陈总2026年3月3日授权委托书", LegalRepresentative: "陈总"), Employer);

        Assert.Equal("法定代表人陈总2026年3月3日授权委托书", (await RepresentativesAsync(id)).Single(r => r.IsChief).Delegation);
    }

    [Fact]
    public async Task A_delegated_employer_chief_without_authorisation_is_refused()
    {
        var id = await AcceptedAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new NameRepresentativesCommand(id, Side.Employer, EmployerSide(), LegalRepresentative: "陈总"), Employer), FailureKind.Rule);

        Assert.Contains("第二十一条", e.Message);
        Assert.Empty(await RepresentativesAsync(id));
    }

    [Fact]
    public async Task Someone_already_on_the_worker_side_cannot_sit_for_the_employer()
    {
        var id = await AcceptedAsync();
        await Host.SendAsync(new NameRepresentativesCommand(id, Side.Worker, WorkerSide()), Chair);

        var e = await RefusedAsync(() => Host.SendAsync(new NameRepresentativesCommand(id, Side.Employer,
            [Member("李明", chief: true), Member("职工代表1"), Member("企业代表2")], LegalRepresentative: "李明"), Employer), FailureKind.Rule);

        Assert.Contains("第二十四条", e.Message);
    }

    [Fact]
    public async Task An_outside_expert_as_worker_chief_is_refused()
    {
        var id = await AcceptedAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new NameRepresentativesCommand(id, Side.Worker,
            [Member("王建国", chief: true, outsider: true), Member("职工代表1"), Member("职工代表2")]), Chair), FailureKind.Rule);

        Assert.Equal("representatives.outside-chief", e.Code);
    }

    [Fact]
    public async Task The_union_chair_may_not_name_the_employers_representatives()
    {
        var id = await AcceptedAsync();

        await RefusedAsync(() => Host.SendAsync(new NameRepresentativesCommand(id, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), Chair), FailureKind.Forbidden);
    }

    [Fact]
    public async Task Representatives_cannot_be_named_before_the_offer_is_accepted_and_nothing_is_written()
    {
        var id = await OfferedAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new NameRepresentativesCommand(id, Side.Worker, WorkerSide()), Chair), FailureKind.Conflict);

        Assert.Contains("企业方书面回应", e.Message);
        Assert.Empty(await RepresentativesAsync(id));
    }

    [Fact]
    public async Task A_side_names_its_list_once()
    {
        var id = await AcceptedAsync();
        await Host.SendAsync(new NameRepresentativesCommand(id, Side.Worker, WorkerSide()), Chair);

        var e = await RefusedAsync(() => Host.SendAsync(new NameRepresentativesCommand(id, Side.Worker, WorkerSide()), Chair), FailureKind.Conflict);

        Assert.Contains("第三十一条", e.Message);
    }
}
