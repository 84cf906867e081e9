using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace CrossCheck.Tests.Support;

/// <summary>Makes the kinds of bad input users give.</summary>
public static class BadFiles
{
    public static byte[] CorruptPdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthis is not a pdf body at all\n%%EOF");

    /// <summary>A PDF whose only page holds a drawn rectangle and no text, as a scan without OCR has.</summary>
    public static byte[] ScannedPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 400, 600);
        return builder.Build();
    }

    /// <summary>A real PDF with a standard-security /Encrypt entry whose password is not empty.</summary>
    public static byte[] EncryptedPdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("secret text", 12, new PdfPoint(50, 700), font);
        var text = Encoding.Latin1.GetString(builder.Build());
        var o = new string('A', 64);
        var u = new string('B', 64);
        var encrypt = $"/Encrypt << /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >> /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var open = text.IndexOf("<<", trailer, StringComparison.Ordinal);
        text = text[..(open + 2)] + " " + encrypt + " " + text[(open + 2)..];
        return Encoding.Latin1.GetBytes(text);
    }

    public static byte[] Binary() => [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00, 0x01, 0x00];

    public static byte[] Latin1Text() => Encoding.Latin1.GetBytes("Le caf\u00E9 \u00E9tait ferm\u00E9 \u00E0 cause de la gr\u00E8ve. The model scored 12%.");
}
