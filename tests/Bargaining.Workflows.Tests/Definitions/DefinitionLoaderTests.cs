namespace Bargaining.Workflows.Tests.Definitions;

public sealed class DefinitionLoaderTests
{
    [Fact]
    public void The_offer_round_uses_every_kind_of_node_and_is_valid()
    {
        var (definition, errors) = TestWorkflows.Parse("offer-round.v1.json");

        Assert.Empty(errors);
        Assert.Equal(Enum.GetValues<NodeKind>().Order(), definition!.NodeOrder.Select(n => n.Kind).Distinct().Order());
        Assert.Equal("replyDays", definition.Node("await-reply").Deadline!.Parameter);
        Assert.Equal(Period.Parse("P7D"), definition.Node("notice").Deadline!.Duration);
        Assert.Equal("prepared", definition.Node("prepare").Join);
    }

    [Fact]
    public void Broken_JSON_is_a_syntax_error_on_its_line() =>
        AssertOnlyError("syntax.json", "syntax", "line 4", "not valid JSON");

    [Fact]
    public void An_unknown_property_is_named_with_the_ones_allowed_there() =>
        AssertOnlyError("unknown-property.json", "unknown-property", "$.nodes[0].assignee", "unknown property 'assignee'; allowed here: id, type");

    [Fact]
    public void A_definition_needs_an_id() => AssertOnlyError("missing-id.json", "missing", "$.id", "'id' is required");

    [Fact]
    public void A_definition_needs_a_version() => AssertOnlyError("missing-version.json", "missing", "$.version", "'version' is required");

    [Fact]
    public void A_definition_needs_a_name() => AssertOnlyError("missing-name.json", "missing", "$.name", "'name' is required");

    [Fact]
    public void A_definition_needs_a_start_node() => AssertOnlyError("missing-start.json", "missing", "$.start", "'start' is required");

    [Fact]
    public void A_definition_needs_roles() => AssertOnlyError("missing-roles.json", "missing", "$.roles", "'roles' is required");

    [Fact]
    public void A_definition_needs_nodes() => AssertOnlyError("missing-nodes.json", "missing", "$.nodes", "'nodes' is required");

    [Fact]
    public void An_id_is_lower_case_words_joined_by_hyphens() =>
        AssertOnlyError("bad-id.json", "bad-id", "$.id", "'Offer_Round' must be lower-case");

    [Fact]
    public void A_node_id_used_twice_points_to_its_first_use() =>
        AssertOnlyError("duplicate-node-id.json", "duplicate-id", "$.nodes[2].id", "node id 'end' is already used at $.nodes[1]");

    [Fact]
    public void An_unknown_node_type_lists_the_known_ones() =>
        AssertOnlyError("unknown-node-type.json", "unknown-type", "$.nodes[1].type", "unknown node type 'wait'; use one of task, timer");

    [Fact]
    public void A_task_role_must_be_declared() =>
        AssertOnlyError("unknown-role.json", "unknown-role", "$.nodes[0].roles[1]", "role 'mediator' is not declared");

    [Fact]
    public void A_signal_role_must_be_one_of_its_tasks_roles() =>
        AssertOnlyError("unknown-signal-role.json", "unknown-role", "$.nodes[0].signals[0].roles[0]", "role 'employer' is not one of the task's roles");

    [Fact]
    public void A_signal_to_a_missing_node_is_an_unknown_target() =>
        AssertOnlyError("unknown-target-signal.json", "unknown-target", "$.nodes[0].signals[1].to", "node 'nowhere' does not exist");

    [Fact]
    public void A_deadline_to_a_missing_node_is_an_unknown_target() =>
        AssertOnlyError("unknown-target-deadline.json", "unknown-target", "$.nodes[0].deadline.to", "node 'too-late' does not exist");

    [Fact]
    public void A_decision_falling_back_to_a_missing_node_is_an_unknown_target() =>
        AssertOnlyError("unknown-target-otherwise.json", "unknown-target", "$.nodes[1].otherwise", "node 'elsewhere' does not exist");

    [Fact]
    public void A_branch_to_a_missing_node_is_an_unknown_target() =>
        AssertOnlyError("unknown-target-branch.json", "unknown-target", "$.nodes[1].branches[1]", "node 'right' does not exist");

    [Fact]
    public void A_missing_start_node_is_an_unknown_target() =>
        AssertOnlyError("unknown-target-start.json", "unknown-target", "$.start", "start node 'begin' does not exist");

    [Fact]
    public void A_task_with_no_signal_and_no_deadline_is_a_dead_end() =>
        AssertOnlyError("dead-end-task.json", "dead-end", "$.nodes[1]", "task 'parked' accepts no signal and has no deadline");

    [Fact]
    public void Nodes_that_only_lead_to_each_other_are_dead_ends()
    {
        var (definition, errors) = TestWorkflows.Parse("Invalid/dead-end-cycle.json");

        Assert.Null(definition);
        Assert.Equal([("dead-end", "$.nodes[1]"), ("dead-end", "$.nodes[2]")], errors.Select(e => (e.Code, e.Path)));
        Assert.Contains("no end node can be reached from 'ping'", errors[0].Message);
    }

