using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bargaining.Tests.Workflows;

/// <summary>
/// A strict validator for the part of JSON Schema 2020-12 that <c>workflows/workflow.schema.json</c> uses, because
/// JsonSchema.Net cannot be restored here (its dependency JsonPointer.Net is missing from the package source).
/// Any keyword it does not know fails loudly instead of being ignored; replace it with JsonSchema.Net when that
/// restores.
/// </summary>
internal sealed class JsonSchemaSubset(JsonObject root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description"];

    public static JsonSchemaSubset Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    /// <summary>Every violation, as "instance path: what is wrong"; empty when the instance is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private bool Valid(JsonNode schema, JsonNode? instance, string path)
    {
        var errors = new List<string>();
        Check(schema, instance, path, errors);
        return errors.Count == 0;
    }

    private void Check(JsonNode schema, JsonNode? instance, string path, List<string> errors)
    {
        if (schema is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (b.GetValueKind() == JsonValueKind.False) errors.Add($"{path}: not allowed");
            return;
        }
        var s = schema.AsObject();
        foreach (var (keyword, value) in s)
        {
            switch (keyword)
            {
                case "$ref":
                    Check(Resolve(value!.GetValue<string>()), instance, path, errors);
                    break;
                case "$defs":
                    break;
                case "type":
                    if (!HasType(instance, value!.GetValue<string>())) errors.Add($"{path}: must be of type {value}");
                    break;
                case "enum":
                    if (!value!.AsArray().Any(v => JsonNode.DeepEquals(v, instance))) errors.Add($"{path}: must be one of {value.ToJsonString()}");
                    break;
                case "const":
                    if (!JsonNode.DeepEquals(value, instance)) errors.Add($"{path}: must be {value!.ToJsonString()}");
                    break;
                case "pattern":
                    if (instance is JsonValue p && p.GetValueKind() == JsonValueKind.String && !Regex.IsMatch(p.GetValue<string>(), value!.GetValue<string>()))
                        errors.Add($"{path}: '{p.GetValue<string>()}' does not match {value}");
                    break;
                case "minLength":
                    if (instance is JsonValue t && t.GetValueKind() == JsonValueKind.String && new StringInfo(t.GetValue<string>()).LengthInTextElements < value!.GetValue<int>())
                        errors.Add($"{path}: shorter than {value}");
                    break;
                case "minimum":
                    if (instance is JsonValue n && n.GetValueKind() == JsonValueKind.Number && Number(n) < Number(value!.AsValue()))
                        errors.Add($"{path}: less than {value}");
                    break;
                case "required":
                    if (instance is JsonObject r)
                        foreach (var name in value!.AsArray().Select(x => x!.GetValue<string>()).Where(name => !r.ContainsKey(name)))
                            errors.Add($"{path}: '{name}' is required");
                    break;
                case "minProperties":
                    if (instance is JsonObject mp && mp.Count < value!.GetValue<int>()) errors.Add($"{path}: fewer than {value} properties");
                    break;
                case "properties":
                    if (instance is JsonObject po)
                        foreach (var (name, sub) in value!.AsObject())
                            if (po.TryGetPropertyValue(name, out var child)) Check(sub!, child, $"{path}.{name}", errors);
                    break;
                case "additionalProperties":
                    if (instance is JsonObject ao)
                    {
                        var declared = s["properties"]?.AsObject().Select(x => x.Key).ToHashSet() ?? [];
                        foreach (var (name, child) in ao.Where(x => !declared.Contains(x.Key)))
                            Check(value!, child, $"{path}.{name}", errors);
                    }
                    break;
                case "propertyNames":
                    if (instance is JsonObject pn)
                        foreach (var name in pn.Select(x => x.Key)) Check(value!, JsonValue.Create(name), $"{path}.{name} (name)", errors);
                    break;
                case "items":
                    if (instance is JsonArray ia)
                        for (var i = 0; i < ia.Count; i++) Check(value!, ia[i], $"{path}[{i}]", errors);
                    break;
                case "minItems":
                    if (instance is JsonArray ma && ma.Count < value!.GetValue<int>()) errors.Add($"{path}: fewer than {value} items");
                    break;
                case "oneOf":
                    var matching = value!.AsArray().Count(sub => Valid(sub!, instance, path));
                    if (matching != 1) errors.Add($"{path}: must match exactly one of {value.AsArray().Count} schemas (oneOf), matches {matching}");
                    break;
                case "anyOf":
                    if (!value!.AsArray().Any(sub => Valid(sub!, instance, path))) errors.Add($"{path}: matches none of the anyOf schemas");
                    break;
                case "allOf":
                    foreach (var sub in value!.AsArray()) Check(sub!, instance, path, errors);
                    break;
                default:
                    if (!Annotations.Contains(keyword)) throw new NotSupportedException($"JSON Schema keyword '{keyword}' is not supported by this test validator");
                    break;
            }
        }
    }

    private JsonNode Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) throw new NotSupportedException($"only local references are supported, not '{reference}'");
        JsonNode node = root;
        foreach (var part in reference[2..].Split('/')) node = node[part.Replace("~1", "/").Replace("~0", "~")] ?? throw new KeyNotFoundException($"'{reference}' does not resolve");
        return node;
    }

    private static decimal Number(JsonValue value) => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool HasType(JsonNode? instance, string type) => type switch
    {
        "object" => instance is JsonObject,
        "array" => instance is JsonArray,
        "string" => instance is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => instance is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => instance is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "integer" => instance is JsonValue v && v.GetValueKind() == JsonValueKind.Number && Number(v) % 1 == 0,
        "null" => instance is null,
        _ => throw new NotSupportedException($"type '{type}'"),
    };
}
