namespace Bargaining.Domain;

/// <summary>The labour administration's review of the filed contract (审查, Art 46) and its announcement to all workers (Art 48).</summary>
public sealed class RoundReview
{
    internal RoundReview() { }

    /// <summary>The reviewer's last opinion (审查意见书, Art 46).</summary>
    public string? Opinion { get; private set; }
    /// <summary>When the reviewer last objected.</summary>
    public DateTimeOffset? ObjectedAt { get; private set; }
    /// <summary>The day the contract was announced to all workers (Art 48).</summary>
    public DateOnly? PublishedOn { get; private set; }
    /// <summary>How it was announced (notice board, intranet, …).</summary>
    public string? PublishedHow { get; private set; }

    internal void Object(string opinion, DateTimeOffset now)
    {
        Opinion = opinion.Trim();
        ObjectedAt = now;
    }

    /// <summary>The effective contract has been announced to all workers (Art 48).</summary>
    public void Publish(DateOnly on, DateOnly today, string how)
    {
        if (on > today) throw DomainException.Rule("publication.in-future", $"公布日期（{on:yyyy-MM-dd}）不能晚于今天");
        PublishedOn = on;
        PublishedHow = how.Trim();
    }
}