    [Fact]
    public void A_node_nothing_leads_to_is_unreachable() =>
        AssertOnlyError("unreachable.json", "unreachable", "$.nodes[2]", "node 'forgotten' cannot be reached from the start node 'a'");

    [Fact]
    public void A_decision_on_an_unregistered_condition_lists_the_known_ones() =>
        AssertOnlyError("unknown-condition.json", "unknown-condition", "$.nodes[1].cases[0].when", "unknown condition 'quorum-met'; known: agreed");

    [Fact]
    public void A_deadline_on_an_unknown_statutory_period_lists_the_known_ones() =>
        AssertOnlyError("unknown-parameter.json", "unknown-parameter", "$.nodes[0].deadline.parameter", "unknown statutory parameter 'objectionDays'; known: replyDays");

    [Fact]
    public void Durations_that_are_not_ISO_8601_are_refused_each_where_it_is()
    {
        var (definition, errors) = TestWorkflows.Parse("Invalid/bad-duration.json");

        Assert.Null(definition);
        Assert.Equal(
            [("bad-duration", "$.nodes[0].deadline.duration", "'20 days'"), ("bad-duration", "$.nodes[1].timer.duration", "'P'"), ("bad-duration", "$.nodes[2].timer.duration", "'PT'")],
            errors.Select(e => (e.Code, e.Path, e.Message[..e.Message.IndexOf(" is not", StringComparison.Ordinal)])));
    }

    [Fact]
    public void A_period_with_both_a_duration_and_a_parameter_is_ambiguous() =>
        AssertOnlyError("duration-and-parameter.json", "ambiguous-period", "$.nodes[0].deadline", "either 'duration' or 'parameter', not both");

    [Fact]
    public void A_parallel_node_needs_two_branches() =>
        AssertOnlyError("one-branch.json", "too-few-branches", "$.nodes[1].branches", "at least two branches");

    [Fact]
    public void A_parallel_node_must_close_at_a_join_node() =>
        AssertOnlyError("join-not-a-join.json", "not-a-join", "$.nodes[1].join", "node 'end' is");

    [Fact]
    public void A_join_that_closes_no_parallel_node_is_an_orphan() =>
        AssertOnlyError("orphan-join.json", "orphan-join", "$.nodes[1]", "join 'meet' is not the join of any parallel node");

    [Fact]
    public void A_chosen_length_is_read_from_a_variable_only() =>
        AssertOnlyError("bad-length.json", "bad-length", "$.nodes[0].deadline.length", "'length' must be 'variable:<name>'");

    [Fact]
    public void A_period_counts_from_a_variable_or_a_deadline_only() =>
        AssertOnlyError("bad-anchor.json", "bad-anchor", "$.nodes[0].deadline.from", "'from' must be 'variable:<name>' or 'deadline:<node>', not 'receipt'");

    [Fact]
    public void A_period_counted_from_another_deadline_needs_a_node_that_has_one() =>
        AssertOnlyError("anchor-without-deadline.json", "bad-anchor", "$.nodes[1].deadline.from", "node 'a' has no deadline to count from");

    [Fact]
    public void A_period_counted_before_needs_a_date_to_count_back_from() =>
        AssertOnlyError("before-without-from.json", "bad-anchor", "$.nodes[0].timer.before", "needs 'from'");

    [Fact]
    public void Only_a_period_counted_from_a_variable_can_be_optional() =>
        AssertOnlyError("optional-without-variable.json", "bad-anchor", "$.nodes[0].deadline.optional", "only a period counted 'from' a variable can be optional");

    [Fact]
    public void One_file_with_several_problems_reports_all_of_them()
    {
        var (definition, errors) = TestWorkflows.Parse("Invalid/several-problems.json");

        Assert.Null(definition);
        Assert.Equal(
            new[]
            {
                ("bad-id", "$.id"),
                ("unknown-role", "$.nodes[0].roles[1]"),
                ("bad-duration", "$.nodes[0].deadline.duration"),
                ("unknown-property", "$.nodes[1].colour"),
                ("unknown-condition", "$.nodes[1].cases[0].when"),
                ("unknown-target", "$.nodes[0].signals[1].to"),
                ("unreachable", "$.nodes[3]"),
            }.Order(),
            errors.Select(e => (e.Code, e.Path)).Order());
        Assert.All(errors, e => Assert.Equal("Invalid/several-problems.json", e.Source));
    }

    private static void AssertOnlyError(string file, string code, string path, string message)
    {
        var (definition, errors) = TestWorkflows.Parse($"Invalid/{file}");

        Assert.Null(definition);
        var error = Assert.Single(errors);
        Assert.Equal((code, path), (error.Code, error.Path));
        Assert.Contains(message, error.Message);
        Assert.Equal($"Invalid/{file}", error.Source);
    }
}
