using Bargaining.Features.Rounds;

namespace Bargaining.Domain;

/// <summary>The two sides at the table.</summary>
public enum Side
{
    /// <summary>职工方 (the union).</summary>
    Worker,
    /// <summary>企业方 (the employer).</summary>
    Employer,
}

/// <summary>Names of the sides as officers say them, and their roles in the workflow definitions.</summary>
public static class Sides
{
    /// <summary>职工方 / 企业方.</summary>
    public static string Chinese(this Side side) => side == Side.Worker ? "职工方" : "企业方";

    /// <summary>The role the definitions give the side: <c>union</c> or <c>employer</c>.</summary>
    public static string WorkflowRole(this Side side) => side == Side.Worker ? WorkflowRoles.Union : WorkflowRoles.Employer;

    /// <summary>The other side.</summary>
    public static Side Other(this Side side) => side == Side.Worker ? Side.Employer : Side.Worker;
}
