namespace Bargaining.Domain;

/// <summary>
/// The files the product keeps as evidence: a check's (<see cref="CheckAttachment"/>) and a termination's
/// (<see cref="TerminationEvidence"/>): a PDF or a photo, at most <see cref="MaxBytes"/>, its type checked by content.
/// </summary>
public static class Attachments
{
    /// <summary>The largest file taken: 2 MiB.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The types taken, with the bytes each file must start with.</summary>
    public static readonly IReadOnlyDictionary<string, byte[]> Types = new Dictionary<string, byte[]>
    {
        ["application/pdf"] = "%PDF"u8.ToArray(),
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47],
    };

    /// <summary>What a file input of a form accepts.</summary>
    public const string Accept = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    /// <summary>The file's own name, without the folders a browser on Windows may send with it (<c>C:\扫描\裁定书.pdf</c>).</summary>
    public static string FileName(string name) => name.Trim().Split('\\', '/')[^1];

    /// <summary>Why a file may not be kept (empty, too large, not a PDF, JPEG or PNG, or not what its type says), or null.</summary>
    public static DomainException? Refusal(string? fileName, string? contentType, byte[]? content)
    {
        if (string.IsNullOrWhiteSpace(fileName) || content is null || content.Length == 0)
            return DomainException.Rule("attachment.empty", "附件为空，请重新选择文件");
        if (content.Length > MaxBytes)
            return DomainException.Rule("attachment.too-large", $"附件不能超过{MaxBytes / 1024 / 1024}MB");
        if (contentType is null || !Types.TryGetValue(contentType, out var magic))
            return DomainException.Rule("attachment.type", "附件只能是PDF、JPG或PNG文件");
        return content.AsSpan().StartsWith(magic) ? null : DomainException.Rule("attachment.content", "附件内容与其类型不符，只能上传PDF、JPG或PNG文件");
    }
}

/// <summary>A kept file, as it is downloaded.</summary>
public sealed record AttachmentFile(byte[] Content, string ContentType, string FileName);
