"""Bulk import of a 政府信息公开目录 from CSV or Excel, for agencies moving in.

Every bad row is reported (row number as the spreadsheet shows it, the column, the reason in
Chinese). Nothing is imported until the file is clean — unless the user asks to import only the
good rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from gongkai.core import wallclock
from gongkai.core.article20 import article20_by_label
from gongkai.core.csvsafe import SafeWriter
from gongkai.core.errors import UnreadableInput
from gongkai.core.vocabulary import VALIDITY_BY_LABEL, ProactiveChannel
from gongkai.core.zipguard import XLSX_LIMITS, BrokenArchive, check_archive
from gongkai.web.accounts.permissions import require_writer
from gongkai.web.common.errors import ApplicationError
from gongkai.web.orgs.models import Agency
from gongkai.web.proactive.models import (
    Category,
    Channel,
    IssuedIndexNumber,
    Item,
)
from gongkai.web.proactive.services import ItemData, item_register

COLUMNS = (
    "索引号",
    "名称",
    "内容概述",
    "文号",
    "生成日期",
    "公开日期",
    "发布机构",
    "主题分类",
    "有效性",
    "发布渠道",
    "法定主动公开类别",
)
REQUIRED = ("名称", "生成日期", "主题分类")  # a blank 索引号 is numbered by the agency's pattern
MAX_ROWS = 20_000
MAX_BYTES = 10 * 1024 * 1024
# Physical rows (blank ones included) and columns read at most: a sheet that claims a million
# rows or sixteen thousand columns costs no more than a legitimate one (issue 13, item 4).
MAX_SHEET_ROWS = MAX_ROWS + 1_000
MAX_COLUMNS = 40
TOO_MANY_ROWS = f"一次最多导入{MAX_ROWS}行，请分批导入"

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)
_SEPARATORS = re.compile(r"[;；,，、/\n]+")


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str


@dataclass
class ImportResult:
    rows: int = 0
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})


def template_csv() -> str:
    """A ready-to-fill CSV (UTF-8 with BOM, opens in Excel and WPS)."""
    example = (
        "YX-2025-00001",
        "关于做好2025年防汛防台工作的通知",
        "部署2025年防汛防台工作",
        "云政〔2025〕12号",
        "2025-05-06",
        "2025-05-08",
        "",
        "通知公告",
        "有效",
        "门户网站；政务新媒体",
    )
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow(COLUMNS)
    writer.writerow(example)
    return "\ufeff" + out.getvalue()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(data: bytes, filename: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and the data rows (with their spreadsheet row numbers) of a CSV or XLSX file."""
    if len(data) > MAX_BYTES:
        raise ApplicationError("文件超过10MB，请分批导入")
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data)
    if name.endswith((".csv", ".txt")):
        return _read_csv(data)
    raise ApplicationError("只能导入 CSV 或 Excel（.xlsx）文件")


def _read_csv(data: bytes) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ApplicationError("无法识别文件编码，请另存为 UTF-8 编码的 CSV")
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip() for h in next(reader)][:MAX_COLUMNS]
    except StopIteration:
        raise ApplicationError("文件是空的") from None
    except csv.Error:
        raise ApplicationError(CSV_BROKEN) from None
    cells = ((i, [c.strip() for c in row[:MAX_COLUMNS]]) for i, row in enumerate(reader, start=2))
    return header, _bounded(cells, CSV_BROKEN)


CSV_BROKEN = (
    "CSV 文件格式有误（某个单元格过长或引号不成对），请在 Excel 或 WPS 中另存为 CSV 后再导入"
)


def _bounded(rows: Iterator[tuple[int, list[str]]], broken: str) -> Iterator[tuple[int, list[str]]]:
    """``rows`` up to the physical row limit; a file that breaks while being read (a malformed
    CSV line, a damaged or lying archive member) is a Chinese error, never a server error."""
    try:
        for number, cells in rows:
            if number > MAX_SHEET_ROWS:
                raise ApplicationError(TOO_MANY_ROWS)
            yield number, cells
    except ApplicationError:
        raise
    except Exception:
        raise ApplicationError(broken) from None


XLSX_BROKEN = "无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密"


