using Bargaining.Domain;
using Bargaining.Rules;

namespace Bargaining.Tests.Rules;

public sealed class RepresentativesTests
{
    private static Nominee Member(string name, bool chief = false, bool outsider = false, string? id = null) => new(name, id, chief, outsider);

    private static List<Nominee> Side(string prefix, int count, int outsiders = 0) =>
        [Member($"{prefix}首席", chief: true), .. Enumerable.Range(1, count - 1).Select(i => Member($"{prefix}{i}", outsider: i <= outsiders))];

    private static Slate Workers(IReadOnlyList<Nominee> members, string? delegation = null) => new(Domain.Side.Worker, members, members.FirstOrDefault(m => m.IsChief)?.Name, delegation);

    private static IEnumerable<string> Codes(Slate slate, IReadOnlyList<Nominee>? other = null, int? perSide = null) =>
        Representatives.Check(slate, other, perSide).Select(b => b.Code);

    [Fact]
    public void Three_a_side_passes() => Assert.Empty(Codes(Workers(Side("职工", 3)), Side("企业", 3)));

    [Fact]
    public void Three_against_four_fails_as_unequal_citing_Art_19()
    {
        var breach = Assert.Single(Representatives.Check(Workers(Side("职工", 3)), Side("企业", 4)));

        Assert.Equal("representatives.unequal", breach.Code);
        Assert.Contains("第十九条", breach.Message);
    }

    [Fact]
    public void Two_a_side_fails_as_too_few() => Assert.Equal(["representatives.too-few"], Codes(Workers(Side("职工", 2)), Side("企业", 2)));

    [Fact]
    public void The_first_side_is_held_to_the_number_the_offer_proposed() =>
        Assert.Equal(["representatives.unequal"], Codes(Workers(Side("职工", 4)), null, perSide: 3));

    [Fact]
    public void One_outside_expert_of_three_passes() => Assert.Empty(Codes(Workers(Side("职工", 3, outsiders: 1))));

    [Fact]
    public void Two_outside_experts_of_five_fail_because_two_fifths_is_more_than_a_third()
    {
        var breach = Assert.Single(Representatives.Check(Workers(Side("职工", 5, outsiders: 2)), null));

        Assert.Equal("representatives.outside-experts", breach.Code);
        Assert.Contains("三分之一", breach.Message);
        Assert.Contains("第二十三条", breach.Message);
    }

    [Fact]
    public void Two_outside_experts_of_six_pass_at_exactly_a_third() => Assert.Empty(Codes(Workers(Side("职工", 6, outsiders: 2))));

    [Fact]
    public void An_outside_expert_may_not_be_chief()
    {
        List<Nominee> members = [Member("外聘律师", chief: true, outsider: true), Member("职工1"), Member("职工2")];

        Assert.Contains("representatives.outside-chief", Codes(Workers(members)));
    }

    [Fact]
    public void Each_side_has_exactly_one_chief()
    {
        Assert.Contains("representatives.chief", Codes(new Slate(Domain.Side.Worker, [Member("甲"), Member("乙"), Member("丙")], "甲", null)));
        Assert.Contains("representatives.chief", Codes(new Slate(Domain.Side.Worker, [Member("甲", chief: true), Member("乙", chief: true), Member("丙")], "甲", null)));
    }

    [Fact]
    public void The_same_person_on_both_sides_fails_by_name_or_by_id_number()
    {
        var byName = Representatives.Check(Workers([Member("王建国", chief: true), Member("赵强"), Member("钱芳")]),
            [Member("李明", chief: true), Member("赵 强"), Member("孙伟")]);
        var byId = Codes(Workers([Member("王建国", chief: true), Member("赵强", id: "320903198001011234"), Member("钱芳")]),
            [Member("李明", chief: true), Member("赵强（人事）", id: "320903198001011234"), Member("孙伟")]);

        Assert.Equal("representatives.both-sides", Assert.Single(byName).Code);
        Assert.Contains("第二十四条", byName[0].Message);
        Assert.Equal(["representatives.both-sides"], byId);
    }

    [Fact]
    public void Namesakes_with_different_id_numbers_are_two_people() =>
        Assert.Empty(Codes(Workers([Member("王建国", chief: true), Member("王伟", id: "320903198001011234"), Member("钱芳")]),
            [Member("李明", chief: true), Member("王伟", id: "320903199002022345"), Member("孙伟")]));

    [Fact]
    public void A_chief_who_is_not_the_union_chair_needs_a_written_delegation()
    {
        List<Nominee> members = [Member("副主席", chief: true), Member("职工1"), Member("职工2")];

        var breach = Assert.Single(Representatives.Check(new Slate(Domain.Side.Worker, members, "王建国", null), null));
        Assert.Equal("representatives.delegation", breach.Code);
        Assert.Contains("第二十条", breach.Message);
        Assert.Empty(Codes(new Slate(Domain.Side.Worker, members, "王建国", "工会主席王建国2026年3月5日书面委托")));
    }

    [Fact]
    public void An_employer_chief_who_is_not_the_legal_representative_needs_an_authorisation_citing_Art_21()
    {
        var breach = Assert.Single(Representatives.Check(new Slate(Domain.Side.Employer, [Member("人事经理", chief: true), Member("甲"), Member("乙")], "董事长", null), null));

        Assert.Contains("授权委托书", breach.Message);
        Assert.Contains("第二十一条", breach.Message);
    }
}
