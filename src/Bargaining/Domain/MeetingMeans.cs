namespace Bargaining.Domain;

/// <summary>How the single meeting of the simplified procedure is held (会议、电话或网络).</summary>
public enum MeetingMeans
{
    /// <summary>会议 (in person).</summary>
    InPerson,
    /// <summary>电话.</summary>
    Phone,
    /// <summary>网络 (online).</summary>
    Online,
}
