#!/usr/bin/env python3
"""Regenerates the real-engine corpus: four PDFs of the same invented text (content.py), each made by an
engine that makes the documents users really have, plus probes.jsonl and sections.jsonl.

  latex-twocol.pdf    pdflatex (TeX Live), two columns on A5: hyphenation, fi/fl/ffi ligatures, footnotes, running heads
  writer-export.pdf   LibreOffice Writer (soffice --convert-to pdf) from writer-export.fodt: header, footer, table, footnotes, justified
  browser-print.pdf   chromium --print-to-pdf from browser-print.html, with the browser's own header and footer
  zwsp-browser.pdf    chromium --print-to-pdf from zwsp-browser.html: every word wrapped in zero-width spaces, soft hyphens in long words

Needs: texlive-latex-base texlive-latex-recommended texlive-fonts-recommended libreoffice-writer-nogui chromium poppler-utils.
The tests read only the committed PDFs and jsonl files; run this (./make.sh) only to change the corpus.
Probe pages and section pages are found with poppler's pdftotext, page by page, an engine independent of CrossCheck's.
"""
import html, json, os, re, subprocess, sys, unicodedata
from content import TITLE, RUNNING_HEAD, SECTIONS, FOOTNOTES, TABLE, TABLE_CAPTION, PROBES

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
TABLE_AFTER = "3"  # the table follows this section's first paragraph


def heading(number, title):
    return f"Appendix {number}: {title}" if number.isalpha() else f"{number} {title}"


def latex_escape(s):
    return s.replace("&", r"\&").replace("%", r"\%").replace("$", r"\$").replace("_", r"\_").replace("#", r"\#")


def write_latex():
    out = [r"\documentclass[twocolumn,10pt]{article}",
           r"\usepackage[a5paper,margin=1.3cm,headsep=0.5cm]{geometry}",
           r"\usepackage[T1]{fontenc}", r"\usepackage{lmodern}", r"\usepackage[english]{babel}",
           r"\usepackage{fancyhdr}", r"\pagestyle{fancy}", r"\fancyhf{}",
           r"\fancyhead[L]{\small " + latex_escape(RUNNING_HEAD) + "}", r"\fancyfoot[C]{\thepage}",
           r"\title{" + latex_escape(TITLE) + "}", r"\author{Harbor Board Evaluation Unit}", r"\date{}",
           r"\begin{document}", r"\maketitle", r"\thispagestyle{fancy}"]
    appendix = False
    for number, title, paragraphs in SECTIONS:
        if number.isalpha() and not appendix:
            out.append(r"\appendix")
            appendix = True
        command = r"\subsection" if "." in number else r"\section"
        out.append(command + "{" + latex_escape(title) + "}")
        for i, p in enumerate(paragraphs):
            text = latex_escape(p)
            if i == 0 and number in FOOTNOTES:
                word, note = FOOTNOTES[number]
                text = text.replace(word, word + r"\footnote{" + latex_escape(note) + "}", 1)
            out.append(text + "\n")
            if number == TABLE_AFTER and i == 0:
                rows = [" & ".join(latex_escape(c) for c in row) + r" \\" for row in TABLE]
                out += [r"\begin{table}[h]\centering\small", r"\caption*{" + latex_escape(TABLE_CAPTION) + "}" if False else r"\textbf{" + latex_escape(TABLE_CAPTION) + r"}\par\smallskip",
                        r"\begin{tabular}{lrr}", r"\hline", rows[0], r"\hline", *rows[1:], r"\hline", r"\end{tabular}", r"\end{table}"]
    out.append(r"\end{document}")
    with open("latex-twocol.tex", "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    for _ in range(2):
        subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "latex-twocol.tex"], check=True, stdout=subprocess.DEVNULL)
    for ext in ("aux", "log"):
        os.remove(f"latex-twocol.{ext}")


