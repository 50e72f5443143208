namespace Bargaining.Documents.Data;

/// <summary>What the offer letter (要约书, Art 32) prints.</summary>
public sealed record OfferLetterData
{
    /// <summary>The letter's reference number (文号), e.g. 盐水务工〔2026〕3号; null for none.</summary>
    public string? Reference { get; init; }

    /// <summary>The side receiving the offer, as addressed: e.g. 盐城市水务集团有限公司.</summary>
    public required string Addressee { get; init; }

    /// <summary>The offering side: its name, chief representative and representatives.</summary>
    public required BargainingSide Offeror { get; init; }

    /// <summary>What the bargaining is for, e.g. 2026年度工资专项集体协商.</summary>
    public required string Subject { get; init; }

    /// <summary>The proposed topics (Art 8).</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>When the first meeting is proposed; null to leave it to be agreed.</summary>
    public DateTime? ProposedMeetingAt { get; init; }

    /// <summary>Where the first meeting is proposed.</summary>
    public string? ProposedMeetingPlace { get; init; }

    /// <summary>Representatives on each side, the chief included (at least 3, equal on both sides: Art 19); null when the offer leaves it open.</summary>
    public int? RepresentativesPerSide { get; init; }

    /// <summary>The data asked of the other side, e.g. 上年度营业收入、利润总额和工资总额.</summary>
    public IReadOnlyList<string> RequestedData { get; init; } = [];

    /// <summary>The days the addressee has to answer in writing (Art 32: 20; Shanghai 15).</summary>
    public required int ReplyDays { get; init; }

    /// <summary>The last day to answer, counted from receipt as the application computed it.</summary>
    public required DateOnly ReplyBy { get; init; }

    /// <summary>
    /// Set when the days to <see cref="ReplyBy"/> go through a year whose holiday schedule was not entered (only weekends
    /// counted as rest days): 节假日安排未录入，按周末计算.
    /// </summary>
    public string? CalendarNote { get; init; }

    /// <summary>The date of the letter.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Whom to contact.</summary>
    public string? ContactPerson { get; init; }

    /// <summary>The contact's telephone.</summary>
    public string? ContactPhone { get; init; }
}

/// <summary>What the response (回应书) to an offer prints.</summary>
public sealed record ResponseData
{
    /// <summary>The reference number of this response; null for none.</summary>
    public string? Reference { get; init; }

    /// <summary>The side that made the offer, as addressed.</summary>
    public required string Addressee { get; init; }

    /// <summary>The responding side: its name, chief representative and representatives.</summary>
    public required BargainingSide Responder { get; init; }

    /// <summary>The offer's subject, e.g. 2026年度工资专项集体协商.</summary>
    public required string Subject { get; init; }

    /// <summary>The date of the offer letter.</summary>
    public required DateOnly OfferDate { get; init; }

    /// <summary>The day the offer was received.</summary>
    public required DateOnly OfferReceivedOn { get; init; }

    /// <summary>Whether the side agrees to bargain.</summary>
    public required bool Accepts { get; init; }

    /// <summary>The justified reason for refusing (正当理由, Art 32); required when <see cref="Accepts"/> is false.</summary>
    public string? RefusalReason { get; init; }

    /// <summary>Whether the meeting time or place differs from the offer's proposal.</summary>
    public bool CounterProposesMeeting { get; init; }

    /// <summary>The confirmed or counter-proposed time of the first meeting.</summary>
    public DateTime? MeetingAt { get; init; }

    /// <summary>The confirmed or counter-proposed place.</summary>
    public string? MeetingPlace { get; init; }

    /// <summary>By when the requested data will be provided.</summary>
    public DateOnly? DataBy { get; init; }

    /// <summary>Topics the responding side adds.</summary>
    public IReadOnlyList<string> AdditionalTopics { get; init; } = [];

    /// <summary>The date of the response.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Whom to contact.</summary>
    public string? ContactPerson { get; init; }

    /// <summary>The contact's telephone.</summary>
    public string? ContactPhone { get; init; }
}
