using System.Globalization;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Rules;
using Bargaining.Workflows.Persistence;

namespace Bargaining.Features.Rounds;

/// <summary>
/// Compares the facts a round records in its own columns with what its journal says was done: the offer's receipt,
/// the reply, the last congress vote, the chiefs' signatures, the filing and the reviewer's objection. The journal is
/// sealed (<see cref="Workflows.JournalSeal"/>) and the round's columns are not, so a fact changed in the database
/// behind the application's back (a vote count, a signature, a refusal turned into an acceptance) shows here as a
/// difference, each named.
/// </summary>
public static class RoundAudit
{
    /// <summary>Every difference between <paramref name="round"/>'s facts and <paramref name="journal"/> (in sequence order); empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(Round round, IReadOnlyList<WorkflowJournalRecord> journal)
    {
        var differences = new List<string>();
        void Compare<T>(string what, T recorded, T journaled)
        {
            if (!EqualityComparer<T>.Default.Equals(recorded, journaled)) differences.Add($"{what}：记录为 {Show(recorded)}，日志为 {Show(journaled)}");
        }

        var signals = journal.Where(e => e.Signal is not null).Select(e => (e.Sequence, e.Signal, Payload: e.Payload is null ? null : JsonNode.Parse(e.Payload))).ToList();
        (long Sequence, string? Signal, JsonNode? Payload)? Last(params string[] names) =>
            signals.LastOrDefault(s => names.Contains(s.Signal)) is { Signal: not null } found ? found : null;

        var offer = Last(Signals.SendOffer);
        Compare("要约书送达日期", round.Offer.ReceivedOn, Date(offer?.Payload?["offerReceivedOn"]));

        var reply = Last(Signals.Accept, Signals.Refuse);
        Compare("对要约的回应", round.Response.Accepted, reply is null ? null : reply.Value.Signal == Signals.Accept);
        Compare("拒绝协商的理由", round.Response.RefusalReason, reply?.Signal == Signals.Refuse ? (string?)reply.Value.Payload?["reason"] : null);

        var vote = Last(Signals.RecordVote);
        Compare("职工代表大会应到人数", round.Congress.Entitled, (int?)vote?.Payload?["entitled"]);
        Compare("职工代表大会实到人数", round.Congress.Present, (int?)vote?.Payload?["present"]);
        Compare("职工代表大会赞成人数", round.Congress.InFavour, (int?)vote?.Payload?["inFavour"]);
        Compare("职工代表大会召开日期", round.Congress.HeldOn, Date(vote?.Payload?["heldOn"]));

        // A vote and an objection clear the signatures and the filing (Round.RecordVote, Round.Object): what counts is
        // what was signed and filed after the last of them.
        var cleared = Last(Signals.RecordVote, Signals.Object)?.Sequence ?? 0;
        var signedBy = signals.Where(s => s.Signal == Signals.Sign && s.Sequence > cleared).Select(s => (string?)s.Payload?["signedBy"]).ToHashSet();
        Compare("职工方首席代表签字", round.Signing.WorkerSignedAt is not null, signedBy.Contains(Side.Worker.WorkflowRole()));
        Compare("用人单位方首席代表签字", round.Signing.EmployerSignedAt is not null, signedBy.Contains(Side.Employer.WorkflowRole()));

        var filing = Last(Signals.File, Signals.Object);
        if (filing?.Signal != Signals.File) filing = null;
        Compare("劳动保障行政部门收到日期", round.Filing.ReceivedOn, Date(filing?.Payload?["filingReceivedOn"]));
        Compare("逾期报送", round.Filing.Late, (bool?)filing?.Payload?["filedLate"]);

        var objection = Last(Signals.Object);
        Compare("审查意见", round.Review.Opinion, (string?)objection?.Payload?["opinion"]);

        var terminated = Last(Signals.Terminate);
        Compare("解除（终止）事由", round.Termination.ConfirmedAt is null ? null : round.Termination.Reason?.WorkflowName(), (string?)terminated?.Payload?["terminationReason"]);
        Compare("解除（终止）日期", round.Termination.ConfirmedAt is null ? null : round.Termination.EffectiveOn, Date(terminated?.Payload?["terminationEffectiveOn"]));
        return differences;
    }

    private static DateOnly? Date(JsonNode? node) =>
        node is null ? null : DateOnly.ParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Show<T>(T value) => value switch
    {
        null => "（无）",
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