def write_fodt():
    x = html.escape
    body = [f'<text:p text:style-name="Title">{x(TITLE)}</text:p>']
    for number, title, paragraphs in SECTIONS:
        level = 2 if "." in number else 1
        body.append(f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{x(heading(number, title))}</text:h>')
        for i, p in enumerate(paragraphs):
            text = x(p)
            if i == 0 and number in FOOTNOTES:
                word, note = FOOTNOTES[number]
                text = text.replace(word, word + f'<text:note text:id="n{number}" text:note-class="footnote"><text:note-citation>*</text:note-citation><text:note-body><text:p text:style-name="Footnote">{x(note)}</text:p></text:note-body></text:note>', 1)
            body.append(f'<text:p text:style-name="Body">{text}</text:p>')
            if number == TABLE_AFTER and i == 0:
                body.append(f'<text:p text:style-name="Caption">{x(TABLE_CAPTION)}</text:p>')
                rows = "".join("<table:table-row>" + "".join(f'<table:table-cell office:value-type="string"><text:p>{x(c)}</text:p></table:table-cell>' for c in row) + "</table:table-row>" for row in TABLE)
                body.append(f'<table:table table:name="Table1"><table:table-column table:number-columns-repeated="3"/>{rows}</table:table>')
    doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="10.5pt" fo:language="en" fo:country="GB" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="11.5pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
<style:style style:name="Caption" style:family="paragraph"><style:text-properties fo:font-size="9pt" fo:font-style="italic"/></style:style>
<style:style style:name="Footnote" style:family="paragraph"><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Header" style:family="paragraph"><style:text-properties fo:font-size="8pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="1.6cm" fo:margin-right="1.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Header">{x(RUNNING_HEAD)}</text:p></style:header>
<style:footer><text:p text:style-name="Header">Page <text:page-number text:select-page="current"/></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
'''
    with open("writer-export.fodt", "w", encoding="utf-8") as f:
        f.write(doc)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "writer-export.fodt"], check=True, stdout=subprocess.DEVNULL)


def wrap_zwsp(text):
    """Every word between zero-width spaces, soft hyphens inside words of ten letters or more (as some exporters write them)."""
    def word(m):
        w = m.group(0)
        if len(w) >= 10 and w.isalpha():
            w = w[:5] + "\u00ad" + w[5:]
        return "\u200b" + w + "\u200b"
    return re.sub(r"\S+", word, text)


def write_html(name, transform, title_tag):
    x = html.escape
    parts = [f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{x(title_tag)}</title>',
             '<style>@page { size: A5; margin: 1.6cm 1.4cm; } body { font-family: "Liberation Serif", serif; font-size: 10.5pt; text-align: justify; hyphens: auto; } '
             'h1 { font-size: 15pt; text-align: center; } h2 { font-size: 13pt; } h3 { font-size: 11.5pt; } table { border-collapse: collapse; margin: 0.5em auto; } td, th { border: 1px solid #444; padding: 2px 6px; } .note { font-size: 8pt; }</style></head><body>',
             f"<h1>{x(transform(TITLE))}</h1>"]
    notes = []
    for number, title, paragraphs in SECTIONS:
        tag = "h3" if "." in number else "h2"
        parts.append(f"<{tag}>{x(transform(heading(number, title)))}</{tag}>")
        for i, p in enumerate(paragraphs):
            text = x(transform(p))
            if i == 0 and number in FOOTNOTES:
                word, note = FOOTNOTES[number]
                notes.append(note)
                text = text.replace(word, word + f"<sup>{len(notes)}</sup>", 1)
            parts.append(f"<p>{text}</p>")
            if number == TABLE_AFTER and i == 0:
                rows = "".join("<tr>" + "".join(f"<td>{x(transform(c))}</td>" for c in row) + "</tr>" for row in TABLE)
                parts.append(f"<p><i>{x(transform(TABLE_CAPTION))}</i></p><table>{rows}</table>")
    parts.append("<hr>" + "".join(f'<p class="note">{i + 1}. {x(transform(n))}</p>' for i, n in enumerate(notes)) + "</body></html>")
    with open(name + ".html", "w", encoding="utf-8") as f:
        f.write("\n".join(parts))


def chromium(name, furniture):
    args = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--print-to-pdf={name}.pdf"]
    if not furniture:
        args.append("--no-pdf-header-footer")
    subprocess.run(args + [f"file://{HERE}/{name}.html"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def squash(text):
    """Text compared the way a reader compares it: invisible characters gone, a line-end hyphen joined, spaces folded."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u200b\u2060\ufeff]", " ", text)  # in zwsp-browser.pdf a zero-width space is the only word separator
    text = re.sub("[\u200c\u200d\u00ad]", "", text)
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1-\2", text)
    return re.sub(r"\s+", " ", text).strip()


def pages(pdf, columns=1):
    """Each page's text by pdftotext; a two-column page is read column by column (cropped halves), since pdftotext
    interleaves the columns of some two-column lines."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    width, height = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    def text(n, x, w):
        return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-x", str(int(x)), "-y", "0", "-W", str(int(w) + 1), "-H", str(int(height) + 1),
                               "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True).stdout
    return ["\n".join(text(n, c * width / columns, width / columns) for c in range(columns)) for n in range(1, count + 1)]


def page_of(pdf_pages, quote):
    found = page_of_exact(pdf_pages, squash(quote))
    # pdftotext sets a justified paragraph's first capital apart in zwsp-browser.pdf ("he Lakeside ... T"): look the quote up without it.
    stray = ["\n".join(l for l in t.splitlines() if len(l.strip()) > 1) for t in pdf_pages]
    return found if found is not None else page_of_exact(stray, squash(quote)[2:])


def page_of_exact(pdf_pages, q):
    for n, text in enumerate(pdf_pages, 1):
        flat = squash(text)
        if q in flat or q.replace("-", "") in flat.replace("-", ""):
            return n
    # A quote that runs over a page break belongs to the page it starts on; the page furniture between is dropped.
    def body(text):
        return "\n".join(l for l in text.splitlines() if not (l.strip().isdigit() or (len(l.strip()) >= 3 and (RUNNING_HEAD.startswith(l.strip()) or RUNNING_HEAD.endswith(l.strip())))))
    for n in range(1, len(pdf_pages)):
        flat = squash(body(pdf_pages[n - 1]) + "\n" + body(pdf_pages[n]))
        if (q in flat or q.replace("-", "") in flat.replace("-", "")) and not squash(pdf_pages[n]).replace("-", "").startswith(q.replace("-", "")[:20]):
            return n
    return None


def heading_on(page_text, shown):
    """The heading stands on this page: its words in order, or (pdftotext sometimes reorders a heading's words) its
    first word opening a line with every other word within the next 120 characters."""
    if shown in squash(page_text):
        return True
    words = shown.split()
    for m in re.finditer(r"(?m)^\s*" + re.escape(words[0]) + r"\b", page_text):
        window = page_text[m.start():m.start() + 120]
        if all(re.search(r"\b" + re.escape(w) + r"\b", window) for w in words[1:]):
            return True
    return False


def main():
    write_latex()
    write_fodt()
    write_html("browser-print", lambda s: s, TITLE)
    write_html("zwsp-browser", wrap_zwsp, TITLE)
    chromium("browser-print", furniture=True)
    chromium("zwsp-browser", furniture=False)
    probes, sections = [], []
    for doc in ("latex-twocol", "writer-export", "browser-print", "zwsp-browser"):
        text = pages(doc + ".pdf", columns=2 if doc == "latex-twocol" else 1)
        for quote, trap in PROBES:
            page = page_of(text, quote)
            if page is None:
                sys.exit(f"{doc}: probe not found by pdftotext (a quote split by a float or a page?): {quote}")
            probes.append({"doc": doc, "page": page, "quote": quote, "trap": trap})
        for number, title, _ in SECTIONS:
            shown = ("Appendix " + number + ": " + title) if number.isalpha() and doc != "latex-twocol" else f"{number} {title}"
            page = next((n for n, t in enumerate(text, 1) if heading_on(t, shown)), None)
            if page is None:
                sys.exit(f"{doc}: heading not found by pdftotext: {shown}")
            sections.append({"doc": doc, "number": number, "title": title, "page": page})
    with open("probes.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in probes)
    with open("sections.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(s, ensure_ascii=False) + "\n" for s in sections)
    print(f"{len(probes)} probes, {len(sections)} sections")


if __name__ == "__main__":
    main()
