namespace CrossCheck.Ingest;

/// <summary>What a line of a PDF page is: running text, or something set aside from it.</summary>
internal enum LineRole
{
    Body,

    /// <summary>A heading set in a larger font than the body (a title with no number).</summary>
    Heading,

    /// <summary>Running header or footer, page number, margin stamp: repeated or outside the text block.</summary>
    Furniture,

    /// <summary>A footnote at the foot of a column, in a smaller font than the body.</summary>
    Footnote,
}
