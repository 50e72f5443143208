using Bargaining.Domain;
using Bargaining.Features.Implementation;
using Bargaining.Features.Rounds;
using Bargaining.Tests.Shared;

namespace Bargaining.Tests.Walk;

// 履约检查 in the walk: on each effective contract the chair draws up the checklist and records checks at random.
public sealed partial class Walker
{
    /// <summary>
    /// On an effective contract: the checklist is derived (or refused only because no clause has a number or a date),
    /// a few checks are recorded at random (sometimes without the note an unmet check needs, expecting a refusal),
    /// an unmet obligation is sometimes disputed and its record printed; afterwards the county's list holds the
    /// contract exactly when one of its obligations is unmet.
    /// </summary>
    private async Task CheckImplementationAsync(Lane lane)
    {
        var chair = lane.Enterprise.Chair;
        try
        {
            var derived = await world.SendAsync(new DeriveObligationsCommand(lane.Round), chair.User);
            Count(Coverage, "implementation: checklist derived");
            Note(lane, $"{chair.Label} 生成履约清单：{derived}项");
        }
        catch (DomainException e) when (e.Code == "obligations.none")
        {
            Count(Coverage, "implementation: no clause with a number or a date");
            return;
        }
        catch (DomainException e)
        {
            Report(lane, Finding.ImplementationRefused, $"生成履约清单被拒绝（{e.Kind} {e.Code}）：{e.Message}");
            return;
        }
        var list = await world.SendAsync(new ChecklistQuery(lane.Round), chair.User);
        for (var i = 0; i < 1 + _random.Next(3); i++)
        {
            var obligation = list.Obligations[_random.Next(list.Obligations.Count)];
            var outcome = Enum.GetValues<CheckOutcome>()[_random.Next(3)];
            var invalid = outcome != CheckOutcome.Met && _random.NextDouble() < 0.2;
            var command = new RecordCheckCommand(lane.Round, obligation.Id, outcome, invalid ? null : $"第{i + 1}次抽查：{outcome.Chinese()}");
            try
            {
                await world.SendAsync(command, _random.NextDouble() < 0.7 ? chair.User : lane.Enterprise.Instructor.User);
                Count(Actions, "RecordCheck" + (invalid ? " (invalid)" : ""));
                if (invalid) Report(lane, Finding.InvalidAccepted, $"未履行的检查结果没有情况说明却被接受：{obligation.Title}");
            }
            catch (DomainException e)
            {
                Count(Refusals, $"{e.Kind}:{e.Code}");
                if (!invalid) Report(lane, Finding.ImplementationRefused, $"记录“{obligation.Title}”的检查结果被拒绝（{e.Kind} {e.Code}）：{e.Message}");
            }
        }
        list = await world.SendAsync(new ChecklistQuery(lane.Round), chair.User);
        if (list.Obligations.FirstOrDefault(o => o.Unmet) is { } unmet && _random.NextDouble() < 0.5)
        {
            var dispute = await world.SendAsync(new RaiseDisputeCommand(lane.Round, unmet.Id, $"企业未履行“{unmet.Title}”，请求依约履行"), chair.User);
            var record = await world.SendAsync(new PrintDisputeRecordQuery(lane.Round, dispute), lane.Enterprise.Staff.User);
            Count(Coverage, "implementation: dispute raised and printed");
            if (!PrintedPdf.Text(record.Pdf).Contains(unmet.Title.Replace(" ", ""), StringComparison.Ordinal))
                Report(lane, Finding.DocumentUnprintable, $"履约争议记录中没有争议事项“{unmet.Title}”");
        }
        var listed = (await world.SendAsync(new UnmetContractsQuery(lane.Enterprise.County.Id), lane.Enterprise.Staff.User)).Any(c => c.RoundId == lane.Round);
        if (listed != list.Obligations.Any(o => o.Unmet))
            Report(lane, Finding.UnmetNotListed, listed ? "县级工会的未履行合同名单列出了没有未履行事项的合同" : "有未履行事项的合同不在县级工会的未履行合同名单中");
        if (list.Obligations.Any(o => o.Unmet)) Count(Coverage, "implementation: contract with unmet obligations");
    }
}
