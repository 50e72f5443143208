namespace Bargaining.Domain;

/// <summary>What kind of expected failure a <see cref="DomainException"/> is; the web layer maps each to one HTTP status.</summary>
public enum FailureKind
{
    /// <summary>The input is malformed or incomplete (400).</summary>
    Validation,
    /// <summary>The caller may not do this for this organisation (403).</summary>
    Forbidden,
    /// <summary>The thing asked for does not exist (404).</summary>
    NotFound,
    /// <summary>Someone else changed it first, or it is in a state that does not allow this now (409).</summary>
    Conflict,
    /// <summary>A rule of the regulation forbids it (422).</summary>
    Rule,
    /// <summary>The database is busy with other writers; nothing was changed, try again shortly (503).</summary>
    Busy,
}

/// <summary>
/// An expected failure with a stable code and a message a union officer understands (Chinese). Thrown by
/// validators, rules and handlers; the transaction behaviour rolls back, so nothing half-written stays.
/// </summary>
public sealed class DomainException(FailureKind kind, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    /// <summary>The kind, for mapping to a status.</summary>
    public FailureKind Kind { get; } = kind;

    /// <summary>Stable code, e.g. <c>representatives.unequal</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Field errors, for validation failures.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    /// <summary>A rule of the regulation was broken.</summary>
    public static DomainException Rule(string code, string message) => new(FailureKind.Rule, code, message);

    /// <summary>The thing does not exist.</summary>
    public static DomainException NotFound(string what) => new(FailureKind.NotFound, "not-found", $"{what}不存在");

    /// <summary>Not allowed for this caller.</summary>
    public static DomainException Forbidden(string message) => new(FailureKind.Forbidden, "forbidden", message);

    /// <summary>Too busy to answer now; nothing was changed.</summary>
    public static DomainException Busy() => new(FailureKind.Busy, "busy", "系统繁忙，本次操作未保存，请稍后重试");

    /// <summary>The state does not allow this now.</summary>
    public static DomainException Conflict(string code, string message) => new(FailureKind.Conflict, code, message);
}
