"""The 政府信息公开制度 sub-column, written by the agency (issue 14 item 4).

The agency's 审核人 or 公开办 (or its government's 公开办/系统管理员) edits the page on the
workbench; each save publishes a new version (:class:`RulesPage`, earlier ones kept) and is
audited. The edit form carries a version token (``web/common/versioning``): if someone published
meanwhile, the save is refused with what changed, and nothing typed is lost. Until the agency
publishes its own text, the 专栏 shows :data:`DEFAULT_BODY` (the statutory texts and the working
rules gongkai itself enforces), which is also what the first edit starts from.

The text is plain: a line starting with ``## `` is a heading, with ``- `` a list item; other
lines form paragraphs (blank lines separate them). Nothing is rendered as HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core.vocabulary import AuditAction
from gongkai.web.accounts import permissions
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError, PermissionDenied
from gongkai.web.common.versioning import check_version, version_token
from gongkai.web.orgs.models import Agency
from gongkai.web.portal.models import RulesPage

MAX_BODY = 20_000
LABELS = {"body": "制度页面正文"}

DEFAULT_BODY = """{agency}依照下列法规和规范性文件开展政府信息公开工作：
- 《中华人民共和国政府信息公开条例》（国务院令第711号，2019年5月15日起施行）
- 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）
- 《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）
- 《国务院办公厅政府信息与政务公开办公室关于规范政府信息公开平台有关事项的通知》（国办公开办函〔2019〕61号）

## 本机关工作制度
- 申请登记、审核、办理、答复、归档制度（《条例》第四十五条）：每件申请登记受理编号，办理过程逐项留痕，答复期限由系统依法定工作日计算。
- 主动公开目录制度（《条例》第十二条、第二十六条）：主动公开信息自形成或者变更之日起20个工作日内公开，目录按统一索引号编排。
- 年度报告制度（《条例》第四十九条、第五十条）：每年1月31日前公布上一年度政府信息公开工作年度报告。
- 保密审查制度（《条例》第十七条）：公开前依法进行审查。"""


@dataclass(frozen=True)
class Block:
    kind: str  # "h2", "p" or "ul"
    lines: tuple[str, ...]


def blocks(body: str) -> list[Block]:
    """The page's headings, paragraphs and lists, from the plain text."""
    out: list[Block] = []
    para: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if para:
            out.append(Block("p", tuple(para)))
            para.clear()
        if items:
            out.append(Block("ul", tuple(items)))
            items.clear()

    for raw in body.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            out.append(Block("h2", (line[3:].strip(),)))
        elif line.startswith(("- ", "· ")):
            if para:
                flush()
            items.append(line[2:].strip())
        else:
            if items:
                flush()
            para.append(line)
    flush()
    return out


def current(*, agency: Agency) -> RulesPage | None:
    return RulesPage.objects.filter(agency=agency).order_by("-number").first()


def current_body(*, agency: Agency) -> str:
    page = current(agency=agency)
    return page.body if page else DEFAULT_BODY.format(agency=agency.name)


def token_for(*, agency: Agency) -> str:
    return version_token({"body": current_body(agency=agency)})


def history(*, agency: Agency) -> list[RulesPage]:
    return list(RulesPage.objects.filter(agency=agency).select_related("published_by"))


@transaction.atomic
def rules_page_publish(
    *, acting_user: User, agency: Agency, body: str, version: str | None, now: dt.datetime
) -> RulesPage:
    """Publish a new version of the agency's 制度 page (refused if someone published meanwhile)."""
    if not permissions.can_edit_agency_settings(acting_user, agency):
        raise PermissionDenied("只有本机关的审核人、公开办或系统管理员可以修改政府信息公开制度页面")
    text = body.replace("\r\n", "\n").strip()
    if not text:
        raise ApplicationError("请填写制度页面正文", field="body")
    if len(text) > MAX_BODY:
        raise ApplicationError(f"正文不能超过{MAX_BODY}个字（现为{len(text)}个字）", field="body")
    Agency.objects.select_for_update().filter(pk=agency.pk).first()  # one publisher at a time
    check_version(version, {"body": current_body(agency=agency)}, LABELS)
    last = current(agency=agency)
    if last is not None and last.body == text:
        return last
    page = RulesPage.objects.create(
        agency=agency,
        number=(last.number + 1) if last else 1,
        body=text,
        published_at=now,
        published_by=acting_user,
    )
    audit_record(
        entity="portal.rules",
        entity_id=page.pk,
        action=AuditAction.RULES_PAGE_PUBLISH,
        actor=acting_user,
        changes={"version": page.number, "body": [last.body if last else "", text]},
    )
    return page
