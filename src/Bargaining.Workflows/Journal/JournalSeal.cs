using System.Security.Cryptography;
using System.Text;

namespace Bargaining.Workflows;

/// <summary>
/// Seals journal entries with a key kept outside the database: an entry's seal is HMAC-SHA256 of its hash (which
/// covers its content and the previous entry's hash). Whoever can write the database but does not hold the key can
/// recompute the hash chain after changing an entry, but not the seals, so <see cref="WorkflowEngine.VerifyJournalAsync"/>
/// finds the change. The key is 32 random bytes, from configuration or from a key file the application creates on
/// first use (readable by its owner only); every instance of the application must use the same key.
/// </summary>
public sealed class JournalSeal
{
    /// <summary>The key's length in bytes.</summary>
    public const int KeyLength = 32;

    private readonly byte[] _key;

    /// <summary>A seal with <paramref name="key"/> (at least <see cref="KeyLength"/> bytes).</summary>
    public JournalSeal(ReadOnlySpan<byte> key)
    {
        if (key.Length < KeyLength) throw new ArgumentException($"the journal key must be at least {KeyLength} bytes, not {key.Length}", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>The seal of an entry whose hash is <paramref name="hash"/>.</summary>
    public string Compute(string hash) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(hash)));

    /// <summary>Whether <paramref name="seal"/> is the seal of <paramref name="hash"/> under this key.</summary>
    public bool Verifies(string hash, string? seal) =>
        seal is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(hash)), Encoding.ASCII.GetBytes(seal));

    /// <summary>A seal with a key given as base64 text (e.g. <c>Bargaining:JournalKey</c> from a secret store).</summary>
    public static JournalSeal FromBase64(string key)
    {
        try { return new JournalSeal(Convert.FromBase64String(key.Trim())); }
        catch (FormatException) { throw new ArgumentException("the journal key is not base64 text"); }
    }

    /// <summary>
    /// The seal of the key file <paramref name="path"/>, which holds the key as base64 text; when the file does not
    /// exist it is created with a new random key, readable and writable by its owner only, or with
    /// <paramref name="create"/> false refused (to check a journal, the key it was sealed with is needed).
    /// </summary>
    public static JournalSeal FromFile(string path, bool create = true)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path) && !create)
            throw new ArgumentException($"没有日志密钥文件 {path}：校验日志需要写入时所用的密钥。在另一台机器上校验或恢复时，请先复制原机器的密钥文件，或用 --journal-key-file 指明");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Written whole to a file of its own, then moved into place: a process starting at the same moment reads
            // either no file or the whole key, and the first move wins.
            var draft = $"{path}.{Guid.NewGuid():N}.new";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(draft, Encoding.ASCII, options))
                writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyLength)));
            try { File.Move(draft, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { }
            finally { File.Delete(draft); }
        }
        try { return FromBase64(File.ReadAllText(path)); }
        catch (ArgumentException e) { throw new ArgumentException($"the journal key file {path} is not valid: {e.Message}"); }
    }
}
