namespace Bargaining.Documents.Fonts;

/// <summary>No usable Chinese font: the message says which Debian packages to install and which setting to change.</summary>
public sealed class ChineseFontsNotFoundException(string message) : Exception(message);
