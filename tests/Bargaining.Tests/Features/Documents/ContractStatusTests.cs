using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Review;
using Bargaining.Tests.Features.Rounds;
using Bargaining.Tests.Shared;

namespace Bargaining.Tests.Features.Documents;

// /Verify tells whoever holds a copy where the contract stands now: in effect since when, its term, or replaced.
public sealed class ContractStatusTests : RoundScenario
{
    private async Task<string> PrintedCodeAsync(Guid round) =>
        PrintedPdf.VerificationCode(PrintedPdf.Text((await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.Contract), Chair)).Pdf));

    [Fact]
    public async Task A_filed_contract_is_under_review_and_once_cleared_is_effective_from_that_day()
    {
        var round = await FiledAsync();
        var code = await PrintedCodeAsync(round);

        var filed = await Host.SendAsync(new ContractStatusQuery(code), Chair);
        Assert.Equal((RoundStage.Filed, null, false), (filed!.Stage, filed.EffectiveOn, filed.Superseded));
        Assert.NotNull(filed.TermStartsOn);

        await Host.AdvanceToAsync(China.At(2026, 3, 5, 10));
        await Host.SendAsync(new RecordReviewClearanceCommand(round), YanduReviewer);

        var effective = await Host.SendAsync(new ContractStatusQuery(code), Chair);
        Assert.Equal((RoundStage.Effective, new DateOnly(2026, 3, 5)), (effective!.Stage, effective.EffectiveOn));
        Assert.Null(await Host.SendAsync(new ContractStatusQuery("AAAA-BBBB-CCCC"), Chair));
    }
}
