namespace Bargaining.Domain;

/// <summary>What the chiefs sign on the spot in the simplified procedure.</summary>
public enum OnTheSpotRecord
{
    /// <summary>会议纪要.</summary>
    Minutes,
    /// <summary>备忘录.</summary>
    Memo,
}
