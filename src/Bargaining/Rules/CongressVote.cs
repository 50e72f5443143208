namespace Bargaining.Rules;

/// <summary>
/// The ratification rule of 《集体合同规定》 Art 36: at least two thirds of all deputies (or workers) present, and
/// approval by more than half of ALL deputies, not of those present. Local rules may set other fractions.
/// </summary>
/// <param name="PresentAtLeast">Share of the entitled who must attend (national: 2/3).</param>
/// <param name="ApprovalMoreThan">Share of the entitled that the votes in favour must exceed (national: 1/2).</param>
/// <param name="Basis">The article, quoted in messages.</param>
public sealed record CongressRule(Fraction PresentAtLeast, Fraction ApprovalMoreThan, string Basis)
{
    /// <summary>The national rule.</summary>
    public static CongressRule National { get; } = new(new Fraction(2, 3), new Fraction(1, 2), "《集体合同规定》第三十六条");

    /// <summary>Judges a vote. Impossible figures (more present than entitled, …) are refused with a reason.</summary>
    public CongressOutcome Judge(int entitled, int present, int inFavour)
    {
        if (entitled <= 0) return CongressOutcome.Invalid("应到职工代表（或职工）人数必须大于0");
        if (present < 0 || present > entitled) return CongressOutcome.Invalid($"实到人数 {present} 必须在 0 到应到人数 {entitled} 之间");
        if (inFavour < 0 || inFavour > present) return CongressOutcome.Invalid($"同意人数 {inFavour} 必须在 0 到实到人数 {present} 之间");
        if (!PresentAtLeast.IsReachedBy(present, entitled))
            return CongressOutcome.Rejected(false,
                $"出席人数不足：应到 {entitled} 人，须至少 {PresentAtLeast.AtLeast(entitled)} 人出席（{PresentAtLeast}），实到 {present} 人（{Basis}）");
        if (!ApprovalMoreThan.IsExceededBy(inFavour, entitled))
            return CongressOutcome.Rejected(true,
                $"同意人数不足：须超过全体 {entitled} 人的 {ApprovalMoreThan}，即至少 {ApprovalMoreThan.MoreThan(entitled)} 人同意，实际 {inFavour} 人（{Basis}）");
        return CongressOutcome.Approved;
    }
}

/// <summary>The result of judging a congress vote.</summary>
/// <param name="IsValid">False when the figures themselves are impossible.</param>
/// <param name="QuorumMet">Whether enough deputies were present.</param>
/// <param name="IsApproved">Whether the draft is adopted.</param>
/// <param name="Reason">Why not, in Chinese, citing the article.</param>
public sealed record CongressOutcome(bool IsValid, bool QuorumMet, bool IsApproved, string? Reason)
{
    internal static CongressOutcome Approved { get; } = new(true, true, true, null);
    internal static CongressOutcome Invalid(string reason) => new(false, false, false, reason);
    internal static CongressOutcome Rejected(bool quorumMet, string reason) => new(true, quorumMet, false, reason);
}
