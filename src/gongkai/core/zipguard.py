"""Refusing zip bombs before an Office file (.xlsx, .docx) is opened.

An Office file is a zip archive. Its central directory states every member's uncompressed size,
and Python's ``zipfile`` never yields more than the stated size (a member that lies fails its CRC
check), so checking the stated sizes before opening bounds the memory and time any reader can
spend: too many members, too much in total, one member too large, or a compression ratio no real
document reaches is refused with a Chinese reason.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import UnreadableInput

MB = 1024 * 1024


class BrokenArchive(UnreadableInput):
    """The bytes are not a readable zip archive at all."""


@dataclass(frozen=True)
class ZipLimits:
    """What a legitimate archive of one kind stays within."""

    what: str  # "Excel 文件", "Word 文件": how the messages name the file
    max_members: int = 2_000
    max_total: int = 200 * MB
    max_member: int = 100 * MB
    # Text XML compresses 10–30×; only a bomb (or a sheet of one repeated cell) goes beyond this.
    max_ratio: int = 200
    ratio_floor: int = 1 * MB  # small members may compress arbitrarily well
    # Tighter caps for named members, e.g. the shared-strings table of a workbook.
    member_caps: Mapping[str, int] = field(default_factory=dict)


XLSX_LIMITS = ZipLimits(
    what="Excel 文件",
    max_total=150 * MB,
    max_member=100 * MB,
    member_caps={"xl/sharedStrings.xml": 40 * MB},
)
DOCX_LIMITS = ZipLimits(what="Word 文件", member_caps={"word/document.xml": 60 * MB})


def _size(n: int) -> str:
    return f"{n // MB}MB" if n >= MB else f"{max(n // 1024, 1)}KB"


def check_archive(data: bytes, limits: ZipLimits) -> None:
    """Raise :class:`UnreadableInput` if the archive in ``data`` exceeds ``limits``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise BrokenArchive(f"{limits.what}已损坏，无法读取") from None
    refuse = f"{limits.what}解压后过大（疑似“压缩炸弹”），已拒绝读取"
    if len(members) > limits.max_members:
        raise UnreadableInput(f"{limits.what}包含的部件过多（{len(members)}个），已拒绝读取")
    total = 0
    for member in members:
        size = member.file_size
        total += size
        cap = limits.member_caps.get(member.filename, limits.max_member)
        if size > cap:
            raise UnreadableInput(
                f"{refuse}：其中“{member.filename}”解压后为{_size(size)}，上限{_size(cap)}"
            )
        if size > limits.ratio_floor and size > limits.max_ratio * max(member.compress_size, 1):
            raise UnreadableInput(
                f"{refuse}：其中“{member.filename}”的压缩比超过{limits.max_ratio}倍"
            )
    if total > limits.max_total:
        raise UnreadableInput(f"{refuse}：解压后共{_size(total)}，上限{_size(limits.max_total)}")
