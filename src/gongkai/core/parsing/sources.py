"""Front ends: bytes of a text file, web page, Word document or PDF → :class:`SourceLine` s.

The type is sniffed from the bytes (``%PDF-``, a zip holding ``word/document.xml``, markup), not
only from the file name. Text is decoded strictly: a byte-order mark or UTF-8, then a declared
HTML charset (gb2312/gbk → gb18030), then GB18030, then charset-normalizer on the whole document
(it is unreliable on short inputs, dependencies.md §4). Anything else is refused with a one-line
reason in Chinese.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from itertools import repeat
from typing import Any

from ..errors import UnreadableInput
from ..zipguard import DOCX_LIMITS, check_archive
from .document import SourceLine

EMPTY = "文件为空"
NO_TEXT = "文件中没有可读的文字（网页可能只有图片或由脚本生成），请提供含正文文字的版本"
NOT_A_DOCUMENT = "不是文本、网页、Word或PDF文件"
UNKNOWN_ENCODING = "无法识别文件的字符编码，请另存为UTF-8或GB18030编码后再检查"
OLD_WORD = "这是旧版Word（.doc）文件，请在Word或WPS中另存为.docx后再检查"
NO_TEXT_LAYER = (
    "PDF没有文字层（可能是扫描件或图片），无法读取：年度报告应以含文字层（可选中、复制文字）的"
    "PDF、网页或Word发布，请向发布机关索取或改用这样的版本；本工具暂不做文字识别（OCR），"
    "识别扫描件是今后的工作"
)
BROKEN_PDF = "PDF文件已损坏或加密，无法读取文字"
BROKEN_DOCX = "Word文件已损坏，无法读取"

# Work caps for very large inputs (a 50 MB file must not blow up time or memory): only the start
# of a document is read. Annual reports are a few hundred KB at most.
MAX_TEXT_CHARS = 4_000_000
MAX_PDF_PAGES = 80
MAX_TABLE_ROWS = 5_000  # rows read from one HTML table
PDFTOTEXT_TIMEOUT = 20

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_MARKUP = re.compile(r"<\s*(?:!doctype|html|head|body|table|p|div|span|br|tr|td|h[1-6])\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def sniff(data: bytes, name: str) -> str:
    """ "pdf", "docx", "html" or "text" (raises UnreadableInput for what is none of these)."""
    if not data.strip():
        raise UnreadableInput(EMPTY)
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            raise UnreadableInput(BROKEN_DOCX) from None
        raise UnreadableInput(NOT_A_DOCUMENT)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise UnreadableInput(OLD_WORD)
    lowered = name.lower()
    if lowered.endswith((".html", ".htm", ".shtml", ".xhtml")):
        return "html"
    if lowered.endswith((".docx", ".pdf")):
        raise UnreadableInput(NOT_A_DOCUMENT)
    return "text"


def decode(data: bytes, html: bool = False) -> str:
    """Bytes → str (see the module docstring); refuses binary junk and unknown encodings."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="replace"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise UnreadableInput(UNKNOWN_ENCODING) from None
    if b"\x00" in data[:8192]:
        raise UnreadableInput(NOT_A_DOCUMENT)
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            codec = "gb18030" if declared in ("gb2312", "gbk", "gb18030", "x-gbk") else declared
            try:
                return _checked(data.decode(codec))
            except (LookupError, UnicodeDecodeError):
                pass
    decoded: list[str] = []
    for codec in ("gb18030", "big5"):  # Big5 for Traditional-script mirror copies
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if any(word in text[:20_000] for word in _REPORT_WORDS):
            return _checked(text)
        decoded.append(text)
    if decoded:
        return _checked(decoded[0])
    from charset_normalizer import from_bytes

    best = from_bytes(data[:MAX_TEXT_CHARS]).best()
    if best is None:
        raise UnreadableInput(UNKNOWN_ENCODING)
    return _checked(str(best))


_REPORT_WORDS = ("政府", "信息", "年度", "公开", "公開", "報告", "报告")


def _checked(text: str) -> str:
    sample = text[:20_000]
    if sample and len(_CONTROL.findall(sample)) * 100 > len(sample):
        raise UnreadableInput(NOT_A_DOCUMENT)
    return text


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    return (head.lstrip().startswith("<") and bool(_MARKUP.search(head))) or len(
        _MARKUP.findall(head)
    ) >= 3


# --- Plain text ------------------------------------------------------------------------------


