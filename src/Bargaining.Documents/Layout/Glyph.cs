using System.Text;
using Bargaining.Documents.Fonts;

namespace Bargaining.Documents.Layout;

/// <summary>A character resolved to the face that prints it, at a size, with its advance width.</summary>
internal readonly record struct Glyph(Rune Char, FontFace Face, double Size, bool Bold, double Advance)
{
    public bool IsSpace => Char.Value == ' ';
}

/// <summary>A glyph placed on a line, <see cref="X"/> from the left edge of the text block.</summary>
internal readonly record struct PlacedGlyph(Glyph Glyph, double X);

/// <summary>The face role and size a run of text asks for, before per-character fallback.</summary>
internal readonly record struct TextRun(string Text, FontFace Face, double Size, bool Bold = false);