def _read_xlsx(data: bytes) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    from openpyxl import load_workbook

    try:
        check_archive(data, XLSX_LIMITS)
    except BrokenArchive:
        raise ApplicationError(XLSX_BROKEN) from None
    except UnreadableInput as exc:
        raise ApplicationError(str(exc)) from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise ApplicationError(XLSX_BROKEN) from None
    sheet = book.worksheets[0]
    # Read at most MAX_COLUMNS columns, whatever the sheet's stated dimension says.
    rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    try:
        header = [_text(h) for h in next(rows)]
    except StopIteration:
        raise ApplicationError("Excel 文件的第一个工作表是空的") from None
    except Exception:
        raise ApplicationError(XLSX_BROKEN) from None
    cells = ((i, [_text(c) for c in row]) for i, row in enumerate(rows, start=2))
    return header, _bounded(cells, XLSX_BROKEN)


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    if text[:10].count("-") == 2 and len(text) > 10 and text[10] in " T":
        text = text[:10]  # "2025-05-06 00:00:00"
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


@dataclass
class _Context:
    agency: Agency
    today: dt.date
    categories: dict[str, Category]
    channels_by_name: dict[str, Channel]
    channels_by_kind_label: dict[str, Channel]
    existing: set[str]
    seen: dict[str, int] = field(default_factory=dict)


def _context(agency: Agency, today: dt.date) -> _Context:
    channels = list(Channel.objects.filter(agency=agency, active=True).order_by("id"))
    by_kind: dict[str, Channel] = {}
    for c in channels:
        by_kind.setdefault(ProactiveChannel(c.kind).label, c)
    return _Context(
        agency=agency,
        today=today,
        categories={c.name: c for c in Category.objects.filter(agency=agency, active=True)},
        channels_by_name={c.name: c for c in channels},
        channels_by_kind_label=by_kind,
        existing=set(Item.objects.filter(agency=agency).values_list("index_number", flat=True))
        | set(IssuedIndexNumber.objects.filter(agency=agency).values_list("number", flat=True)),
    )


def check_row(
    ctx: _Context, number: int, values: dict[str, str]
) -> tuple[ItemData | None, list[RowError]]:
    """The item a row describes, or every reason it cannot be imported."""
    errors: list[RowError] = []

    def bad(column: str, message: str) -> None:
        errors.append(RowError(number, column, message))

    for column in REQUIRED:
        if not values.get(column, ""):
            bad(column, f"“{column}”不能为空")
    index = values.get("索引号", "")
    if index:
        if len(index) > 60:
            bad("索引号", "索引号不能超过60个字符")
        elif index in ctx.existing:
            bad("索引号", f"索引号“{index}”已在本机关目录中")
        elif index in ctx.seen:
            bad("索引号", f"索引号“{index}”与第{ctx.seen[index]}行重复")
        else:
            ctx.seen[index] = number
    if len(values.get("名称", "")) > 200:
        bad("名称", "名称不能超过200个字")

    def day(column: str, not_before: dt.date | None = None) -> dt.date | None:
        """The column's date, if it is filled in and readable; not after today, nor before
        ``not_before`` (the 生成日期)."""
        if not values.get(column):
            return None
        found = parse_date(values[column])
        if found is None:
            bad(column, f"无法识别日期“{values[column]}”，请写成 2025-05-06")
        elif found > ctx.today:
            bad(column, f"{column}不能晚于今天")
        elif not_before is not None and found < not_before:
            bad(column, f"{column}不能早于生成日期")
        return found

    formed = day("生成日期")
    published = day("公开日期", not_before=formed)
    category = None
    if values.get("主题分类"):
        category = ctx.categories.get(values["主题分类"])
        if category is None:
            known = "、".join(ctx.categories) or "（尚未设置）"
            bad("主题分类", f"本机关没有主题分类“{values['主题分类']}”，可用的有：{known}")
    validity = "valid"
    if values.get("有效性"):
        if values["有效性"] not in VALIDITY_BY_LABEL:
            bad("有效性", "有效性只能是“有效”“失效”或“废止”")
        else:
            validity = VALIDITY_BY_LABEL[values["有效性"]].value
    article20 = article20_by_label(values.get("法定主动公开类别", "")) or ""
    if values.get("法定主动公开类别") and not article20:
        bad("法定主动公开类别", "请写条例第二十条的项号（如“（一）”或“1”）或类别名称")
    channels: list[Channel] = []
    for name in filter(None, (n.strip() for n in _SEPARATORS.split(values.get("发布渠道", "")))):
        channel = ctx.channels_by_name.get(name) or ctx.channels_by_kind_label.get(name)
        if channel is None:
            known = "、".join(ctx.channels_by_name) or "（尚未设置）"
            bad("发布渠道", f"本机关没有发布渠道“{name}”，可用的有：{known}")
        else:
            channels.append(channel)
    if published is not None and not values.get("发布渠道"):
        bad("发布渠道", "已公开的信息请填写发布渠道")
    if errors or formed is None or category is None:
        return None, errors
    return (
        ItemData(
            index_number=index,
            title=values["名称"],
            summary=values.get("内容概述", ""),
            doc_number=values.get("文号", ""),
            formed_on=formed,
            published_on=published,
            publisher=values.get("发布机构", ""),
            category=category,
            validity=validity,
            channels=tuple(dict.fromkeys(channels)),
            article20=article20,
        ),
        [],
    )