def text_lines(text: str) -> list[SourceLine]:
    text = text[:MAX_TEXT_CHARS]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    return list(map(SourceLine._make, zip(lines, range(1, len(lines) + 1), repeat(None))))


# --- HTML ------------------------------------------------------------------------------------

_BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "pre",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "center",
        "caption",
        "title",
        "address",
    ]
)
_SKIP = frozenset(("script", "style", "head", "noscript", "template"))
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def html_lines(text: str) -> list[SourceLine]:
    """Block elements and table rows in document order, each with its source line."""
    import lxml.html

    text = _XML_DECL.sub("", text[:MAX_TEXT_CHARS])
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as error:  # lxml raises ParserError/ValueError on hopeless markup
        raise UnreadableInput(NOT_A_DOCUMENT) from error
    out: list[SourceLine] = []
    _walk(root, out, _ancestors(root, (*_BLOCK, "table")), _ancestors(root, ("table",)))
    return out


def _ancestors(root: Any, tags: tuple[str, ...]) -> set[Any]:
    """Every element that has a descendant with one of ``tags`` (one pass, not one per node)."""
    marked: set[Any] = set()
    for element in root.iter(*tags):
        parent = element.getparent()
        while parent is not None and parent not in marked:
            marked.add(parent)
            parent = parent.getparent()
    return marked


def _inline_text(element: Any) -> str:
    parts: list[str] = []
    for node in element.iter():
        if node.tag in _SKIP:
            continue
        if node.tag == "br":
            parts.append("\n")
        if node is element:
            parts.append(node.text or "")
        else:
            parts.append(node.text or "")
            parts.append(node.tail or "")
    return "".join(parts)


def _emit_text(text: str, line: int, out: list[SourceLine]) -> None:
    for piece in text.split("\n"):
        if piece.strip():
            out.append(SourceLine(piece.strip(), line))


def _walk(element: Any, out: list[SourceLine], has_block: set[Any], has_table: set[Any]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP:
        return
    line = element.sourceline or (out[-1].line if out else 1)
    # A table holding another table is a layout table wrapping the article (common on
    # government sites): walk into it like any other container.
    if tag == "table" and element not in has_table:
        out.extend(_table_rows(element))
        return
    if tag in _BLOCK and element not in has_block:
        _emit_text(_inline_text(element), line, out)
        return
    if element.text and element.text.strip():
        _emit_text(element.text, line, out)
    for child in element:
        _walk(child, out, has_block, has_table)
        if child.tail and child.tail.strip():
            _emit_text(child.tail, child.sourceline or line, out)


def _cell_text(cell: Any) -> str:
    # XPath string(): the text of every descendant, in C (no comments, no tail).
    return str(cell.text_content()).replace("\xa0", " ")


def _table_rows(table: Any) -> Iterator[SourceLine]:
    """Rows with rowspan/colspan expanded into a grid, a merged cell printed once per row."""
    rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table][:MAX_TABLE_ROWS]
    grid: list[dict[int, tuple[int, str]]] = [{} for _ in rows]
    serial = 0  # identifies a cell (id() of an lxml proxy can be reused once it is freed)
    for r, tr in enumerate(rows):
        line = grid[r]
        c = 0
        for td in tr.iterchildren("td", "th"):
            while c in line:
                c += 1
            text = _cell_text(td)
            serial += 1
            rows_attr, columns_attr = td.get("rowspan"), td.get("colspan")
            if rows_attr is None and columns_attr is None:  # a plain cell (most of them)
                line[c] = (serial, text)
                c += 1
                continue
            rowspan = min(_span(rows_attr, 200), len(rows) - r)
            colspan = _span(columns_attr, 60)
            for dr in range(rowspan):
                below = grid[r + dr]
                for dc in range(colspan):
                    below[c + dc] = (serial, text)
            c += colspan
    for r, tr in enumerate(rows):
        cells: list[str] = []
        previous: int | None = None
        for c in sorted(grid[r]):
            ident, text = grid[r][c]
            if ident != previous:
                cells.append(text)
            previous = ident
        if cells:
            yield SourceLine(" | ".join(cells), tr.sourceline or 1, tuple(cells))


