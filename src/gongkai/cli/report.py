"""``gongkai report AGENCY YEAR --format html|docx|pdf|txt|json -o FILE``: the annual report of
an agency (by name or code) on the installation's database, composed from its records and the
officer's texts of its workspace — or, with ``--published``, the latest published version's file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gongkai.cli.web import _setup

FORMATS = ("html", "docx", "pdf", "txt", "json")


def _agency(name: str) -> Any:
    from django.db.models import Q

    from gongkai.web.orgs.models import Agency

    matches = list(Agency.objects.filter(Q(code=name) | Q(name=name)))
    if not matches:
        matches = list(Agency.objects.filter(name__contains=name))
    if len(matches) != 1:
        found = "、".join(a.name for a in matches[:5])
        raise LookupError(
            f"没有找到机构“{name}”" if not matches else f"“{name}”对应多个机构（{found}），请写全称或机构代码"
        )
    return matches[0]


def _handle(args: argparse.Namespace) -> int:
    _setup(args.data_dir)
    from gongkai.core.annual import render
    from gongkai.core.annual.json_render import render_json_bytes
    from gongkai.core.yearend import UncountableRecord
    from gongkai.web.reports import selectors
    from gongkai.web.reports.models import ReportDraft

    try:
        agency = _agency(args.agency)
    except LookupError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.published:
        version = selectors.latest_published(agency, args.year)
        file = version.files.filter(kind=args.format).first() if version else None
        if file is None:
            print(f"{agency.name}{args.year}年度没有已发布的{args.format}文件", file=sys.stderr)
            return 2
        data = bytes(file.content)
    else:
        draft = ReportDraft.objects.filter(agency=agency, year=args.year).first() or ReportDraft(
            agency=agency, year=args.year
        )
        try:
            check = selectors.check_draft(draft)
        except UncountableRecord as exc:
            print(f"登记数据无法统计：{exc}", file=sys.stderr)
            return 2
        if args.format == "json":
            data = render_json_bytes(check.report, findings=check.findings)
        else:
            data = render(check.report, args.format)
        errors = len(check.errors)
        print(
            f"{agency.name}{args.year}年度报告：检查发现错误{errors}项、警告{len(check.warnings)}项",
            file=sys.stderr,
        )
    Path(args.output).write_bytes(data)
    print(f"已写入 {args.output}（{len(data)} 字节）", file=sys.stderr)
    return 0


def register(subparsers: Any) -> None:
    report = subparsers.add_parser(
        "report", help="由登记簿生成机构的政府信息公开工作年度报告（网页、Word、PDF、文本、JSON）"
    )
    report.add_argument("agency", help="机构名称或机构代码")
    report.add_argument("year", type=int, help="报告年度")
    report.add_argument("--format", choices=FORMATS, default="html", help="输出格式（默认 html）")
    report.add_argument("-o", "--output", required=True, help="输出文件")
    report.add_argument("--data-dir", help="数据目录（默认环境变量 GONGKAI_DATA_DIR 或 ./data）")
    report.add_argument(
        "--published", action="store_true", help="输出最新已发布版本的文件，而不是按当前记录重新生成"
    )
    report.set_defaults(handler=_handle)
