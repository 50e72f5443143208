using System.Text;
using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Renewal;
using Bargaining.Features.Rounds.Views;
using Bargaining.Persistence;
using Bargaining.Tests.Shared;
using Bargaining.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Walk;

/// <summary>
/// Walks rounds the way people do: at each step it asks <see cref="RoundActionsQuery"/> what everyone of the round's
/// enterprise and county may do now, picks one enabled action at random, sends its command with plausible data
/// (sometimes with invalid data, expecting a Chinese refusal), lets a random time pass (a millisecond to weeks, the
/// timer processor sometimes lagging), and checks the invariants of issues 10 and 15. Everything random comes from
/// one seed, so a walk replays exactly.
/// </summary>
public sealed partial class Walker(WalkWorld world, int seed, int rounds)
{
    /// <summary>Rounds walked at once; they share the clock, so one round's weeks are another's deadlines.</summary>
    private const int Lanes = 6;
    /// <summary>A round still running after this many steps is left where it is (bargaining may loop for ever).</summary>
    private const int StepsPerRound = 90;

    private readonly Random _random = new(seed);
    private readonly List<Lane> _live = [];
    private readonly List<Lane> _all = [];
    private readonly Queue<string> _recent = new();

    public List<WalkFinding> Findings { get; } = [];
    public SortedDictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Actions { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Coverage { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> UnavailableDocuments { get; } = new(StringComparer.Ordinal);
    public int Steps { get; private set; }
    public int RoundsStarted { get; private set; }
    public int Prints { get; private set; }
    public int ReadBacks { get; private set; }

    /// <summary>Run every 20 steps while rounds are live, by a test that checks more than the walk's invariants.</summary>
    public Func<Task>? Checks { get; init; }

    /// <summary>Where the walk's time goes, for keeping the CI run short (not asserted).</summary>
    public SortedDictionary<string, TimeSpan> Spent { get; } = new(StringComparer.Ordinal);

    private async Task<T> TimedAsync<T>(string what, Func<Task<T>> work)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return await work();
        }
        finally
        {
            Spent[what] = Spent.GetValueOrDefault(what) + watch.Elapsed;
        }
    }

    private Task TimedAsync(string what, Func<Task> work) => TimedAsync(what, async () => { await work(); return 0; });

    private sealed class Lane(Guid round, WalkEnterprise enterprise, string label)
    {
        public Guid Round { get; } = round;
        public WalkEnterprise Enterprise { get; } = enterprise;
        public string Label { get; } = label;
        public int Steps { get; set; }
        /// <summary>The stage the round showed when last seen.</summary>
        public RoundStage Stage { get; set; }
        /// <summary>What becomes of its contract once published: renewed, rescinded or terminated, or left to expire; chosen once.</summary>
        public RoundActionKind? InForce { get; set; }
        public List<string> Log { get; } = [];
        public HashSet<string> Reported { get; } = [];
    }

    public async Task RunAsync()
    {
        var idle = 0;
        while (Steps < rounds * StepsPerRound * 2)
        {
            if (RoundsStarted < rounds && _live.Count < Lanes)
            {
                await StartRoundAsync();
                continue;
            }
            if (_live.Count == 0) break;
            var lane = _live[_random.Next(_live.Count)];
            if (await StepAsync(lane))
            {
                idle = 0;
                Steps++;
                await TimedAsync("time passing", PassTimeAsync);
                if (Steps % 25 == 0) await TimedAsync("running rounds", RunningRoundsAsync);
                if (Steps % 150 == 0) await TimedAsync("dashboard", DashboardAsync);
                if (Steps % 20 == 0 && Checks is not null) await TimedAsync("checks", Checks);
            }
            else if (++idle > 3 * _live.Count)
            {
                // Every live round waits for a timer: let time run to the next one.
                idle = 0;
                var next = await world.WithServicesAsync(s => s.GetRequiredService<WorkflowEngine>().NextDueAsync());
                if (next is null) break;
                await world.AdvanceToAsync(next.Value, fireTimers: true);
            }
        }
        await RunningRoundsAsync();
        await DashboardAsync();
    }

    // ---- starting rounds -------------------------------------------------------------------------------------

