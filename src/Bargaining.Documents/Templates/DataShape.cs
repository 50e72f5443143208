using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace Bargaining.Documents.Templates;

/// <summary>
/// What a template may reach in a data model: a value it prints, a group of named fields, or a list to repeat.
/// Read from the C# type by reflection, so a template can use exactly the fields that exist, by their camelCase names.
/// </summary>
internal abstract record DataShape
{
    private static readonly ConcurrentDictionary<Type, DataShape> Cache = new();

    /// <summary>A name for messages: the C# type.</summary>
    public abstract string Describe();

    public static DataShape Of(Type type) => Cache.GetOrAdd(type, t => Build(t, []));

    private static DataShape Build(Type type, HashSet<Type> building)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (IsValue(underlying)) return new ValueShape(underlying);
        if (underlying != typeof(string) && ElementType(underlying) is { } element)
            return new ListShape(Build(element, building));
        if (!building.Add(underlying))
            throw new InvalidOperationException($"{underlying.Name} refers to itself; template data must be a tree.");
        var fields = underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToDictionary(p => CamelCase(p.Name), p => new Field(p, Build(p.PropertyType, building)), StringComparer.Ordinal);
        building.Remove(underlying);
        return new ObjectShape(underlying, fields);
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly);

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : new[] { type }.Concat(type.GetInterfaces())
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    internal static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>A field of an <see cref="ObjectShape"/>.</summary>
internal sealed record Field(PropertyInfo Property, DataShape Shape);

/// <summary>A value printed as text: strings, numbers, dates, enums (printed as their Chinese description), booleans.</summary>
internal sealed record ValueShape(Type Type) : DataShape
{
    public override string Describe() => Type.Name;
}

/// <summary>A record: named fields.</summary>
internal sealed record ObjectShape(Type Type, IReadOnlyDictionary<string, Field> Fields) : DataShape
{
    public override string Describe() => Type.Name;

    /// <summary>The field names, for messages.</summary>
    public string FieldList => string.Join(", ", Fields.Keys);
}

/// <summary>A list, repeated with {{#each}}.</summary>
internal sealed record ListShape(DataShape Element) : DataShape
{
    public override string Describe() => $"list of {Element.Describe()}";
}

/// <summary>
/// Turns a data record into the plain tree Handlebars renders (dictionaries, lists, strings, booleans), formatting
/// each value the way Chinese documents write it; also builds a filled-in sample of a shape for trial renders.
/// </summary>
internal static class TemplateValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static object? From(object? value, DataShape shape) => (value, shape) switch
    {
        (null, _) => null,
        (_, ValueShape) => Format(value),
        (IEnumerable items, ListShape list) => items.Cast<object?>().Select(i => From(i, list.Element)).ToList(),
        (_, ObjectShape obj) => obj.Fields.ToDictionary(f => f.Key, f => From(f.Value.Property.GetValue(value), f.Value.Shape)),
        _ => throw new InvalidOperationException($"{value.GetType().Name} does not match {shape.Describe()}."),
    };

    /// <summary>A value as a document prints it: 2026年3月1日, 2026年3月10日9时30分, 6.5, 审查期内未提出异议.</summary>
    public static object Format(object value) => value switch
    {
        bool b => b,
        string s => s,
        DateOnly d => Date(d),
        DateTime t => Date(DateOnly.FromDateTime(t)) + Time(TimeOnly.FromDateTime(t)),
        DateTimeOffset t => Date(DateOnly.FromDateTime(t.DateTime)) + Time(TimeOnly.FromDateTime(t.DateTime)),
        TimeOnly t => Time(t),
        decimal m => m.ToString("0.############", Invariant),
        double x => x.ToString("0.############", Invariant),
        float x => x.ToString("0.######", Invariant),
        Enum e => Description(e),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string Time(TimeOnly time) => time.Minute == 0 ? $"{time.Hour}时" : $"{time.Hour}时{time.Minute}分";

    private static string Description(Enum value)
    {
        var member = value.GetType().GetField(value.ToString());
        return member?.GetCustomAttribute<DescriptionAttribute>()?.Description ?? value.ToString();
    }

    /// <summary>A sample with every field filled and every list holding two items, for the trial render at load.</summary>
    public static object? Sample(DataShape shape, string name = "样例") => shape switch
    {
        ValueShape v when v.Type == typeof(bool) => true,
        ValueShape v when v.Type == typeof(string) => name,
        ValueShape v when v.Type == typeof(DateOnly) || v.Type == typeof(DateTime) => Date(new DateOnly(2026, 1, 1)),
        ValueShape v when v.Type.IsEnum => Description((Enum)Enum.GetValues(v.Type).GetValue(0)!),
        ValueShape => "1",
        ListShape list => new List<object?> { Sample(list.Element, name), Sample(list.Element, name) },
        ObjectShape obj => obj.Fields.ToDictionary(f => f.Key, f => Sample(f.Value.Shape, f.Key)),
        _ => null,
    };
}
