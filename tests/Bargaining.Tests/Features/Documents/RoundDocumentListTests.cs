using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Tests.Features.Rounds;
using Bargaining.Tests.Shared;

namespace Bargaining.Tests.Features.Documents;

/// <summary>A round's documents are listed as printable only when they print, or as not yet available with the reason.</summary>
public sealed class RoundDocumentListTests : RoundScenario
{
    private Task<IReadOnlyList<RoundDocumentStatus>> ListAsync(Guid round) => Host.SendAsync(new RoundDocumentListQuery(round), Chair);

    /// <summary>Every listed document prints when listed as available, and is refused with the listed reason otherwise.</summary>
    private async Task<IReadOnlyList<RoundDocumentStatus>> ListedAsPrintedAsync(Guid round)
    {
        var listed = await ListAsync(round);
        foreach (var document in listed)
        {
            if (document.Kind == RoundDocumentKind.MeetingMinutes && document.MeetingNumber is null)
            {
                Assert.False(document.Available);
                continue;
            }
            var print = () => Host.SendAsync(new PrintRoundDocumentQuery(round, document.Kind, document.MeetingNumber), Chair);
            if (document.Available)
            {
                Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await print()).Pdf, 0, 5));
            }
            else
            {
                var e = await RefusedAsync(print, FailureKind.Conflict);
                Assert.Equal((document.ReasonCode, document.Reason), (e.Code, e.Message));
            }
        }
        return listed;
    }

    private static RoundDocumentStatus Of(IReadOnlyList<RoundDocumentStatus> listed, RoundDocumentKind kind) => Assert.Single(listed, d => d.Kind == kind);

    [Fact]
    public async Task An_ordinary_round_lists_each_document_with_what_it_still_waits_for()
    {
        var round = await OfferedAsync();

        var listed = await ListedAsPrintedAsync(round);

        Assert.Equal(["要约书", "回应书", "协商会议记录", "职工代表大会决议", "集体合同审查申报表", "集体合同文本（带核验码）"], listed.Select(d => d.Title));
        Assert.True(Of(listed, RoundDocumentKind.OfferLetter).Available);
        Assert.Contains("尚未对要约作出书面回应", Of(listed, RoundDocumentKind.Response).Reason);
        Assert.Contains("尚未安排协商会议", Of(listed, RoundDocumentKind.MeetingMinutes).Reason);
        Assert.Contains("签字后", Of(listed, RoundDocumentKind.Contract).Reason);
    }

    [Fact]
    public async Task The_response_before_the_employer_names_its_representatives_is_not_yet_available_unless_it_named_its_legal_representative()
    {
        var round = await AcceptedAsync();

        var before = Of(await ListedAsPrintedAsync(round), RoundDocumentKind.Response);
        Assert.False(before.Available);
        Assert.Contains("企业方尚未确定协商代表", before.Reason);

        var other = await AddEnterpriseAsync(Yandu, "盐城宏远铸造有限公司", 12, 150);
        var named = await Host.SendAsync(new StartRoundCommand(other.Id, RoundKind.Wage, Procedure.Ordinary, Side.Worker), YanduStaff);
        await Host.SendAsync(new MakeOfferCommand(named, [WageRise(5)], Today, 3), ChairOf(other));
        await Host.SendAsync(new ReplyToOfferCommand(named, Accept: false, Reason: "企业正在进行重组", EmployerLegalRepresentative: "马德明"), EmployerOf(other));

        Assert.True(Of(await Host.SendAsync(new RoundDocumentListQuery(named), ChairOf(other)), RoundDocumentKind.Response).Available);
        var response = PrintedPdf.Text((await Host.SendAsync(new PrintRoundDocumentQuery(named, RoundDocumentKind.Response), ChairOf(other))).Pdf);
        Assert.Contains("企业正在进行重组", response);
    }

    [Fact]
    public async Task An_offer_by_the_employer_prints_naming_its_legal_representative_as_its_chief_by_office()
    {
        var round = await StartAsync(offeringSide: Side.Employer);
        await Host.SendAsync(new MakeOfferCommand(round, [WageRise(3)], Today, 3, EmployerLegalRepresentative: "陈堃"), Employer);

        var offer = Of(await ListedAsPrintedAsync(round), RoundDocumentKind.OfferLetter);

        Assert.True(offer.Available);
        Assert.Contains("我方首席代表为陈堃（法定代表人）", PrintedPdf.Text((await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.OfferLetter), Chair)).Pdf));
    }

    [Fact]
    public async Task An_offer_by_the_employer_without_its_legal_representative_is_listed_as_not_yet_available_with_the_reason()
    {
        var round = await StartAsync(offeringSide: Side.Employer);
        await Host.SendAsync(new MakeOfferCommand(round, [WageRise(3)], Today, 3), Employer);

        var offer = Of(await ListedAsPrintedAsync(round), RoundDocumentKind.OfferLetter);

        Assert.False(offer.Available);
        Assert.Contains("法定代表人", offer.Reason);
    }

    [Fact]
    public async Task Only_the_employer_names_its_legal_representative()
    {
        var round = await StartAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(round, [WageRise(3)], Today, 3, EmployerLegalRepresentative: "陈堃"), Chair), FailureKind.Rule);

        Assert.Contains("企业方", e.Message);
    }

    [Fact]
    public async Task A_simplified_round_lists_only_its_letters_and_its_response_prints_without_representatives()
    {
        var round = await StartAsync(Procedure.Simplified, RoundKind.HighTemperature);
        await Host.SendAsync(new MakeOfferCommand(round, [new(TopicCatalog.Custom, "高温津贴每月300元", 300, "元/月", Title: "高温津贴")], Today), Chair);
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true, EmployerLegalRepresentative: "陈堃"), Employer);

        var listed = await ListedAsPrintedAsync(round);

        Assert.Equal([(RoundDocumentKind.OfferLetter, true), (RoundDocumentKind.Response, true)], listed.Select(d => (d.Kind, d.Available)));
        Assert.Equal("document.not-in-procedure", (await RefusedAsync(() => Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.Contract), Chair), FailureKind.Conflict)).Code);
    }

    [Fact]
    public async Task The_minutes_are_listed_per_meeting_and_a_meeting_awaiting_its_minutes_says_so()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "第一次会议"), Chair);
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Employer, Today.AddDays(7), "公司会议室", Side.Employer, "张丽"), Employer);

        var minutes = (await ListedAsPrintedAsync(round)).Where(d => d.Kind == RoundDocumentKind.MeetingMinutes).ToList();

        Assert.Equal([("第1次协商会议记录", true), ("第2次协商会议记录", false)], minutes.Select(d => (d.Title, d.Available)));
        Assert.Contains("尚未提交会议记录", minutes[1].Reason);
    }

    [Fact]
    public async Task A_signed_round_lists_its_contract_and_filing_form_and_they_print()
    {
        var round = await SignedAsync();

        var listed = await ListedAsPrintedAsync(round);

        Assert.All(listed.Where(d => d.Kind != RoundDocumentKind.MeetingMinutes), d => Assert.True(d.Available, d.Reason));
    }
}
