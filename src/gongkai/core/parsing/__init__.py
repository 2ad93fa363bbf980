"""Reading published annual reports (issue 2, item 4).

``read_report(data, name)`` takes the bytes of a ``.txt`` (UTF-8 or GBK/GB18030, Big5 mirrors),
``.html``, ``.docx`` or ``.pdf`` report and returns an immutable
:class:`gongkai.core.report.Report`; ``read_path(path)`` reads a file (text and web pages up to
16 MB, of which the first four million characters are examined; PDF and Word files whole, up to
200 MB). Whatever is not an annual report at all raises
:class:`gongkai.core.errors.UnreadableInput` with a one-line reason in Chinese; what the reader
noticed while reading (label deviations, unreadable or cut-off tables, altered headings) is in
``Report.notes``.

The pipeline, one module per step:

* :mod:`.sources` — sniff the type from the bytes, decode, and turn the input into lines
  (:class:`.document.SourceLine`): text lines, HTML block elements and table rows (rowspan and
  colspan expanded), Word paragraphs and table rows (merged cells once), PDF text lines and
  ruled tables (poppler for pages pdfplumber cannot read);
* :mod:`.normalize` — NFKC, quotes, label keys, Traditional → Simplified, bounded edit distance;
* :mod:`.structure` — the six section headings (also inside run-together text, behind a table of
  contents, without numerals) and the regions of tables 2, 3 and 4;
* :mod:`.atoms` — a table region as label text, values, blank cells and row ends, whatever the
  flattened shape (" | " rows, one cell per line or paragraph, crawler text);
* :mod:`.tables` — runs of values aligned to the format's rows (by label, by order where labels
  are garbled), cells with their lines, notes for what cannot be read reliably;
* :mod:`.split` — the constraint solver for digit runs glued together by a crawler;
* :mod:`.values` — one printed cell ("减4", "251000元", "—");
* :mod:`.meta` — title, year, agency, publication date, 本级政府 or department;
* :mod:`.reader` — ties them together and builds the Report.
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


def read_path(path: str | os.PathLike[str]) -> Report:
    """Read a report file; the path is kept in ``Report.path``."""
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
    return read_report(data, name)


__all__ = ["read_path", "read_report"]
