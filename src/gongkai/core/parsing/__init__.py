"""Reading published annual reports (issue 2, item 4).

``read_report(data, name)`` takes the bytes of a ``.txt`` (UTF-8 or GBK/GB18030, Big5 mirrors),
``.html``, ``.docx`` or ``.pdf`` report and returns an immutable
:class:`gongkai.core.report.Report`; ``read_path(path)`` reads a file (text and web pages up to
16 MB, of which the first four million characters are examined; PDF and Word files whole, up to
200 MB). The machine-readable JSON that gongkai itself publishes (a ``.json`` name, or bytes that
open with ``{``) is read by :mod:`.json_report` against the published schema instead of the
pipeline below. Whatever is not an annual report at all raises
:class:`gongkai.core.errors.UnreadableInput` with a one-line reason in Chinese; what the reader
noticed while reading (label deviations, unreadable or cut-off tables, altered headings) is in
``Report.notes``.

The pipeline, stage by stage (``reader.read_report`` runs it; every section title and table
label it matches is read from the format declarations in :mod:`gongkai.core.formats`):

1. bytes → text — :mod:`.sources` sniffs the type from the bytes (``sniff``) and decodes text and
   web pages (``decode``: BOM, UTF-8, declared charset, GB18030, Big5, charset-normalizer);
   :mod:`.normalize` turns Traditional script into Simplified.
2. text → source lines — :mod:`.sources` (``text_lines``, ``html_lines``, ``docx_lines``,
   ``pdf_lines``) yields :class:`.document.SourceLine` s: a text line, an HTML block, a Word
   paragraph, a PDF line — or a table row with its cells (rowspan/colspan and merged cells
   expanded once per row).
3. source lines → one document — :class:`.document.Document` joins the lines, normalised by
   :mod:`.normalize` (NFKC, quotes), into one string with an offset → line map, so that run-together
   crawler text and one-cell-per-line text are searched alike.
4. document → structure — :mod:`.structure` finds the six section headings (in run-together text,
   behind a table of contents, without numerals) and the regions (``Zone``) of tables 2, 3 and 4.
5. region → atoms → runs — :mod:`.atoms` cuts each region into label text, values, blank cells and
   row ends, whatever the flattened shape, and groups them into runs of values with the label
   text before them.
6. runs → cells — :mod:`.tables` aligns runs to the format's rows (by label, by order where labels
   are garbled) and columns (in the order the header prints them), with :mod:`.split` for digit
   runs a crawler glued together and :mod:`.values` for one printed cell; what it cannot read
   reliably becomes an ``unparsed-table`` note, never a guessed number.
7. → Report — :mod:`.meta` reads title, year, agency, publication date and 本级政府 or department;
   :mod:`.reader` detects the format, cuts the section texts and narrative paragraphs, notes a
   truncated excerpt, and builds the immutable :class:`gongkai.core.report.Report`.
"""

from __future__ import annotations

import os

from ..errors import UnreadableInput
from ..report import Report
from .reader import read_report

# Text and web pages larger than this are read only up to this size (a 50 MB download must not
# stall a run; the reader looks at the first few million characters anyway). PDF and Word files
# are containers that cannot be cut, so they are read whole up to MAX_CONTAINER_BYTES.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_CONTAINER_BYTES = 200 * 1024 * 1024


def read_path(path: str | os.PathLike[str], previous: Report | None = None) -> Report:
    """Read a report file; the path is kept in ``Report.path``. ``previous``: last year's
    report, whose figures may settle a run-together row (see :func:`read_report`)."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES)
            if data.startswith((b"%PDF-", b"PK\x03\x04")) and len(data) == MAX_FILE_BYTES:
                data += handle.read(MAX_CONTAINER_BYTES - MAX_FILE_BYTES)
                if handle.read(1):
                    raise UnreadableInput(
                        f"文件过大（超过{MAX_CONTAINER_BYTES // 2**20} MB），未读取：{name}"
                    )
    except FileNotFoundError:
        raise UnreadableInput(f"文件不存在：{name}") from None
    except IsADirectoryError:
        raise UnreadableInput(f"这是一个目录，不是文件：{name}") from None
    except OSError as error:
        raise UnreadableInput(f"无法打开文件：{name}（{error.strerror}）") from None
    return read_report(data, name, previous)


__all__ = ["read_path", "read_report"]
