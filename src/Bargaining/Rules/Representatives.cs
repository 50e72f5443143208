using Bargaining.Domain;

namespace Bargaining.Rules;

/// <summary>A person a side names to the table.</summary>
/// <param name="Name">Full name.</param>
/// <param name="IdNumber">Resident ID number, when known: the surest way to find one person on both sides.</param>
/// <param name="IsChief">The chief representative (首席代表).</param>
/// <param name="IsOutsideExpert">An expert from outside the unit (本单位以外的专业人员).</param>
/// <param name="Title">Post, e.g. 工会主席, 人力资源部经理.</param>
public sealed record Nominee(string Name, string? IdNumber, bool IsChief, bool IsOutsideExpert, string? Title = null);

/// <summary>A side's list of representatives.</summary>
/// <param name="Side">Whose list.</param>
/// <param name="Members">Everyone named, the chief included.</param>
/// <param name="HeadOfSide">Who is chief by office: the union chair (Art 20) or the legal representative (Art 21).</param>
/// <param name="Delegation">The written delegation (书面委托 / 授权委托书) when the chief is someone else.</param>
public sealed record Slate(Side Side, IReadOnlyList<Nominee> Members, string? HeadOfSide, string? Delegation);

/// <summary>One broken rule, with a stable code and a message citing the article.</summary>
public sealed record RuleBreach(string Code, string Message);

/// <summary>
/// The rules on representatives, 《集体合同规定》 Art 19–24, in one place: equal numbers on both sides and at least 3 a
/// side (Art 19), one chief a side who by office is the union chair or the legal representative unless delegated in
/// writing (Art 20–21), outside experts at most a third of a side and never chief (Art 23), nobody on both sides (Art 24).
/// </summary>
public static class Representatives
{
    /// <summary>The least a side may name (Art 19).</summary>
    public const int MinimumPerSide = 3;

    /// <summary>Outside experts may be at most this share of a side (Art 23).</summary>
    public static readonly Fraction OutsideExpertsAtMost = new(1, 3);

    /// <summary>
    /// Every rule <paramref name="slate"/> breaks, given the other side's list if already named and the number per
    /// side the offer proposed. Empty when the list may stand.
    /// </summary>
    public static IReadOnlyList<RuleBreach> Check(Slate slate, IReadOnlyList<Nominee>? otherSide, int? proposedPerSide = null)
    {
        var breaches = new List<RuleBreach>();
        var members = slate.Members;
        var side = slate.Side.Chinese();
        if (members.Count < MinimumPerSide)
            breaches.Add(new("representatives.too-few", $"{side}协商代表{members.Count}人，每方不得少于{MinimumPerSide}人（《集体合同规定》第十九条）"));
        if (otherSide is { Count: > 0 } && otherSide.Count != members.Count)
            breaches.Add(new("representatives.unequal", $"{side}协商代表{members.Count}人，对方{otherSide.Count}人，双方人数应当对等（《集体合同规定》第十九条）"));
        else if (otherSide is null or { Count: 0 } && proposedPerSide is { } n && n != members.Count)
            breaches.Add(new("representatives.unequal", $"{side}协商代表{members.Count}人，与要约书确定的每方{n}人不一致，双方人数应当对等（《集体合同规定》第十九条）"));

        var chiefs = members.Where(m => m.IsChief).ToList();
        if (chiefs.Count != 1)
            breaches.Add(new("representatives.chief", $"{side}应有且只有一名首席代表，现为{chiefs.Count}名（《集体合同规定》第十九条）"));
        foreach (var chief in chiefs.Where(c => c.IsOutsideExpert))
            breaches.Add(new("representatives.outside-chief", $"{chief.Name}是本单位以外的专业人员，不得担任首席代表（《集体合同规定》第二十三条）"));
        if (chiefs.Count == 1 && !SamePerson(chiefs[0].Name, slate.HeadOfSide) && string.IsNullOrWhiteSpace(slate.Delegation))
            breaches.Add(slate.Side == Side.Worker
                ? new("representatives.delegation", $"首席代表{chiefs[0].Name}不是工会主席{slate.HeadOfSide ?? "（未登记）"}，须有工会主席的书面委托（《集体合同规定》第二十条）")
                : new("representatives.delegation", $"首席代表{chiefs[0].Name}不是法定代表人{slate.HeadOfSide ?? "（未登记）"}，须有法定代表人的书面授权委托书（《集体合同规定》第二十一条）"));

        var outsiders = members.Count(m => m.IsOutsideExpert);
        if (members.Count > 0 && OutsideExpertsAtMost.IsExceededBy(outsiders, members.Count))
            breaches.Add(new("representatives.outside-experts", $"{side}{members.Count}名代表中有{outsiders}名本单位以外的专业人员，不得超过本方代表的三分之一（《集体合同规定》第二十三条）"));

        var duplicates = members.GroupBy(Key).Where(g => g.Count() > 1).Select(g => g.First().Name).ToList();
        foreach (var name in duplicates)
            breaches.Add(new("representatives.duplicate", $"{name}在{side}名单中重复出现"));
        foreach (var both in members.Where(m => otherSide?.Any(o => IsSamePerson(m, o)) == true))
            breaches.Add(new("representatives.both-sides", $"{both.Name}已是对方协商代表，任何人不得同时担任双方协商代表（《集体合同规定》第二十四条）"));
        return breaches;
    }

    /// <summary>Why the number per side an offer proposes cannot stand (Art 19), or null.</summary>
    public static RuleBreach? CheckProposedNumber(int? perSide) =>
        perSide < MinimumPerSide ? new("representatives.too-few", $"要约书确定每方协商代表{perSide}人，每方不得少于{MinimumPerSide}人（《集体合同规定》第十九条）") : null;

    /// <summary>Throws a rule <see cref="DomainException"/> listing every breach, if there is any.</summary>
    public static void Enforce(Slate slate, IReadOnlyList<Nominee>? otherSide, int? proposedPerSide = null)
    {
        var breaches = Check(slate, otherSide, proposedPerSide);
        if (breaches.Count > 0) throw DomainException.Rule(breaches[0].Code, string.Join("；", breaches.Select(b => b.Message)));
    }

    /// <summary>The same person: by ID number when both have one, otherwise by name.</summary>
    public static bool IsSamePerson(Nominee a, Nominee b) =>
        !string.IsNullOrWhiteSpace(a.IdNumber) && !string.IsNullOrWhiteSpace(b.IdNumber)
            ? string.Equals(a.IdNumber.Trim(), b.IdNumber.Trim(), StringComparison.OrdinalIgnoreCase)
            : SamePerson(a.Name, b.Name);

    private static string Key(Nominee n) => string.IsNullOrWhiteSpace(n.IdNumber) ? "name:" + Normalise(n.Name) : "id:" + n.IdNumber.Trim().ToUpperInvariant();

    private static bool SamePerson(string? a, string? b) => a is not null && b is not null && Normalise(a) == Normalise(b);

    private static string Normalise(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}
