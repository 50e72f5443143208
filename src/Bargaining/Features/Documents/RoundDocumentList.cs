using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using MediatR;

namespace Bargaining.Features.Documents;

/// <summary>
/// The documents of a round for its page and the API: each one its procedure has, printable now or listed as not yet
/// available with the reason in Chinese. <see cref="PrintRoundDocumentQuery"/> answers by the same rule, so a
/// document listed as available prints.
/// </summary>
public sealed record RoundDocumentListQuery(Guid RoundId) : IQuery<IReadOnlyList<RoundDocumentStatus>>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>Handles <see cref="RoundDocumentListQuery"/>.</summary>
public sealed class RoundDocumentListHandler(RoundDocuments documents) : IRequestHandler<RoundDocumentListQuery, IReadOnlyList<RoundDocumentStatus>>
{
    public Task<IReadOnlyList<RoundDocumentStatus>> Handle(RoundDocumentListQuery request, CancellationToken cancellationToken) =>
        documents.ListAsync(request.RoundId, cancellationToken);
}
