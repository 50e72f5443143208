using FluentValidation;

namespace Bargaining.Domain;

/// <summary>
/// The longest text each kind of field takes, in one place: a command's validator refuses longer input naming the
/// limit (<see cref="TextLimitRules.Within{T}"/>), and the database columns are as wide (a PostgreSQL
/// <c>varchar(n)</c> would otherwise refuse the save). <c>TextLimitTests</c> fails for a command text without one.
/// </summary>
public static class TextLimits
{
    /// <summary>A person's name: a representative, a recorder, a legal representative, an instructor.</summary>
    public const int PersonName = 50;

    /// <summary>An identity card number (18 characters).</summary>
    public const int IdNumber = 18;

    /// <summary>A person's post or a department: a representative's title, a labour authority.</summary>
    public const int Title = 100;

    /// <summary>A unit of a number (%, 元/月).</summary>
    public const int Unit = 20;

    /// <summary>A name or a short line: an enterprise, a campaign, a topic's title, a place, a delegation.</summary>
    public const int Line = 200;

    /// <summary>A reason or a short note: why a topic was withdrawn, how a contract was published.</summary>
    public const int Reason = 500;

    /// <summary>A paragraph: a refusal's reasons, an agenda, the grounds of an application.</summary>
    public const int Paragraph = 2000;

    /// <summary>A clause or an opinion.</summary>
    public const int Clause = 4000;

    /// <summary>A whole text: minutes, an agreement or a contract signed on the spot.</summary>
    public const int Document = 50_000;
}

/// <summary>The one rule every text field of a command uses for its length.</summary>
public static class TextLimitRules
{
    /// <summary>Refuses a text longer than <paramref name="limit"/> characters: "{what}不能超过{limit}个字".</summary>
    public static IRuleBuilderOptions<T, string?> Within<T>(this IRuleBuilder<T, string?> rule, int limit, string what) =>
        rule.MaximumLength(limit).WithMessage($"{what}不能超过{limit}个字");
}
