using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bargaining.Workflows.Definitions;

/// <summary>What a definition may refer to besides its own nodes.</summary>
/// <param name="Conditions">Names of the conditions decisions may use.</param>
/// <param name="Parameters">Names of the statutory periods deadlines may use.</param>
public sealed record DefinitionVocabulary(IReadOnlySet<string> Conditions, IReadOnlySet<string> Parameters)
{
    /// <summary>No conditions and no parameters.</summary>
    public static DefinitionVocabulary Empty { get; } = new(new HashSet<string>(), new HashSet<string>());
}

/// <summary>
/// Reads a definition from JSON and checks it, collecting every error with its JSON path instead of stopping at
/// the first: unknown properties, missing or duplicate ids, unknown targets, roles, conditions and parameters,
/// bad durations, unreachable nodes and dead ends.
/// </summary>
public static partial class DefinitionLoader
{
    /// <summary>Parses and validates; returns the definition, or null with the errors.</summary>
    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Parse(string json, string source, DefinitionVocabulary vocabulary)
    {
        var errors = new List<DefinitionError>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, [new DefinitionError(source, $"line {e.LineNumber + 1}", "syntax", $"not valid JSON: {e.Message}")]);
        }
        using (doc)
        {
            var reader = new Reader(source, errors);
            var definition = reader.Definition(doc.RootElement, vocabulary);
            return errors.Count == 0 ? (definition, errors) : (null, errors);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    internal static partial Regex Identifier();

    private sealed class Reader(string source, List<DefinitionError> errors)
    {
        private static readonly Dictionary<string, NodeKind> Kinds = new()
        {
            ["task"] = NodeKind.Task, ["timer"] = NodeKind.Timer, ["decision"] = NodeKind.Decision,
            ["parallel"] = NodeKind.Parallel, ["join"] = NodeKind.Join, ["end"] = NodeKind.End,
        };

        private static readonly Dictionary<NodeKind, string[]> Allowed = new()
        {
            [NodeKind.Task] = ["id", "type", "name", "description", "roles", "signals", "deadline"],
            [NodeKind.Timer] = ["id", "type", "name", "description", "timer"],
            [NodeKind.Decision] = ["id", "type", "name", "description", "cases", "otherwise"],
            [NodeKind.Parallel] = ["id", "type", "name", "description", "branches", "join"],
            [NodeKind.Join] = ["id", "type", "name", "description", "to"],
            [NodeKind.End] = ["id", "type", "name", "description", "outcome"],
        };

        private void Error(string path, string code, string message) => errors.Add(new DefinitionError(source, path, code, message));

        public WorkflowDefinition? Definition(JsonElement root, DefinitionVocabulary vocabulary)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "type", "a definition must be a JSON object");
                return null;
            }
            Properties(root, "$", ["$schema", "id", "version", "name", "description", "start", "roles", "nodes"]);
            var id = Id(root, "$", "id");
            var version = 0;
            if (!root.TryGetProperty("version", out var v)) Error("$.version", "missing", "'version' is required (a whole number from 1)");
            else if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out version) || version < 1)
                Error("$.version", "bad-version", $"'version' must be a whole number from 1, not {v.GetRawText()}");
            var name = Text(root, "$", "name", required: true);
            var description = Text(root, "$", "description", required: false);
            var start = Text(root, "$", "start", required: true);

            var roles = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!root.TryGetProperty("roles", out var rolesElement) || rolesElement.ValueKind != JsonValueKind.Object)
                Error("$.roles", "missing", "'roles' is required: an object mapping role ids to display names");
            else
                foreach (var role in rolesElement.EnumerateObject())
                {
                    if (!Identifier().IsMatch(role.Name)) Error($"$.roles.{role.Name}", "bad-id", $"role id '{role.Name}' must be lower-case words joined by '-'");
                    if (role.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(role.Value.GetString()))
                        Error($"$.roles.{role.Name}", "missing", "a role needs a display name");
                    else roles[role.Name] = role.Value.GetString()!;
                }

            var nodes = new List<(NodeDefinition Node, string Path)>();
            if (!root.TryGetProperty("nodes", out var nodesElement) || nodesElement.ValueKind != JsonValueKind.Array || nodesElement.GetArrayLength() == 0)
                Error("$.nodes", "missing", "'nodes' is required: a non-empty array");
            else
            {
                var i = 0;
                foreach (var element in nodesElement.EnumerateArray())
                {
                    var path = $"$.nodes[{i++}]";
                    var node = Node(element, path, roles, vocabulary);
                    if (node is not null) nodes.Add((node, path));
                }
            }

            var byId = new Dictionary<string, (NodeDefinition Node, string Path)>(StringComparer.Ordinal);
            foreach (var entry in nodes)
                if (!byId.TryAdd(entry.Node.Id, entry))
                    Error($"{entry.Path}.id", "duplicate-id", $"node id '{entry.Node.Id}' is already used at {byId[entry.Node.Id].Path}");

            if (start is not null && nodes.Count > 0 && !byId.ContainsKey(start))
                Error("$.start", "unknown-target", $"start node '{start}' does not exist");
            CheckReferences(nodes, byId);
            if (start is not null && byId.ContainsKey(start)) CheckGraph(start, nodes, byId);

            return errors.Count > 0 || id is null || name is null || start is null
                ? null
                : new WorkflowDefinition(id, version, name, description, start, roles, nodes.Select(n => n.Node).ToList(), source);
        }

        private NodeDefinition? Node(JsonElement e, string path, Dictionary<string, string> roles, DefinitionVocabulary vocabulary)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Error(path, "type", "a node must be a JSON object");
                return null;
            }
            var id = Id(e, path, "id");
            var typeText = Text(e, path, "type", required: true);
            if (typeText is null) return null;
            if (!Kinds.TryGetValue(typeText, out var kind))
            {
                Error($"{path}.type", "unknown-type", $"unknown node type '{typeText}'; use one of {string.Join(", ", Kinds.Keys)}");
                return null;
            }
            Properties(e, path, Allowed[kind]);
            var name = Text(e, path, "name", required: true) ?? "";

            IReadOnlyList<string> nodeRoles = [];
            IReadOnlyList<SignalDefinition> signals = [];
            PeriodDefinition? deadline = null;
            IReadOnlyList<DecisionCase> cases = [];
            IReadOnlyList<string> branches = [];
            string? otherwise = null, join = null, to = null, outcome = null;

            switch (kind)
            {
                case NodeKind.Task:
                    nodeRoles = Strings(e, path, "roles", required: true);
                    for (var r = 0; r < nodeRoles.Count; r++)
                        if (!roles.ContainsKey(nodeRoles[r])) Error($"{path}.roles[{r}]", "unknown-role", $"role '{nodeRoles[r]}' is not declared in $.roles");
                    signals = Signals(e, path, nodeRoles);
                    if (e.TryGetProperty("deadline", out var d)) deadline = PeriodSpec(d, $"{path}.deadline", vocabulary, withTo: true);
                    if (signals.Count == 0 && deadline is null)
                        Error(path, "dead-end", $"task '{id}' accepts no signal and has no deadline, so nothing can leave it");
                    break;
                case NodeKind.Timer:
                    if (!e.TryGetProperty("timer", out var t)) Error($"{path}.timer", "missing", "a timer node needs 'timer': a period and the node it leads to");
                    else deadline = PeriodSpec(t, $"{path}.timer", vocabulary, withTo: true);
                    break;
                case NodeKind.Decision:
                    cases = Cases(e, path, vocabulary);
                    otherwise = Text(e, path, "otherwise", required: true);
                    break;
                case NodeKind.Parallel:
                    branches = Strings(e, path, "branches", required: true);
                    if (e.TryGetProperty("branches", out _) && branches.Count < 2) Error($"{path}.branches", "too-few-branches", "a parallel node needs at least two branches");
                    join = Text(e, path, "join", required: true);
                    break;
                case NodeKind.Join:
                    to = Text(e, path, "to", required: true);
                    break;
                case NodeKind.End:
                    outcome = Text(e, path, "outcome", required: true);
                    break;
            }
            return id is null ? null : new NodeDefinition(id, kind, name, nodeRoles, signals, deadline, cases, otherwise, branches, join, to, outcome);
        }

        private List<SignalDefinition> Signals(JsonElement e, string path, IReadOnlyList<string> nodeRoles)
        {
            var result = new List<SignalDefinition>();
            if (!e.TryGetProperty("signals", out var list)) return result;
            if (list.ValueKind != JsonValueKind.Array)
            {
                Error($"{path}.signals", "type", "'signals' must be an array");
                return result;
            }
            var i = 0;
            foreach (var s in list.EnumerateArray())
            {
                var p = $"{path}.signals[{i++}]";
                if (s.ValueKind != JsonValueKind.Object)
                {
                    Error(p, "type", "a signal must be a JSON object");
                    continue;
                }
                Properties(s, p, ["name", "title", "to", "roles"]);
                var name = Id(s, p, "name");
                var title = Text(s, p, "title", required: true);
                var to = Text(s, p, "to", required: true);
                var roles = Strings(s, p, "roles", required: false);
                for (var r = 0; r < roles.Count; r++)
                    if (!nodeRoles.Contains(roles[r])) Error($"{p}.roles[{r}]", "unknown-role", $"role '{roles[r]}' is not one of the task's roles");
                if (name is not null && result.Any(x => x.Name == name)) Error($"{p}.name", "duplicate-id", $"signal '{name}' is already defined on this node");
                if (name is not null && title is not null && to is not null) result.Add(new SignalDefinition(name, title, to, roles));
            }
            return result;
        }

        private List<DecisionCase> Cases(JsonElement e, string path, DefinitionVocabulary vocabulary)
        {
            var result = new List<DecisionCase>();
            if (!e.TryGetProperty("cases", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                Error($"{path}.cases", "missing", "a decision needs 'cases': a non-empty array of {\"when\": condition, \"to\": node}");
                return result;
            }
            var i = 0;
            foreach (var c in list.EnumerateArray())
            {
                var p = $"{path}.cases[{i++}]";
                if (c.ValueKind != JsonValueKind.Object)
                {
                    Error(p, "type", "a case must be a JSON object");
                    continue;
                }
                Properties(c, p, ["when", "to"]);
                var when = Text(c, p, "when", required: true);
                var to = Text(c, p, "to", required: true);
                if (when is not null && !vocabulary.Conditions.Contains(when))
                    Error($"{p}.when", "unknown-condition", $"unknown condition '{when}'; known: {Known(vocabulary.Conditions)}");
                if (when is not null && to is not null) result.Add(new DecisionCase(when, to));
            }
            return result;
        }

        private PeriodDefinition? PeriodSpec(JsonElement e, string path, DefinitionVocabulary vocabulary, bool withTo)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Error(path, "type", "a period must be a JSON object");
                return null;
            }
            Properties(e, path, ["title", "duration", "parameter", "counting", "from", "before", "optional", "length", "to"]);
            var title = Text(e, path, "title", required: false);
            var durationText = Text(e, path, "duration", required: false);
            var parameter = Text(e, path, "parameter", required: false);
            Period? duration = null;
            if (durationText is not null && parameter is not null)
                Error(path, "ambiguous-period", "give either 'duration' or 'parameter', not both");
            else if (durationText is null && parameter is null)
                Error(path, "missing", "a period needs 'duration' (ISO-8601, e.g. P20D) or 'parameter' (a statutory period, e.g. replyDays)");
            if (durationText is not null)
            {
                if (Period.TryParse(durationText, out var p)) duration = p;
                else Error($"{path}.duration", "bad-duration", $"'{durationText}' is not an ISO-8601 duration such as P20D, P3M or PT12H");
            }
            if (parameter is not null && !vocabulary.Parameters.Contains(parameter))
                Error($"{path}.parameter", "unknown-parameter", $"unknown statutory parameter '{parameter}'; known: {Known(vocabulary.Parameters)}");

            DayCounting? counting = null;
            var countingText = Text(e, path, "counting", required: false);
            if (countingText is "calendar") counting = DayCounting.Calendar;
            else if (countingText is "working") counting = DayCounting.Working;
            else if (countingText is not null) Error($"{path}.counting", "bad-counting", $"'counting' must be 'calendar' or 'working', not '{countingText}'");
            if (counting == DayCounting.Working && duration is { } wd && (wd.Years != 0 || wd.Months != 0 || wd.Time != TimeSpan.Zero))
                Error($"{path}.duration", "bad-duration", "working-day periods must be whole days, e.g. P5D");

            var anchor = PeriodAnchor.Entry;
            var from = Text(e, path, "from", required: false);
            if (from is not null)
            {
                var parts = from.Split(':', 2);
                if (parts.Length == 2 && parts[0] == "variable" && parts[1].Length > 0) anchor = new PeriodAnchor(AnchorKind.Variable, parts[1]);
                else if (parts.Length == 2 && parts[0] == "deadline" && parts[1].Length > 0) anchor = new PeriodAnchor(AnchorKind.Deadline, parts[1]);
                else Error($"{path}.from", "bad-anchor", $"'from' must be 'variable:<name>' or 'deadline:<node>', not '{from}'");
            }
            var before = false;
            if (e.TryGetProperty("before", out var b))
            {
                if (b.ValueKind is JsonValueKind.True or JsonValueKind.False) before = b.GetBoolean();
                else Error($"{path}.before", "type", "'before' must be true or false");
            }
            if (before && anchor.Kind == AnchorKind.Entry)
                Error($"{path}.before", "bad-anchor", "a period counted 'before' needs 'from': the date it is counted back from");
            var optional = false;
            if (e.TryGetProperty("optional", out var o))
            {
                if (o.ValueKind is JsonValueKind.True or JsonValueKind.False) optional = o.GetBoolean();
                else Error($"{path}.optional", "type", "'optional' must be true or false");
            }
            if (optional && anchor.Kind != AnchorKind.Variable)
                Error($"{path}.optional", "bad-anchor", "only a period counted 'from' a variable can be optional (none is set while the variable is missing)");
            string? length = null;
            if (Text(e, path, "length", required: false) is { } lengthText)
            {
                var parts = lengthText.Split(':', 2);
                if (parts.Length == 2 && parts[0] == "variable" && parts[1].Length > 0) length = parts[1];
                else Error($"{path}.length", "bad-length", $"'length' must be 'variable:<name>' (a period chosen at run time, at most the duration or parameter), not '{lengthText}'");
            }
            var to = withTo ? Text(e, path, "to", required: true) : null;
            return to is null ? null : new PeriodDefinition(title, duration, parameter, counting, anchor, before, to, length, optional);
        }

        private void CheckReferences(List<(NodeDefinition Node, string Path)> nodes, Dictionary<string, (NodeDefinition Node, string Path)> byId)
        {
            void Target(string path, string? target)
            {
                if (target is not null && !byId.ContainsKey(target)) Error(path, "unknown-target", $"node '{target}' does not exist");
            }
            var joinsUsed = new HashSet<string>();
            foreach (var (node, path) in nodes)
            {
                for (var i = 0; i < node.Signals.Count; i++) Target($"{path}.signals[{i}].to", node.Signals[i].To);
                Target($"{path}.{(node.Kind == NodeKind.Timer ? "timer" : "deadline")}.to", node.Deadline?.To);
                if (node.Deadline?.Anchor is { Kind: AnchorKind.Deadline, Name: var other })
                {
                    var field = $"{path}.{(node.Kind == NodeKind.Timer ? "timer" : "deadline")}.from";
                    if (!byId.TryGetValue(other!, out var o)) Error(field, "unknown-target", $"node '{other}' does not exist");
                    else if (o.Node.Deadline is null) Error(field, "bad-anchor", $"node '{other}' has no deadline to count from");
                }
                for (var i = 0; i < node.Cases.Count; i++) Target($"{path}.cases[{i}].to", node.Cases[i].To);
                Target($"{path}.otherwise", node.Otherwise);
                for (var i = 0; i < node.Branches.Count; i++) Target($"{path}.branches[{i}]", node.Branches[i]);
                Target($"{path}.to", node.To);
                if (node.Join is not null)
                {
                    if (!byId.TryGetValue(node.Join, out var j)) Error($"{path}.join", "unknown-target", $"node '{node.Join}' does not exist");
                    else if (j.Node.Kind != NodeKind.Join) Error($"{path}.join", "not-a-join", $"node '{node.Join}' is of type '{j.Node.Kind.ToString().ToLowerInvariant()}', not a join");
                    else if (!joinsUsed.Add(node.Join)) Error($"{path}.join", "duplicate-id", $"join '{node.Join}' already closes another parallel node");
                }
            }
            foreach (var (node, path) in nodes)
                if (node.Kind == NodeKind.Join && !joinsUsed.Contains(node.Id))
                    Error(path, "orphan-join", $"join '{node.Id}' is not the join of any parallel node");
        }

        private void CheckGraph(string start, List<(NodeDefinition Node, string Path)> nodes, Dictionary<string, (NodeDefinition Node, string Path)> byId)
        {
            IEnumerable<string> Next(NodeDefinition n) => n.Targets().Where(byId.ContainsKey);
            var reachable = Closure([start], id => Next(byId[id].Node));
            foreach (var (node, path) in nodes)
                if (!reachable.Contains(node.Id)) Error(path, "unreachable", $"node '{node.Id}' cannot be reached from the start node '{start}'");

            // A parallel node continues at its join, so "can still finish" runs backwards from the ends, treating a
            // parallel as finishing when its join can.
            var predecessors = nodes.SelectMany(n => Next(n.Node).Select(t => (From: n.Node.Id, To: t)))
                .Concat(nodes.Where(n => n.Node.Join is not null && byId.ContainsKey(n.Node.Join)).Select(n => (From: n.Node.Id, To: n.Node.Join!)))
                .ToLookup(x => x.To, x => x.From);
            var canFinish = Closure(nodes.Where(n => n.Node.Kind == NodeKind.End).Select(n => n.Node.Id), id => predecessors[id]);
            // A node with no way out at all was reported where it was read (a dead-end task or a missing field).
            foreach (var (node, path) in nodes)
                if (reachable.Contains(node.Id) && !canFinish.Contains(node.Id) && node.Targets().Any())
                    Error(path, "dead-end", $"no end node can be reached from '{node.Id}'");
        }

        private static HashSet<string> Closure(IEnumerable<string> seeds, Func<string, IEnumerable<string>> next)
        {
            var seen = new HashSet<string>(seeds);
            var queue = new Queue<string>(seen);
            while (queue.TryDequeue(out var id))
                foreach (var n in next(id))
                    if (seen.Add(n)) queue.Enqueue(n);
            return seen;
        }

        private void Properties(JsonElement e, string path, string[] allowed)
        {
            foreach (var p in e.EnumerateObject())
                if (!allowed.Contains(p.Name)) Error($"{path}.{p.Name}", "unknown-property", $"unknown property '{p.Name}'; allowed here: {string.Join(", ", allowed)}");
        }

        private string? Text(JsonElement e, string path, string name, bool required)
        {
            if (!e.TryGetProperty(name, out var v))
            {
                if (required) Error($"{path}.{name}", "missing", $"'{name}' is required");
                return null;
            }
            if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
            {
                Error($"{path}.{name}", "type", $"'{name}' must be a non-empty string");
                return null;
            }
            return v.GetString();
        }

        private string? Id(JsonElement e, string path, string name)
        {
            var id = Text(e, path, name, required: true);
            if (id is not null && !Identifier().IsMatch(id))
            {
                Error($"{path}.{name}", "bad-id", $"'{id}' must be lower-case letters and digits in words joined by '-'");
                return null;
            }
            return id;
        }

        private List<string> Strings(JsonElement e, string path, string name, bool required)
        {
            var result = new List<string>();
            if (!e.TryGetProperty(name, out var v))
            {
                if (required) Error($"{path}.{name}", "missing", $"'{name}' is required");
                return result;
            }
            if (v.ValueKind != JsonValueKind.Array || (required && v.GetArrayLength() == 0))
            {
                Error($"{path}.{name}", "type", $"'{name}' must be a non-empty array of strings");
                return result;
            }
            var i = 0;
            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString())) Error($"{path}.{name}[{i}]", "type", "must be a non-empty string");
                else result.Add(item.GetString()!);
                i++;
            }
            return result;
        }

        private static string Known(IReadOnlySet<string> names) => names.Count == 0 ? "(none)" : string.Join(", ", names.Order(StringComparer.Ordinal));
    }
}
