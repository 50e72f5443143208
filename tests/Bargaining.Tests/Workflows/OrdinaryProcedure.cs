using System.Text.Json.Nodes;

namespace Bargaining.Tests.Workflows;

/// <summary>The steps of <c>workflows/ordinary-procedure.json</c> that many tests pass through on the way to the one they check.</summary>
internal static class OrdinaryProcedure
{
    public const string Id = "ordinary-procedure";

    /// <summary>Starts a round and has the union send its offer now; the employer's reply period starts today.</summary>
    public static async Task<Guid> OfferAsync(this BargainingHost host, string jurisdiction = "jiangsu")
    {
        var round = await host.StartRoundAsync(Id, jurisdiction, new JsonObject { ["offeredBy"] = "union", ["enterprise"] = "盐城恒达精密机械有限公司" });
        await host.SendAsync(round, "send-offer", "union", host.ReceivedToday("offerReceivedOn", new JsonObject { ["topics"] = new JsonArray("劳动报酬") }));
        return round;
    }

    /// <summary>From an answered-or-not offer to the bargaining table: accept, both sides name representatives, schedule.</summary>
    public static async Task AcceptAndPrepareAsync(this BargainingHost host, Guid round)
    {
        await host.SendAsync(round, "accept", "employer");
        await host.SendAsync(round, "name-representatives", "union", new JsonObject { ["workerChief"] = "王建国" });
        await host.SendAsync(round, "name-representatives", "employer", new JsonObject { ["employerChief"] = "李明" });
        await host.SendAsync(round, "schedule-meeting", "union");
        await host.AssertAtAsync(round, "bargaining");
    }

    public static async Task<Guid> BargainingAsync(this BargainingHost host, string jurisdiction = "jiangsu")
    {
        var round = await host.OfferAsync(jurisdiction);
        await host.AcceptAndPrepareAsync(round);
        return round;
    }

    /// <summary>The chiefs sign the draft and the congress adopts it (180 deputies, 120 present, 91 in favour).</summary>
    public static async Task ConcludeAndAdoptAsync(this BargainingHost host, Guid round)
    {
        await host.SendAsync(round, "conclude", "union");
        await host.SendAsync(round, "record-vote", "union", Vote(180, 120, 91));
        await host.AssertAtAsync(round, "union-signature", "employer-signature");
    }

    public static async Task SignBothAsync(this BargainingHost host, Guid round)
    {
        await host.SendAsync(round, "sign", "union");
        await host.SendAsync(round, "sign", "employer");
        await host.AssertAtAsync(round, "filing");
    }

    public static JsonObject Vote(int entitled, int present, int inFavour) =>
        new() { ["entitled"] = entitled, ["present"] = present, ["inFavour"] = inFavour };
}
