namespace Bargaining.Cli;

/// <summary>Options of the form <c>--name value</c>.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Arguments Parse(string[] args)
    {
        var result = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"expected '--option value', got '{args[i]}'");
            result._values[args[i][2..]] = args[++i];
        }
        return result;
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    public string Workflows => this["workflows"] ?? BargainingOptions.FindWorkflowsDirectory();
}
