using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Bargaining.Web.Api;

/// <summary>
/// An endpoint at <c>…/{id}/…</c> binds its command from the body and then puts the route's id in the command's
/// first parameter (<c>command with { RoundId = id }</c>), so a client need not send that field: the OpenAPI
/// document lists it as optional and says the path decides it, instead of requiring a value the server ignores.
/// </summary>
public sealed partial class RouteIdSchemas : IOpenApiDocumentTransformer
{
    /// <summary>The route parameter every such endpoint names its id.</summary>
    public const string RouteParameter = "id";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            if (!description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path && p.Name == RouteParameter)) continue;
            if (description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type is not { } body || RouteBound(body) is not { } property) continue;
            if (document.Paths.TryGetValue("/" + Constraints().Replace(description.RelativePath ?? "", "{$1}"), out var path) && path.Operations is { } operations
                && description.HttpMethod is { } method && operations.TryGetValue(new HttpMethod(method), out var operation)
                && operation.RequestBody?.Content is { } content)
                foreach (var media in content.Values) MarkOptional(document, media.Schema, JsonNamingPolicy.CamelCase.ConvertName(property));
        }
        return Task.CompletedTask;
    }

    // The command's first positional parameter, when it is the Guid the endpoint overwrites.
    private static string? RouteBound(Type command) =>
        command.GetConstructors(BindingFlags.Public | BindingFlags.Instance).MaxBy(c => c.GetParameters().Length)?.GetParameters().FirstOrDefault() is { } first
        && first.ParameterType == typeof(Guid) && command.GetProperty(first.Name!) is not null
            ? first.Name
            : null;

    private static void MarkOptional(OpenApiDocument document, IOpenApiSchema? schema, string property)
    {
        var resolved = schema is OpenApiSchemaReference reference
            ? reference.Target ?? (document.Components?.Schemas is { } schemas && schemas.TryGetValue(reference.Reference.Id ?? "", out var named) ? named : null)
            : schema;
        if (resolved is not OpenApiSchema target) return;
        target.Required?.Remove(property);
        if (target.Properties is { } properties && properties.TryGetValue(property, out var field) && field is OpenApiSchema inline) inline.Description = "由路径中的 id 决定，可省略；请求体中的值不被采用";
    }

    // ApiExplorer keeps route constraints ({id:guid}); the document's paths do not ({id}).
    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Constraints();
}
