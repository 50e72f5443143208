using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Documents;

/// <summary>
/// The documents of a round and whether each can be printed now: a document is available when
/// <see cref="RoundDocuments"/> can gather its data, which is what printing it does first; otherwise its refusal says
/// why not yet, in Chinese. The round page lists them beside <see cref="Rounds.Views.RoundActionsQuery"/>'s actions.
/// </summary>
public sealed record RoundDocumentsQuery(Guid RoundId) : IRequest<IReadOnlyList<RoundDocumentStatus>>, IAuthorisedRequest
{
    /// <inheritdoc />
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>A document of the round and whether it can be printed now.</summary>
/// <param name="Kind">Which document.</param>
/// <param name="MeetingNumber">For minutes, the meeting.</param>
/// <param name="Title">Its name in Chinese.</param>
/// <param name="Available">True when <see cref="PrintRoundDocumentQuery"/> has what it needs to print it now.</param>
/// <param name="Reason">Why not yet, when not available.</param>
public sealed record RoundDocumentStatus(RoundDocumentKind Kind, int? MeetingNumber, string Title, bool Available, string? Reason);

/// <summary>Handles <see cref="RoundDocumentsQuery"/>.</summary>
public sealed class RoundDocumentsHandler(BargainingDbContext db, RoundDocuments documents) : IRequestHandler<RoundDocumentsQuery, IReadOnlyList<RoundDocumentStatus>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RoundDocumentStatus>> Handle(RoundDocumentsQuery request, CancellationToken cancellationToken)
    {
        async Task<RoundDocumentStatus> Status(RoundDocumentKind kind, string title, Func<Task> gather, int? meeting = null)
        {
            try
            {
                await gather();
                return new RoundDocumentStatus(kind, meeting, title, true, null);
            }
            catch (DomainException e)
            {
                return new RoundDocumentStatus(kind, meeting, title, false, e.Message);
            }
        }
        var id = request.RoundId;
        var ct = cancellationToken;
        var list = new List<RoundDocumentStatus>
        {
            await Status(RoundDocumentKind.OfferLetter, "要约书", () => documents.OfferLetterAsync(id, ct)),
            await Status(RoundDocumentKind.Response, "回应书", () => documents.ResponseAsync(id, ct)),
        };
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.RoundId == id).OrderBy(m => m.Number).Select(m => m.Number).ToListAsync(ct);
        foreach (var number in meetings)
            list.Add(await Status(RoundDocumentKind.MeetingMinutes, $"第{number}次协商会议记录", () => documents.MinutesAsync(id, number, ct), number));
        list.Add(await Status(RoundDocumentKind.CongressResolution, "职代会决议", () => documents.ResolutionAsync(id, ct)));
        list.Add(await Status(RoundDocumentKind.FilingForm, "集体合同审查申报表", () => documents.ContractAsync(id, ct)));
        list.Add(await Status(RoundDocumentKind.Contract, "集体合同文本", () => documents.ContractAsync(id, ct)));
        return list;
    }
}
