namespace Bargaining.Domain;

/// <summary>
/// A bargaining instructor (集体协商指导员) assigned by a county-level union to an enterprise. Assignments are kept as
/// history: a new one ends the current one instead of overwriting it. Accounts live in the web layer, so the
/// instructor is stored by user id and name.
/// </summary>
public sealed class InstructorAssignment
{
    private InstructorAssignment() { }

    /// <summary>Assigns <paramref name="instructorUserId"/> to the enterprise from <paramref name="at"/>.</summary>
    public InstructorAssignment(Guid enterpriseId, string instructorUserId, string instructorName, string assignedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        EnterpriseId = enterpriseId;
        InstructorUserId = instructorUserId;
        InstructorName = instructorName;
        AssignedBy = assignedBy;
        AssignedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid EnterpriseId { get; private set; }
    /// <summary>The instructor's account id.</summary>
    public string InstructorUserId { get; private set; } = "";
    /// <summary>The instructor's name.</summary>
    public string InstructorName { get; private set; } = "";
    /// <summary>Who assigned, as journaled: user id and name.</summary>
    public string AssignedBy { get; private set; } = "";
    /// <summary>From when.</summary>
    public DateTimeOffset AssignedAt { get; private set; }
    /// <summary>Until when; null while current.</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Who ended it (by assigning someone else).</summary>
    public string? EndedBy { get; private set; }

    /// <summary>Ends the assignment.</summary>
    public void End(string by, DateTimeOffset at)
    {
        EndedAt = at;
        EndedBy = by;
    }
}
