namespace Bargaining.Domain;

/// <summary>The Jiangsu procedures: 普通程序 and 简易程序.</summary>
public enum Procedure
{
    /// <summary>普通程序: required to sign a collective contract.</summary>
    Ordinary,
    /// <summary>简易程序: one meeting, minutes or memo signed on the spot.</summary>
    Simplified,
}

/// <summary>Chinese names of <see cref="Procedure"/>s.</summary>
public static class Procedures
{
    /// <summary>普通程序 / 简易程序.</summary>
    public static string Chinese(this Procedure procedure) => procedure == Procedure.Ordinary ? "普通程序" : "简易程序";
}