    private async Task StartRoundAsync()
    {
        RoundsStarted++;
        var running = await RunningAsync();
        var duplicate = _random.NextDouble() < 0.04 && running.Count > 0;
        WalkEnterprise enterprise;
        RoundKind kind;
        if (duplicate)
        {
            var pick = running.OrderBy(r => r.Key.Enterprise).ThenBy(r => r.Key.Kind).ElementAt(_random.Next(running.Count)).Key;
            enterprise = world.Enterprises.Single(e => e.Enterprise.Id == pick.Enterprise);
            kind = pick.Kind;
        }
        else
        {
            var free = world.Enterprises.SelectMany(e => Enum.GetValues<RoundKind>().Select(k => (e, k))).Where(x => !running.ContainsKey((x.e.Enterprise.Id, x.k))).ToList();
            if (free.Count == 0) return;
            (enterprise, kind) = free[_random.Next(free.Count)];
        }
        var simplified = !duplicate && _random.NextDouble() < 0.25;
        var offering = !simplified && _random.NextDouble() < 0.3 ? Side.Employer : Side.Worker;
        var starter = _random.NextDouble() < 0.5 ? enterprise.Staff : offering == Side.Worker ? enterprise.Chair : enterprise.Employer;
        var command = new StartRoundCommand(enterprise.Enterprise.Id, kind, simplified ? Procedure.Simplified : Procedure.Ordinary, offering);
        var label = $"{enterprise.Enterprise.Name} {kind.Chinese()} {command.Procedure.Chinese()} {offering.Chinese()}要约";
        try
        {
            var round = await world.SendAsync(command, starter.User);
            var lane = new Lane(round, enterprise, label);
            Note(lane, $"{starter.Label} 发起协商：{label}");
            if (duplicate)
                Report(lane, Finding.TwoRunningRounds, $"{enterprise.Enterprise.Name}已有一轮进行中的{kind.Chinese()}协商，{starter.Label}又发起了一轮，被接受");
            Count(Coverage, $"kind {kind}");
            Count(Coverage, $"procedure {command.Procedure}");
            Count(Coverage, $"offered by {offering}");
            _live.Add(lane);
            _all.Add(lane);
        }
        catch (DomainException e)
        {
            Count(Refusals, $"start:{e.Code}");
            Note(null, $"{starter.Label} 发起协商（{label}）被拒绝：{e.Code} {e.Message}");
            if (!duplicate) Count(Coverage, $"start refused {kind} {e.Code}");
        }
    }

