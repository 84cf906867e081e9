using System.ComponentModel;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary>
/// <c>crosscheck extract</c>: what CrossCheck read from a source — its text page by page (pages
/// separated by a form feed, as pdftotext does), running text first and then, marked, what was
/// set aside from matching (footnotes, running headers and footers, page numbers); a one-line
/// summary, and with --sections the sections found, go to stderr. The plain form (<c>extract FILE [-o OUT]</c>)
/// is run before the command-line parser is set up: a user inspecting a source waits for the
/// reading, not for the program's start-up.
/// </summary>
public sealed class ExtractCommand : Command<ExtractCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<SOURCE>")]
        [Description("The source to read (.pdf, .docx, .md, .txt, .html).")]
        public string Source { get; init; } = "";

        [CommandOption("-o|--out <FILE>")]
        [Description("Write the text to this file instead of standard output.")]
        public string? Out { get; init; }

        [CommandOption("--sections")]
        [Description("Also list the sections found, with their pages, on stderr.")]
        public bool Sections { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ExtractText.Run(settings.Source, settings.Out, settings.Sections);

}
