using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Infrastructure;

// Every text a command takes is bounded (issue 12): each command of the application is built with every string,
// at every depth (topics, clauses, lists), 100,000 characters long, and its validators must refuse each of them by
// name. A new command or field without a limit fails here.
public sealed class TextLimitTests
{
    private const int TooLong = 100_000;

    public static TheoryData<Type> Commands() =>
        [.. typeof(Bargaining.Persistence.BargainingDbContext).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericType: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
                && !t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Bargaining.Infrastructure.IQuery<>)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_text_of_a_command_has_a_limit_its_validator_names(Type command)
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        var texts = new List<string>();
        var instance = Build(command, "", texts, depth: 0);
        if (texts.Count == 0) return;   // a command without text
        var validators = ((IEnumerable<IValidator>)host.Services.GetServices(typeof(IValidator<>).MakeGenericType(command))).ToList();
        var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(command), instance)!;
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var validator in validators)
            foreach (var failure in (await validator.ValidateAsync(context)).Errors)
                refused.Add(failure.PropertyName);

        Assert.Equal([], texts.Except(refused).ToList());
    }

    // Fills every settable member: strings too long (noting their paths), one element in every list, and other
    // values that pass (ids, numbers, dates), so that only the lengths can be refused.
    private static object? Build(Type type, string path, List<string> texts, int depth)
    {
        if (type == typeof(string)) { texts.Add(path); return new string('字', TooLong); }
        if (Nullable.GetUnderlyingType(type) is { } inner) return Build(inner, path, texts, depth);
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(DateOnly)) return new DateOnly(2026, 3, 3);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);
        if (type == typeof(bool)) return false;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type.IsPrimitive || type == typeof(decimal)) return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        if (depth > 4 || type.IsAbstract && !type.IsInterface) return null;
        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(Build(type.GetElementType()!, $"{path}[0]", texts, depth + 1), 0);
            return array;
        }
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Build(element, $"{path}[0]", texts, depth + 1));
            return list;
        }
        if (type.IsInterface || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return null;
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        string Path(string name) => path.Length == 0 ? name : $"{path}.{name}";
        object instance;
        if (constructor is null) instance = RuntimeHelpers.GetUninitializedObject(type);
        else
            instance = constructor.Invoke([.. constructor.GetParameters().Select(p =>
                Build(p.ParameterType, Path(char.ToUpperInvariant(p.Name![0]) + p.Name[1..]), texts, depth + 1))]);
        var named = constructor?.GetParameters().Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && !named.Contains(p.Name)))
            property.SetValue(instance, Build(property.PropertyType, Path(property.Name), texts, depth + 1));
        return instance;
    }
}
