using Bargaining.Documents.Printing;

namespace Bargaining.Cli;

/// <summary>A one-line progress bar redrawn on a terminal stream (stderr), so that stdout stays clean for results.</summary>
internal sealed class ProgressBar(TextWriter to) : IProgress<BatchProgress>
{
    private const int Width = 30;
    private readonly Lock _lock = new();
    private int _shown = -1;

    public void Report(BatchProgress value)
    {
        lock (_lock)
        {
            // Reports arrive from several threads and may overtake one another: draw only forward.
            if (value.Done <= _shown) return;
            _shown = value.Done;
            var filled = value.Total == 0 ? Width : value.Done * Width / value.Total;
            to.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{value.Total} {value.Contract}".PadRight(100)[..100]);
            to.Flush();
        }
    }

    public void Finish()
    {
        lock (_lock)
        {
            if (_shown >= 0) to.WriteLine();
            _shown = int.MaxValue;
        }
    }
}
