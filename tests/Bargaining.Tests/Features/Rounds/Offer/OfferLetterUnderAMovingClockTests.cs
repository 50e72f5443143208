using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Features.Rounds.Offer;

/// <summary>Under a clock that moves between two reads, as the real one does, the letters list what their command raised.</summary>
public sealed class OfferLetterUnderAMovingClockTests : RoundScenario
{
    protected override TimeSpan? ClockTickPerRead => TimeSpan.FromMilliseconds(1);

    private async Task<T> DocumentsAsync<T>(Func<RoundDocuments, Task<T>> read)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<RoundDocuments>());
    }

    [Fact]
    public async Task The_offer_letter_lists_the_topics_of_the_offer()
    {
        var id = await StartAsync();

        await Host.SendAsync(new MakeOfferCommand(id, [WageRise(6), new("rest-leave", "年休假在法定基础上增加1天")], Today, 3), Chair);

        var letter = await DocumentsAsync(d => d.OfferLetterAsync(id, CancellationToken.None));
        Assert.Equal(2, letter.Topics.Count);
    }

    [Fact]
    public async Task The_response_lists_the_topics_the_response_added()
    {
        var id = await OfferedAsync();

        await Host.SendAsync(new ReplyToOfferCommand(id, Accept: true, AddedTopics: [new("rewards-discipline", "完善考勤奖惩制度")]), Employer);
        await Host.SendAsync(new NameRepresentativesCommand(id, Side.Worker, WorkerSide()), Chair);
        await Host.SendAsync(new NameRepresentativesCommand(id, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), Employer);

        var response = await DocumentsAsync(d => d.ResponseAsync(id, CancellationToken.None));
        Assert.Single(response.AdditionalTopics);
    }
}
