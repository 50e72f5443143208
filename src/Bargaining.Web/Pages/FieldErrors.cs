using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Bargaining.Web.Pages;

/// <summary>
/// Ties a refused form's messages to its fields (WCAG 3.3.1): <c>_Problem</c> lists each field's messages under an id
/// (<see cref="Id"/>), and every field of the form that was posted whose name the message names gets
/// <c>aria-invalid="true"</c> and <c>aria-describedby</c> pointing at them, so a screen reader reads the message with the field.
/// </summary>
public static partial class FieldErrors
{
    /// <summary>The id of the list item holding the messages of <paramref name="key"/> (a model-state key such as <c>Heat.ToMonth</c>).</summary>
    public static string Id(string key) => "error-" + NotIdCharacters().Replace(key, "-");

    /// <summary>
    /// The model-state key whose messages belong to the field <paramref name="name"/>: the same name, or a command's
    /// nested property ending in it (<c>Proposal.Clause</c> for <c>clause</c>), letters' case aside.
    /// </summary>
    public static string? KeyOf(ViewContext view, string name) =>
        view.ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).FirstOrDefault(key => key.Length > 0
            && (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) || key.EndsWith("." + name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The page handler a form posts to (its <c>asp-page-handler</c>), as its fields see it.</summary>
    internal const string FormHandlerItem = "FieldErrors.FormHandler";

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotIdCharacters();
}

/// <summary>Hands a form's handler to its fields (<see cref="FieldErrorTagHelper"/>), so only the posted form's fields are marked.</summary>
[HtmlTargetElement("form")]
public sealed class FormHandlerTagHelper : TagHelper
{
    public override void Init(TagHelperContext context) =>
        context.Items[FieldErrors.FormHandlerItem] = context.AllAttributes.TryGetAttribute("asp-page-handler", out var handler) ? handler.Value?.ToString() ?? "" : "";
}

/// <summary>Marks a field of the posted form whose value was refused (<see cref="FieldErrors"/>).</summary>
[HtmlTargetElement("input")]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class FieldErrorTagHelper : TagHelper
{
    /// <summary>After the tag helpers that write the field's name (<c>asp-for</c>).</summary>
    public override int Order => 1000;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ModelState.IsValid || !output.Attributes.TryGetAttribute("name", out var name) || Text(name.Value) is not { Length: > 0 } field) return;
        var posted = ViewContext.HttpContext.Request.Query["handler"].ToString();
        if (context.Items.TryGetValue(FieldErrors.FormHandlerItem, out var handler) && !string.Equals(handler as string, posted, StringComparison.OrdinalIgnoreCase)) return;
        if (FieldErrors.KeyOf(ViewContext, field) is not { } key) return;
        output.Attributes.SetAttribute("aria-invalid", "true");
        var described = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value + " " : "";
        output.Attributes.SetAttribute("aria-describedby", described + FieldErrors.Id(key));
    }

    /// <summary>An attribute's value as written (Razor hands a value with expressions in it as HTML content).</summary>
    private static string? Text(object? value)
    {
        if (value is not IHtmlContent html) return value?.ToString();
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