    /// <summary>
    /// Rounds that bargain now, by enterprise and kind: running, not yet effective, and not a renewal still waiting
    /// for its window (a renewal may wait beside the contract it renews, Art 38).
    /// </summary>
    private async Task<Dictionary<(Guid Enterprise, RoundKind Kind), List<Guid>>> RunningAsync() =>
        await world.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<BargainingDbContext>();
            var rounds = await db.Rounds.AsNoTracking().Select(r => new { r.Id, r.EnterpriseId, r.Kind, r.WorkflowInstanceId, r.Renewal.RenewsRoundId, r.Offer.MadeAt }).ToListAsync();
            var states = await s.GetRequiredService<WorkflowEngine>().DescribeAsync([.. rounds.Select(r => r.WorkflowInstanceId)]);
            return rounds.Where(r => states[r.WorkflowInstanceId].Snapshot.Status == WorkflowStatus.Running
                                     && RoundStages.Of(states[r.WorkflowInstanceId].Snapshot) is not (RoundStage.Effective or RoundStage.Closed)
                                     && !(r.RenewsRoundId is not null && r.MadeAt is null))
                .GroupBy(r => (r.EnterpriseId, r.Kind)).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
        });

    // ---- one step ----------------------------------------------------------------------------------------------

    /// <summary>Takes one step in the lane's round; false when nobody can act there now (a timer is pending).</summary>
    private async Task<bool> StepAsync(Lane lane)
    {
        var offered = new List<(Actor Actor, RoundAction Action)>();
        // The county's people are asked only where the workflow waits for them (or, for county staff, where a
        // contract is effective and may be renewed): their other steps offer nothing, and asking costs time.
        var overview = (await world.WithServicesAsync(s => s.GetRequiredService<WorkflowEngine>().DescribeAsync([lane.Round])))[lane.Round];
        var awaited = overview.Awaiting.SelectMany(a => a.Roles).ToHashSet(StringComparer.Ordinal);
        var renewable = overview.Snapshot.Status == WorkflowStatus.Completed || overview.Awaiting.Any(a => a.Node is Nodes.Effective or Nodes.Published);
        foreach (var actor in lane.Enterprise.Everyone.Where(a => a.User.Role switch
                 {
                     Role.CountyStaff => awaited.Contains(WorkflowRoles.CountyUnion) || renewable,
                     Role.Instructor => awaited.Contains(WorkflowRoles.CountyUnion),
                     Role.Reviewer => awaited.Contains(WorkflowRoles.Reviewer),
                     Role.Coordinator => awaited.Contains(WorkflowRoles.Coordinator),
                     _ => true,
                 }))
        {
            var actions = await TimedAsync("actions query", () => world.SendAsync(new RoundActionsQuery(lane.Round), actor.User));
            offered.AddRange(actions.Actions.Select(a => (actor, a)));
        }
        var enabled = offered.Where(o => o.Action.Enabled).ToList();
        var snapshot = await world.WithServicesAsync(s => s.GetRequiredService<WorkflowEngine>().GetCurrentAsync(lane.Round));
        CheckStage(lane, snapshot!);
        if (snapshot!.Status == WorkflowStatus.Completed || lane.Steps >= StepsPerRound)
        {
            if (snapshot.Status == WorkflowStatus.Completed) Count(Outcomes, snapshot.Outcome ?? "?");
            if (RoundStages.Of(snapshot) == RoundStage.Effective) await TimedAsync("implementation checks", () => CheckImplementationAsync(lane));
            else Count(Outcomes, "left running after " + StepsPerRound + " steps at " + string.Join("、", snapshot.Steps.Select(s => s.Node)));
            // An effective contract is renewed (Art 38) or changed (Art 39–41) as a round of its own.
            var next = enabled.Where(o => o.Action.Action is RoundActionKind.StartRenewal or RoundActionKind.ProposeChange).ToList();
            if (snapshot.Status == WorkflowStatus.Completed && next.Count > 0 && RoundsStarted < rounds && _random.NextDouble() < 0.6)
                await ActAsync(lane, next[_random.Next(next.Count)], invalid: _random.NextDouble() < 0.08);
            _live.Remove(lane);
            return true;
        }
        if (enabled.Count == 0)
        {
            if (await world.HasTimerAsync(lane.Round)) return false;
            var at = string.Join("、", snapshot.Steps.Select(s => s.Name));
            var disabled = string.Join("；", offered.Select(o => $"{o.Actor.Label}：{o.Action.Title}（{o.Action.Reason}）"));
            var round = (await FactsAsync(lane.Round)).Round;
            var finding = round.Coordination.Agreement is not null && snapshot.Steps.Any(s => s.Node == Nodes.Preparation) ? Finding.StuckAfterCoordination
                : round is { Signing.WorkerSignedAt: not null, Signing.EmployerSignedAt: not null, Signing.TermStartsOn: null } ? Finding.StuckWithoutTerm
                : Finding.Stuck;
            Report(lane, finding,
                $"停在“{at}”：没有任何人可以操作，也没有待触发的期限。{(disabled.Length == 0 ? "没有提供任何操作" : "不可用的操作：" + disabled)}");
            _live.Remove(lane);
            return true;
        }
        // A contract in force is renewed, rescinded or terminated (Art 38–41), or left to run out: its lane then waits
        // for the expiry timer like any other deadline.
        if (snapshot.Steps.Any(s => s.Node == Nodes.Published))
        {
            lane.InForce ??= _random.NextDouble() switch { < 0.35 => RoundActionKind.StartRenewal, < 0.6 => RoundActionKind.ProposeTermination, _ => null };
            RoundActionKind[] ending = lane.InForce == RoundActionKind.ProposeTermination
                ? [RoundActionKind.ProposeTermination, RoundActionKind.ConfirmTermination, RoundActionKind.DeclineTermination]
                : lane.InForce is { } kind ? [kind] : [];
            enabled = [.. enabled.Where(o => ending.Contains(o.Action.Action))];
            if (enabled.Count == 0) return false;
            var chosen = enabled[_random.Next(enabled.Count)];
            if (chosen.Action.Action == RoundActionKind.StartRenewal && RoundsStarted >= rounds) return false;
            await TimedAsync("command", () => ActAsync(lane, chosen, invalid: _random.NextDouble() < 0.08));
            lane.Steps++;
            if (chosen.Action.Action == RoundActionKind.StartRenewal) _live.Remove(lane);
            await TimedAsync("round invariants", () => CheckRoundAsync(lane));
            if (_random.NextDouble() < 0.3) await TimedAsync("documents", () => CheckDocumentsAsync(lane));
            return true;
        }
        // Where a deadline runs, people sometimes let it run (the reviewer who has no objection, a late reply).
        if (await world.HasTimerAsync(lane.Round) && _random.NextDouble() < 0.3)
        {
            Count(Actions, "(let a deadline run)");
            return true;
        }
        var termAgreed = (await FactsAsync(lane.Round)).Round.Signing.TermStartsOn is not null;
        var choice = Choose(enabled, termAgreed);
        await TimedAsync("command", () => ActAsync(lane, choice, invalid: _random.NextDouble() < 0.08));
        lane.Steps++;
        await TimedAsync("round invariants", () => CheckRoundAsync(lane));
        if (_random.NextDouble() < 0.08) await TimedAsync("documents", () => CheckDocumentsAsync(lane));
        return true;
    }

    private (Actor Actor, RoundAction Action) Choose(List<(Actor Actor, RoundAction Action)> enabled, bool termAgreed)
    {
        // A fixed order first (ids are random across runs), then a weighted pick that favours moving on.
        var ordered = enabled.OrderBy(o => o.Actor.User.UserId, StringComparer.Ordinal).ThenBy(o => o.Action.Action).ThenBy(o => o.Action.Title, StringComparer.Ordinal).ToList();
        var weights = ordered.Select(o => o.Action.Action == RoundActionKind.AgreeTerm && termAgreed ? 0.1 : Weight(o.Action.Action)).ToList();
        var pick = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < ordered.Count; i++)
        {
            pick -= weights[i];
            if (pick <= 0) return ordered[i];
        }
        return ordered[^1];
    }

    private static double Weight(RoundActionKind kind) => kind switch
    {
        RoundActionKind.SendOffer or RoundActionKind.NameRepresentatives or RoundActionKind.Conclude or RoundActionKind.Sign or RoundActionKind.File
            or RoundActionKind.Publish or RoundActionKind.RecordVote or RoundActionKind.Accept or RoundActionKind.Resume => 8,
        RoundActionKind.AgreeTopic or RoundActionKind.RecordMeeting or RoundActionKind.AgreeInCoordination => 6,
        RoundActionKind.SignMinutes or RoundActionKind.SignMemo or RoundActionKind.StartRenewal or RoundActionKind.ProposeChange => 3,
        RoundActionKind.ScheduleMeeting or RoundActionKind.CounterPropose or RoundActionKind.AgreeTerm => 1.5,
        RoundActionKind.Propose or RoundActionKind.Suspend or RoundActionKind.Urge or RoundActionKind.WithdrawTopic => 0.6,
        RoundActionKind.ApplyCoordination or RoundActionKind.Refuse or RoundActionKind.Object => 0.4,
        _ => 1,
    };

    /// <summary>Sends the chosen action's command as its actor, with valid data or (sometimes) invalid data, and judges the answer.</summary>
    private async Task ActAsync(Lane lane, (Actor Actor, RoundAction Action) choice, bool invalid)
    {
        var (actor, action) = choice;
        var facts = await FactsAsync(lane.Round);
        var made = Build(lane, facts, action, invalid);
        if (made is null && invalid) made = Build(lane, facts, action, invalid: false);
        if (made is null) return;
        var (request, expectRefusal, acceptedFinding) = made.Value;
        var what = $"{actor.Label}：{action.Title}{(expectRefusal ? "（无效数据）" : "")} {Describe(request)}";
        Count(Actions, action.Action + (expectRefusal ? " (invalid)" : ""));
        try
        {
            var result = await world.SendObjectAsync(request, actor.User);
            Note(lane, $"{what} → 接受");
            if (expectRefusal)
                Report(lane, acceptedFinding ?? Finding.InvalidAccepted, $"{what}：无效数据被接受");
            await AfterAsync(lane, action, result);
        }
        catch (DomainException e)
        {
            Count(Refusals, $"{e.Kind}:{e.Code}");
            Note(lane, $"{what} → 拒绝 {e.Kind} {e.Code}：{e.Message}");
            if (!e.Message.Any(c => c is >= '\u4e00' and <= '\u9fff'))
                Report(lane, Finding.NotChinese, $"{what}：拒绝理由没有中文：{e.Message}");
            if (!expectRefusal)
                Report(lane, e.Kind == FailureKind.Forbidden ? Finding.OfferedForbidden : Finding.OfferedRefused,
                    $"{what}：提供的操作以有效数据发送，却被拒绝（{e.Kind} {e.Code}）：{e.Message}");
            else if (e.Kind == FailureKind.Forbidden)
                Report(lane, Finding.OfferedForbidden, $"{what}：无效数据被当作无权操作拒绝：{e.Message}");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Count(Refusals, "unexpected:" + e.GetType().Name);
            Note(lane, $"{what} → 异常 {e.GetType().Name}：{e.Message}");
            Report(lane, Finding.Unexpected, $"{what}：{e}");
        }
    }

    /// <summary>What follows a successful command: a renewal or a change is walked as a round of its own; the offer letter is read.</summary>
    private async Task AfterAsync(Lane lane, RoundAction action, object? result)
    {
        if (result is Guid next && action.Action is RoundActionKind.StartRenewal or RoundActionKind.ProposeChange)
        {
            var (coverage, what) = action.Action == RoundActionKind.StartRenewal ? ("renewal", "续订") : ("change", "变更");
            RoundsStarted++;
            Count(Coverage, coverage);
            var walked = new Lane(next, lane.Enterprise, $"{lane.Label}（{what}）");
            Note(walked, $"{what} {lane.Round}");
            _live.Add(walked);
            _all.Add(walked);
        }
        if (action.Action == RoundActionKind.ApplyCoordination) Count(Coverage, "coordination");
        if (action.Action == RoundActionKind.SendOffer)
        {
            try
            {
                var letter = await world.WithServicesAsync(s => s.GetRequiredService<RoundDocuments>().OfferLetterAsync(lane.Round, default));
                if (letter.Topics.Count == 0) Report(lane, Finding.OfferLetterWithoutTopics, "要约书“一、协商议题”下没有任何议题：议题的时间晚于要约书发出的时间");
            }
            catch (DomainException e)
            {
                Report(lane, Finding.DocumentUnavailable, $"要约书在发出后不能打印：{e.Message}");
            }
        }
    }

    /// <summary>Lets a random time pass: mostly milliseconds to hours, sometimes days or weeks.</summary>
    private async Task PassTimeAsync()
    {
        var roll = _random.NextDouble();
        var by = roll switch
        {
            < 0.35 => TimeSpan.FromMilliseconds(1 + _random.Next(1000)),
            < 0.60 => TimeSpan.FromMinutes(1 + _random.Next(240)),
            < 0.92 => TimeSpan.FromHours(4 + _random.Next(44)),
            < 0.98 => TimeSpan.FromDays(2 + _random.Next(6)),
            _ => TimeSpan.FromDays(7 + _random.Next(21)),
        };
        // The timer processor polls; now and then a step comes before it has caught up.
        await world.AdvanceToAsync(world.Clock.Peek + by, fireTimers: _random.NextDouble() >= 0.15);
    }

    // ---- invariants ----------------------------------------------------------------------------------------------

    /// <summary>
    /// The stage the round shows never goes back, neither by a command nor by time passing; checked after every
    /// command and whenever the walk comes back to the round.
    /// </summary>
    private void CheckStage(Lane lane, WorkflowSnapshot snapshot)
    {
        var stage = RoundStages.Of(snapshot);
        if (stage < lane.Stage)
            Report(lane, Finding.StageWentBack, $"阶段从“{lane.Stage.Chinese()}”退回“{stage.Chinese()}”，现处于“{string.Join("、", snapshot.Steps.Select(s => s.Name))}”（{snapshot.Status}{(snapshot.Outcome is { } o ? "，" + o : "")}）");
        lane.Stage = stage;
    }

    /// <summary>No step the regulation forbids happened in the round, read from its rows and journal.</summary>
    private async Task CheckRoundAsync(Lane lane)
    {
        CheckStage(lane, (await world.WithServicesAsync(s => s.GetRequiredService<WorkflowEngine>().GetCurrentAsync(lane.Round)))!);
        var facts = await FactsAsync(lane.Round);
        var round = facts.Round;
        var (journal, verification) = await world.WithServicesAsync(async s =>
        {
            var engine = s.GetRequiredService<WorkflowEngine>();
            return (await engine.JournalAsync(round.WorkflowInstanceId), await engine.VerifyJournalAsync(round.WorkflowInstanceId));
        });
        if (!verification.Valid) Report(lane, Finding.FactsDifferFromJournal, $"流程日志校验不通过：第{verification.BrokenAt}条，{verification.Problem}");
        foreach (var difference in RoundAudit.Differences(round, journal)) Report(lane, Finding.FactsDifferFromJournal, difference, difference);
        if (round.Table.ConcludedAt is { } concluded && !facts.Meetings.Any(m => m.RecordedAt is { } recorded && recorded <= concluded))
            Report(lane, Finding.DraftBeforeHeldMeeting, $"第{round.Table.Draft}稿合同草案于{Local(concluded)}形成，此前没有召开过（已记录的）协商会议");
        if (round is { Signing.WorkerSignedAt: not null, Signing.EmployerSignedAt: not null, Signing.TermStartsOn: null })
            Report(lane, Finding.SignedWithoutTerm, "双方首席代表已签字，合同没有约定期限");
        if (round.Filing.ReceivedOn is not null && (round.Signing.WorkerSignedAt is null || round.Signing.EmployerSignedAt is null))
            Report(lane, Finding.FiledBeforeSigning, "合同已报送审查，双方首席代表尚未都签字");
        if (round is { Congress.Entitled: { } entitled, Congress.Present: { } present }
            && (entitled > lane.Enterprise.Enterprise.Employees || (present * 3 < entitled * 2 && round.Congress.Adopted is not null)))
            Report(lane, Finding.ImpossibleVote, $"记录的职代会表决：应到{entitled}人（企业职工{lane.Enterprise.Enterprise.Employees}人），实到{present}人，赞成{round.Congress.InFavour}人");
    }

    /// <summary>At most one round of a kind bargains for an enterprise at a time.</summary>
    private async Task RunningRoundsAsync()
    {
        foreach (var (key, ids) in await RunningAsync())
        {
            if (ids.Count < 2) continue;
            var lane = _all.FirstOrDefault(l => l.Round == ids[^1]);
            Report(lane, Finding.TwoRunningRounds, $"{world.Enterprises.Single(e => e.Enterprise.Id == key.Enterprise).Enterprise.Name}同时有{ids.Count}轮{key.Kind.Chinese()}协商在进行");
        }
    }

    /// <summary>The city dashboard counts enterprises, as the database does, and its totals add up.</summary>
    private async Task DashboardAsync()
    {
        var dashboard = await world.SendAsync(new CityDashboardQuery(world.CampaignId), world.City.User);
        var expected = await world.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<BargainingDbContext>();
            var engine = s.GetRequiredService<WorkflowEngine>();
            var rounds = await db.Rounds.AsNoTracking().Join(db.Enterprises, r => r.EnterpriseId, e => e.Id, (r, e) => new { Round = r, e.OrganisationId }).ToListAsync();
            var states = await engine.DescribeAsync([.. rounds.Select(r => r.Round.WorkflowInstanceId)]);
            var enterprises = await db.Enterprises.AsNoTracking().GroupBy(e => e.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            return rounds.GroupBy(r => r.OrganisationId).ToDictionary(g => g.Key, g =>
            {
                var since = g.Where(r => r.Round.Offer.MadeAt is { } at && DateOnly.FromDateTime(at.ToOffset(China.Offset).DateTime) >= world.CampaignStartsOn).ToList();
                return (Enterprises: enterprises.GetValueOrDefault(g.Key),
                    Offered: since.Select(r => r.Round.EnterpriseId).Distinct().Count(),
                    Signed: since.Where(r => RoundStages.Of(states[r.Round.WorkflowInstanceId].Snapshot).IsSigned()).Select(r => r.Round.EnterpriseId).Distinct().Count(),
                    Covered: g.Where(r => RoundStages.Of(states[r.Round.WorkflowInstanceId].Snapshot) == RoundStage.Effective).Select(r => r.Round.EnterpriseId).Distinct().Count());
            });
        });
        var problems = new List<string>();
        foreach (var row in dashboard.Rows.Where(r => r.Participating))
        {
            var p = row.Progress;
            var want = expected.GetValueOrDefault(p.OrganisationId);
            if (want == default) want = (world.Enterprises.Count(e => e.County.Id == p.OrganisationId), 0, 0, 0);
            if ((p.Enterprises, p.EnterprisesOffered, p.EnterprisesSigned, p.EnterprisesCovered) != want)
                problems.Add($"{p.Unit}：企业{p.Enterprises}/要约企业{p.EnterprisesOffered}/签订企业{p.EnterprisesSigned}/覆盖企业{p.EnterprisesCovered}，数据库为{want.Enterprises}/{want.Offered}/{want.Signed}/{want.Covered}");
            if (p.EnterprisesOffered > p.Enterprises) problems.Add($"{p.Unit}：要约企业{p.EnterprisesOffered}多于企业{p.Enterprises}");
        }
        var participating = dashboard.Rows.Where(r => r.Participating).Select(r => r.Progress).ToList();
        var t = dashboard.Totals.Progress;
        if ((t.Enterprises, t.EnterprisesOffered, t.EnterprisesSigned, t.EnterprisesCovered)
            != (participating.Sum(p => p.Enterprises), participating.Sum(p => p.EnterprisesOffered), participating.Sum(p => p.EnterprisesSigned), participating.Sum(p => p.EnterprisesCovered)))
            problems.Add($"合计行{t.Enterprises}/{t.EnterprisesOffered}/{t.EnterprisesSigned}/{t.EnterprisesCovered}与各单位之和不符");
        await InForceAsync(problems);
        if (problems.Count > 0) Report(null, Finding.Dashboard, string.Join("；", problems));
    }

    /// <summary>
    /// The contracts in force today (ContractsInForceQuery, from the summaries) are those that took effect, whose term
    /// covers today and whose rescission or termination, if any, takes effect later, a changed contract once (its
    /// latest version): counted here from the rounds.
    /// </summary>
    private async Task InForceAsync(List<string> problems)
    {
        var today = world.Clock.Today;
        var counted = await world.SendAsync(new ContractsInForceQuery(today), world.City.User);
        var expected = await world.WithServicesAsync(async s =>
        {
            var rounds = await s.GetRequiredService<BargainingDbContext>().Rounds.AsNoTracking().ToListAsync();
            var states = await s.GetRequiredService<WorkflowEngine>().DescribeAsync([.. rounds.Select(r => r.WorkflowInstanceId)]);
            bool TookEffect(Round r) => RoundStages.Of(states[r.WorkflowInstanceId].Snapshot).TookEffect();
            var changed = rounds.Where(c => c.Change.AmendsRoundId is not null && TookEffect(c)).Select(c => c.Change.AmendsRoundId!.Value).ToHashSet();
            return rounds.Count(r => TookEffect(r) && !changed.Contains(r.Id)
                                     && r.Signing.TermStartsOn <= today && today <= r.Signing.TermEndsOn
                                     && !(r.Termination.ConfirmedAt is not null && r.Termination.EffectiveOn <= today));
        });
        if (counted.Contracts != expected) problems.Add($"{today:yyyy-MM-dd}在有效期内的合同：统计为{counted.Contracts}份，按各轮协商计算为{expected}份");
    }

    /// <summary>
    /// The round's documents: each the round has reached is available, and one available document (sampled, to keep
    /// time down) prints and, sometimes, reads back with the enterprise's name.
    /// </summary>
    private async Task CheckDocumentsAsync(Lane lane)
    {
        var documents = await world.SendAsync(new RoundDocumentListQuery(lane.Round), lane.Enterprise.Chair.User);
        var facts = await FactsAsync(lane.Round);
        var round = facts.Round;
        var (journal, verification) = await world.WithServicesAsync(async s =>
        {
            var engine = s.GetRequiredService<WorkflowEngine>();
            return (await engine.JournalAsync(round.WorkflowInstanceId), await engine.VerifyJournalAsync(round.WorkflowInstanceId));
        });
        if (!verification.Valid) Report(lane, Finding.FactsDifferFromJournal, $"流程日志校验不通过：第{verification.BrokenAt}条，{verification.Problem}");
        foreach (var difference in RoundAudit.Differences(round, journal)) Report(lane, Finding.FactsDifferFromJournal, difference, difference);
        foreach (var d in documents.Where(d => !d.Available))
        {
            var reached = d.Kind switch
            {
                RoundDocumentKind.OfferLetter => round.Offer.MadeAt is not null,
                RoundDocumentKind.Response => round.Response.GivenAt is not null,
                RoundDocumentKind.MeetingMinutes => facts.Meetings.Any(m => m.Number == d.MeetingNumber && m.Minutes is not null),
                RoundDocumentKind.CongressResolution => round.Congress.Adopted is not null,
                _ => round is { Signing.WorkerSignedAt: not null, Signing.EmployerSignedAt: not null, Signing.TermStartsOn: not null },
            };
            if (!reached) continue;
            Count(UnavailableDocuments, $"{d.Kind} {round.Kind} {round.Procedure} {round.OfferingSide}: {d.Reason}");
            Report(lane, Finding.DocumentUnavailable, $"{d.Title}：本轮已到这一步，却不能打印：{d.Reason}", key: $"{Finding.DocumentUnavailable}:{d.Kind}");
        }
        var available = documents.Where(d => d.Available).ToList();
        if (available.Count == 0 || _random.NextDouble() >= 0.3) return;
        var document = available[_random.Next(available.Count)];
        try
        {
            Prints++;
            var file = await TimedAsync("printing", () => world.SendAsync(new PrintRoundDocumentQuery(lane.Round, document.Kind, document.MeetingNumber), lane.Enterprise.Chair.User));
            if (_random.NextDouble() < 0.3)
            {
                ReadBacks++;
                var text = await TimedAsync("reading back", () => Task.FromResult(PrintedPdf.Text(file.Pdf)));
                // Minutes name the meeting's recorder rather than the enterprise.
                var expected = document.Kind == RoundDocumentKind.MeetingMinutes
                    ? facts.Meetings.Single(m => m.Number == document.MeetingNumber).Recorder
                    : lane.Enterprise.Enterprise.Name;
                if (!text.Contains(expected, StringComparison.Ordinal))
                    Report(lane, Finding.DocumentUnprintable, $"{document.Title}读回的文字中没有“{expected}”");
            }
        }
        catch (DomainException e)
        {
            Report(lane, Finding.DocumentUnprintable, $"{document.Title}列为可打印，打印时被拒绝：{e.Code} {e.Message}");
        }
    }

    // ---- bookkeeping ---------------------------------------------------------------------------------------------

    private void Report(Lane? lane, string finding, string what, string? key = null)
    {
        if (lane is not null && !lane.Reported.Add(key ?? finding)) return;
        if (lane is null && Findings.Any(f => f.Class == finding && f.What == what)) return;
        Findings.Add(new WalkFinding(finding, seed, Steps, lane?.Round, $"{lane?.Label} {what}".Trim(), lane is null ? [.. _recent] : [.. lane.Log.TakeLast(40)]));
    }

    private void Note(Lane? lane, string line)
    {
        var entry = $"#{Steps} {Local(world.Clock.Peek)} {line}";
        lane?.Log.Add(entry);
        _recent.Enqueue(entry);
        if (_recent.Count > 40) _recent.Dequeue();
    }

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Local(DateTimeOffset at) => at.ToOffset(China.Offset).ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A summary of the walk for the test output.</summary>
    public string Summary()
    {
        var s = new StringBuilder();
        s.AppendLine($"walk seed {seed}: {RoundsStarted} rounds, {Steps} steps, {Prints} documents printed ({ReadBacks} read back), clock now {Local(world.Clock.Peek)}");
        void Block(string title, SortedDictionary<string, int> counts)
        {
            s.AppendLine(title + ":");
            foreach (var (k, v) in counts) s.AppendLine($"  {v,6}  {k}");
        }
        s.AppendLine("time spent: " + string.Join(", ", Spent.Select(p => $"{p.Key} {p.Value.TotalSeconds:0.0} s")));
        Block("outcomes", Outcomes);
        Block("coverage", Coverage);
        Block("actions sent", Actions);
        Block("refusals by code", Refusals);
        Block("documents not available although reached", UnavailableDocuments);
        s.AppendLine("findings by class:");
        foreach (var g in Findings.GroupBy(f => f.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
            s.AppendLine($"  {g.Count(),6}  {g.Key}{(Finding.Skipped.TryGetValue(g.Key, out var why) ? "  (skipped: " + why + ")" : "")}");
        return s.ToString();
    }
}