BATCH = 200  # rows written per transaction: the write lock is held for well under a second


def data_rows(data: bytes, filename: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and the non-blank rows (spreadsheet row number, values by column), bounded by
    ``MAX_ROWS``; a file without the required columns or without data is refused in Chinese."""
    header, rows = read_rows(data, filename)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ApplicationError(
            f"表头缺少“{'”“'.join(missing)}”列；第一行应为：{'，'.join(COLUMNS)}"
        )
    out: list[tuple[int, dict[str, str]]] = []
    for number, cells in rows:
        if not any(cells):
            continue
        if len(out) >= MAX_ROWS:
            raise ApplicationError(TOO_MANY_ROWS)
        out.append(
            (number, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header) if h})
        )
    if not out:
        raise ApplicationError("文件中没有数据行")
    return header, out


def context(agency: Agency, today: dt.date) -> _Context:
    """What checking the rows of ``agency`` needs, read once (categories, channels, 索引号)."""
    return _context(agency, today)


class RowRefused(ApplicationError):
    """A checked row the register refused when written (someone registered the same 索引号
    meanwhile); the batch it was in is rolled back whole."""

    def __init__(self, row: int, message: str) -> None:
        super().__init__(f"第{row}行未能导入：{message}", code="import.row_refused")
        self.row = row


def write_batch(
    *,
    acting_user: User,
    agency: Agency,
    rows: list[tuple[int, ItemData]],
    today: dt.date,
    until: float | None = None,
) -> int:
    """Register ``rows`` in order, stopping early once ``time.monotonic()`` passes ``until``
    (at least one row is always written); returns how many were written. The caller holds the
    batch's transaction. A refused row raises :class:`RowRefused` with its row number, which
    rolls the whole batch back."""
    written = 0
    for number, item in rows:
        try:
            with transaction.atomic():  # a savepoint: PostgreSQL can go on after an error
                item_register(acting_user=acting_user, agency=agency, data=item, today=today)
        except ApplicationError as exc:
            raise RowRefused(number, exc.message) from None
        except IntegrityError:
            raise RowRefused(number, f"索引号“{item.index_number}”已被他人登记") from None
        written += 1
        if until is not None and time.monotonic() > until:
            break
    return written


def items_import(
    *,
    acting_user: User,
    agency: Agency,
    data: bytes,
    filename: str,
    good_rows_only: bool = False,
    today: dt.date | None = None,
) -> ImportResult:
    """Check every row; import all of them only when none is bad, or only the good ones when
    ``good_rows_only``. Either way the result lists every bad row. Synchronous (scripts, tests);
    the web page runs the same steps in the background (``import_jobs``). Rows are written in
    batches of ``BATCH``, each its own transaction."""
    require_writer(acting_user, agency)
    today = today or wallclock.today()
    _, rows = data_rows(data, filename)
    ctx = _context(agency, today)
    result = ImportResult(rows=len(rows))
    good: list[tuple[int, ItemData]] = []
    for number, values in rows:
        item, errors = check_row(ctx, number, values)
        result.errors.extend(errors)
        if item is not None:
            good.append((number, item))
    if result.errors and not good_rows_only:
        return result
    for start in range(0, len(good), BATCH):
        batch = good[start : start + BATCH]
        with transaction.atomic():
            result.imported += write_batch(
                acting_user=acting_user, agency=agency, rows=batch, today=today
            )
    return result