def _nearest_table(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(value: str | None, cap: int) -> int:
    try:
        return max(1, min(int(str(value).strip()), cap)) if value else 1
    except ValueError:
        return 1


# --- Word (.docx) ----------------------------------------------------------------------------


def docx_lines(data: bytes) -> list[SourceLine]:
    """Paragraphs and table rows in body order; ``line`` is their running number."""
    import docx

    check_archive(data, DOCX_LIMITS)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds on broken packages
        raise UnreadableInput(BROKEN_DOCX) from error
    out: list[SourceLine] = []
    try:
        _docx_blocks(document.element.body, document, out)
    except Exception as error:  # a damaged body (python-docx raises several kinds)
        raise UnreadableInput(BROKEN_DOCX) from error
    return out


def _docx_blocks(container: Any, document: Any, out: list[SourceLine]) -> None:
    """Paragraphs and tables of a body or table cell, in order. A table that holds another
    table is a layout table: its cells are read as containers, not as a row of cells."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(SourceLine(Paragraph(child, document).text, len(out) + 1))
        elif tag == "tbl":
            table = Table(child, document)
            layout = any(
                element is not child and element.tag == child.tag
                for element in child.iter(child.tag)
            )
            for row in table.rows:
                cells = row.cells
                unique = [c for i, c in enumerate(cells) if i == 0 or c._tc is not cells[i - 1]._tc]
                if layout:
                    for cell in unique:
                        _docx_blocks(cell._tc, document, out)
                    continue
                texts = tuple(c.text for c in unique)
                out.append(SourceLine(" | ".join(texts), len(out) + 1, texts))


# --- PDF -------------------------------------------------------------------------------------


def pdf_lines(data: bytes) -> list[SourceLine]:
    """Text lines and table rows, page by page in reading order; ``line`` runs over the file.

    pdfplumber gives the text layer and the ruled tables; a page that yields no characters (a
    font with a custom CMap, dependencies.md §3) is read with poppler's ``pdftotext -layout``.
    """
    import pdfplumber

    # pdfminer logs every oddity of a damaged file on standard error; the reader reports one
    # line (or nothing) instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    items: list[tuple[str, tuple[str, ...] | None]] = []
    chars = 0
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages[:MAX_PDF_PAGES]
    except Exception as error:  # pdfminer raises many kinds on broken or encrypted files
        raise UnreadableInput(BROKEN_PDF) from error
    with pdf:
        for number, page in enumerate(pages, 1):
            try:
                page_chars = len(page.chars)
                page_items = _page_items(page) if page_chars else []
            except Exception:  # a damaged page: let poppler try it
                page_chars, page_items = 0, []
            if not page_chars:
                fallback = _pdftotext(data, number)
                chars += len(fallback.strip())
                items.extend((line, None) for line in fallback.split("\n") if line.strip())
                continue
            chars += page_chars
            items.extend(page_items)
    if chars == 0:
        raise UnreadableInput(NO_TEXT_LAYER)
    return [SourceLine(text, i, cells) for i, (text, cells) in enumerate(items, 1)]


def _page_items(page: Any) -> list[tuple[str, tuple[str, ...] | None]]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    placed: list[tuple[float, int, str, tuple[str, ...] | None]] = []

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    text_page = page.filter(outside) if boxes else page
    for order, line in enumerate(text_page.extract_text_lines()):
        placed.append((float(line["top"]), order, str(line["text"]), None))
    for t_index, table in enumerate(tables):
        top = float(table.bbox[1])
        for r_index, row in enumerate(table.extract()):
            cells = tuple((c or "").replace("\n", "") for c in row if c is not None)
            if cells:
                placed.append(
                    (
                        top + r_index * 0.001,
                        100_000 + t_index * 1000 + r_index,
                        " | ".join(cells),
                        cells,
                    )
                )
    placed.sort(key=lambda item: (item[0], item[1]))
    # A page number at the top or bottom of the page is not part of the text (it would read as
    # a table cell when it falls between two table rows).
    for position in (-1, 0):
        if placed and placed[position][3] is None and _PAGE_NUMBER.match(placed[position][2]):
            placed.pop(position)
    return [(text, cells) for _, _, text, cells in placed]


_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–―]\s*)?\d{1,3}(?:\s*[-—–―])?\s*$|^\s*第\s*\d{1,3}\s*页")


def _pdftotext(data: bytes, page: int) -> str:
    binary = shutil.which("pdftotext")
    if binary is None:
        return ""
    try:
        done = subprocess.run(
            [binary, "-layout", "-enc", "UTF-8", "-f", str(page), "-l", str(page), "-", "-"],
            input=data,
            capture_output=True,
            timeout=PDFTOTEXT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.decode("utf-8", errors="replace")
