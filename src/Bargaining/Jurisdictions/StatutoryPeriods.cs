using System.Globalization;
using Bargaining.Workflows;

namespace Bargaining.Jurisdictions;

// The periods of workflows/jurisdictions/*.json the application reads itself (definitions name the others); every
// profile must define them, which JurisdictionCatalogTests checks.
public static class PeriodNames
{
    public const string ReplyDays = "replyDays";
    public const string VacancyDays = "vacancyDays";
    public const string ReviewDays = "reviewDays";
    public const string CoordinationExtensionDays = "coordinationExtensionDays";
    public const string RenewalWindow = "renewalWindow";
}

/// <summary>Statutory periods as messages print them.</summary>
public static class PeriodText
{
    /// <summary>A period as the regulations write it: 15日, 3个月, 1年6个月, 36小时.</summary>
    public static string Chinese(this Period period)
    {
        var text = string.Concat(
            period.Years == 0 ? "" : $"{period.Years}年",
            period.Months == 0 ? "" : $"{period.Months}个月",
            period.Days == 0 ? "" : $"{period.Days}日",
            period.Time == TimeSpan.Zero ? "" : $"{period.Time.TotalHours.ToString(CultureInfo.InvariantCulture)}小时");
        return text.Length == 0 ? "0日" : text;
    }
}
