using Bargaining.Accounts;
using Bargaining.Domain;
using Bargaining.Features.Implementation;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Accounts;

/// <summary>
/// Tells the county union by e-mail that a check found an obligation of a contract unmet: a message to each of the
/// unit's staff with a confirmed address and notices on (<see cref="EmailReminders"/>), queued in the check's own
/// transaction, so it goes if and only if the check is saved.
/// </summary>
public sealed class UnmetObligationMail(AccountsDbContext accounts, BargainingDbContext db, TimeProvider clock, WebOptions options)
    : INotificationHandler<ObligationFoundUnmet>
{
    public async Task Handle(ObligationFoundUnmet notice, CancellationToken cancellationToken)
    {
        var staff = await accounts.Users.AsNoTracking()
            .Where(a => a.Role == Role.CountyStaff && a.OrganisationId == notice.OrganisationId && a.RemindByEmail && a.EmailConfirmed && a.Email != null)
            .ToListAsync(cancellationToken);
        var outcome = notice.Outcome.Chinese();
        var link = string.IsNullOrWhiteSpace(options.PublicUrl) ? "请登录集体协商工作平台查看。" : $"查看：{EmailReminders.Site(options.PublicUrl, null)}/Rounds/{notice.RoundId}/Implementation";
        foreach (var person in staff)
            await Outbox.EnqueueAsync(db, new OutboxMessage($"unmet:{person.Id}:{notice.ObligationId:N}:{notice.CheckedOn:yyyyMMdd}", "unmet-obligation", person.Id, person.Email!,
                person.DisplayName, $"【履约检查】{notice.Enterprise} {notice.Obligation}：{outcome}",
                $"""
                {person.DisplayName}：

                {notice.CheckedBy}于{notice.CheckedOn:yyyy年M月d日}检查{notice.Enterprise}集体合同的履行情况，“{notice.Obligation}”为{outcome}。
                {(string.IsNullOrWhiteSpace(notice.Note) ? "" : $"说明：{notice.Note}\n")}
                集体合同履行发生争议的，当事人可以协商解决；协商不成的，可以依法申请劳动争议仲裁（《集体合同规定》第五十五条）。
                {link}
                """, clock.GetUtcNow()), cancellationToken);
    }
}
