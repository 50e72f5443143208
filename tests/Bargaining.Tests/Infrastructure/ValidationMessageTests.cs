using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Infrastructure;

// Every refusal is in Chinese (issue 12): each rule of each validator of the application states its own message,
// never FluentValidation's English default ("'Topic' must not be empty."). A new rule without one fails here.
public sealed class ValidationMessageTests
{
    public static TheoryData<Type> Validators() =>
        [.. typeof(Bargaining.Persistence.BargainingDbContext).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Validators))]
    public async Task Every_rule_of_a_validator_refuses_in_Chinese(Type type)
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 3, 10));
        await using var scope = host.Services.CreateAsyncScope();
        var validator = (IValidator)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        var english = new List<string>();
        foreach (var rule in validator.CreateDescriptor().Rules)
            foreach (var component in rule.Components.Where(c => c.Validator is not IChildValidatorAdaptor))
            {
                if (Message(component) is { } message && !Regex.IsMatch(message, @"\p{IsCJKUnifiedIdeographs}"))
                    english.Add($"{rule.PropertyName}: {component.Validator.Name}: {message}");
            }

        Assert.Equal([], english);
    }

    // The message a rule states; null for a message made from the request being validated (a factory of ours, which
    // reads the request and so cannot be made without one; FluentValidation's defaults never need it).
    private static string? Message(IRuleComponent component)
    {
        try { return component.GetUnformattedErrorMessage(); }
        catch (NullReferenceException) { return null; }
    }
}
