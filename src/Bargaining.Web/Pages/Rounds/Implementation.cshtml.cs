using Bargaining.Domain;
using Bargaining.Features.Implementation;
using Bargaining.Web.Hosting;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

/// <summary>
/// The implementation checks of an effective contract (履约检查): the checklist derived from its clauses, the checks
/// the union chair or the county union records (with an attachment), performance disputes (Art 55) and the printed
/// annual report and dispute records. Anyone who may read the round sees it.
/// </summary>
[RequestSizeLimit(RequestLimits.Upload)]   // a check's attachment (at most 2 MB, Attachments.MaxBytes)
public sealed class ImplementationModel(IMediator mediator) : BargainingPage(mediator)
{
    /// <summary>The contract's checklist.</summary>
    public Checklist List { get; private set; } = null!;

    /// <summary>The caller may derive, add and check: the union chair of the enterprise or the county union (reading the round already places them).</summary>
    public bool CanRecord => List.Effective && Me.Role is Role.UnionChair or Role.CountyStaff or Role.Instructor;

    /// <summary>The value the officer posted for <paramref name="field"/>, kept when a command is refused.</summary>
    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].FirstOrDefault() : null;

    public async Task OnGetAsync(Guid id) => List = await Mediator.Send(new ChecklistQuery(id));

    public async Task<IActionResult> OnPostDeriveAsync(Guid id)
    {
        var count = 0;
        return await DoneAsync(id, async () => count = await Mediator.Send(new DeriveObligationsCommand(id)), () => $"已根据合同条款生成{count}项履约事项");
    }

    public Task<IActionResult> OnPostAddAsync(Guid id, string? title, string? requirement, DateOnly? dueOn, int? clauseSequence) =>
        DoneAsync(id, () => Mediator.Send(new AddObligationCommand(id, title ?? "", requirement ?? "", dueOn, clauseSequence)), () => "已添加履约事项");

    public async Task<IActionResult> OnPostCheckAsync(Guid id, Guid obligationId, CheckOutcome? outcome, string? note, IFormFile? attachment)
    {
        var file = await UploadedAsync(attachment);
        return await DoneAsync(id, () => Mediator.Send(new RecordCheckCommand(id, obligationId, outcome, note, file?.FileName, file?.ContentType, file?.Content)),
            () => "已记录检查结果");
    }

    public Task<IActionResult> OnPostDisputeAsync(Guid id, Guid obligationId, string? claim) =>
        DoneAsync(id, () => Mediator.Send(new RaiseDisputeCommand(id, obligationId, claim ?? "")), () => "已提出履约争议，可打印争议记录申请仲裁（《集体合同规定》第五十五条）");

    public async Task<IActionResult> OnGetReportAsync(Guid id, int year)
    {
        var file = await Mediator.Send(new PrintPerformanceReportQuery(id, year));
        return File(file.Pdf, "application/pdf", file.FileName);
    }

    public async Task<IActionResult> OnGetDisputeAsync(Guid id, Guid dispute)
    {
        var file = await Mediator.Send(new PrintDisputeRecordQuery(id, dispute));
        return File(file.Pdf, "application/pdf", file.FileName);
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid check)
    {
        var file = await Mediator.Send(new CheckAttachmentQuery(id, check));
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> DoneAsync(Guid id, Func<Task> command, Func<string> notice)
    {
        if (await TryAsync(command))
        {
            Notice = notice();
            return RedirectToPage(new { id });
        }
        await OnGetAsync(id);
        return Page();
    }
}
