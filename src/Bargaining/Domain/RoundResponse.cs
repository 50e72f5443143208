namespace Bargaining.Domain;

/// <summary>The answer to a round's offer (回应, Art 32): agreement to bargain, or a refusal with its justified reason.</summary>
public sealed class RoundResponse
{
    internal RoundResponse() { }

    /// <summary>When the response was given.</summary>
    public DateTimeOffset? GivenAt { get; private set; }
    /// <summary>True when the other side agreed to bargain; null before a response.</summary>
    public bool? Accepted { get; private set; }
    /// <summary>The justified reason (正当理由) of a refusal.</summary>
    public string? RefusalReason { get; private set; }

    internal void Give(DateTimeOffset now, bool accept, string? reason)
    {
        if (Accepted is not null) throw DomainException.Conflict("response.already-given", "已经对要约作出回应，不能重复回应");
        if (!accept && string.IsNullOrWhiteSpace(reason))
            throw DomainException.Rule("response.reason", "拒绝协商必须说明正当理由（《集体合同规定》第三十二条）");
        GivenAt = now;
        Accepted = accept;
        RefusalReason = accept ? null : reason!.Trim();
    }
}
