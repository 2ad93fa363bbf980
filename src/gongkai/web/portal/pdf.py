"""The printable copy of an online application (申请表), as PDF through WeasyPrint with the
Chinese fonts of the letters (core/letters/pdf_render.py: meta charset, 公文 font stack, the
package's fontconfig aliases). Kept for the applicant and for the paper file (条例 第四十五条)."""

from __future__ import annotations

from html import escape

from django.utils.timezone import localtime

from gongkai.core.letters.pdf_render import BODY_STACK, TITLE_STACK, chinese_fontconfig
from gongkai.web.applications.enums import APPLICANT_KIND_LABELS
from gongkai.web.portal.models import OnlineRequest

CSS = f"""
@page {{ size: A4; margin: 25mm 22mm; }}
html {{ font-family: {BODY_STACK}; font-size: 12pt; line-height: 1.6; }}
h1 {{ font-family: {TITLE_STACK}; font-size: 20pt; text-align: center; font-weight: normal; }}
table {{ width: 100%; border-collapse: collapse; }}
th, td {{ border: 1px solid #000; padding: 4pt 6pt; vertical-align: top; text-align: left; }}
th {{ width: 28%; font-weight: normal; }}
.code {{ font-size: 16pt; letter-spacing: 1pt; }}
.note {{ font-size: 10.5pt; margin-top: 12pt; }}
"""


def copy_rows(online: OnlineRequest, code: str = "") -> list[tuple[str, str]]:
    app = online.application
    person = app.applicant
    rows = [
        ("受理机关", app.agency.name),
        ("申请人类型", APPLICANT_KIND_LABELS.get(person.kind, person.kind)),
        ("申请人姓名/名称", person.name),
        ("身份证明", f"{person.id_type} {person.masked_id}"),
        ("联系电话", person.phone),
        ("电子邮箱", person.email),
        ("通信地址", f"{person.address} {person.postcode}".strip()),
        ("所需政府信息的名称、文号或描述", app.subject),
        ("获取信息的载体形式", app.requested_form),
        ("获取信息的方式", app.delivery),
        ("用途（选填）", online.purpose),
        ("身份证明材料", "已上传" if online.id_proof else "未上传"),
        ("网上提交时间", f"{localtime(online.submitted_at):%Y年%m月%d日 %H:%M}"),
    ]
    if code:
        rows.append(("查询码", code))
    if app.number:
        rows.append(("受理编号", app.number))
        rows.append(("收到申请日期", f"{app.received_on:%Y年%m月%d日}"))
    return rows


def render_copy_html(online: OnlineRequest, code: str = "") -> str:
    cells = "\n".join(
        f"<tr><th>{escape(k)}</th><td{' class=code' if k == '查询码' else ''}>"
        f"{escape(v).replace(chr(10), '<br>')}</td></tr>"
        for k, v in copy_rows(online, code)
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>政府信息公开申请表</title><style>{CSS}</style></head><body>"
        f"<h1>政府信息公开申请表</h1><table>{cells}</table>"
        '<p class="note">说明：通过互联网提交的申请，以双方确认之日为收到申请之日（《中华人民共和国'
        "政府信息公开条例》第三十一条第三项）。受理机关确认后给出受理编号，并自收到申请之日起20个"
        "工作日内予以答复。请妥善保管查询码，凭查询码和申请人姓名或联系电话查询办理情况。</p>"
        "</body></html>"
    )


def render_copy_pdf(online: OnlineRequest, code: str = "") -> bytes:
    with chinese_fontconfig():
        import weasyprint  # type: ignore[import-untyped]

        pdf = weasyprint.HTML(string=render_copy_html(online, code), base_url=None).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
