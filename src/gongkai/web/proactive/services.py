"""Every write on the proactive-disclosure register and the 第二十条 records.

Each service is keyword-only, takes the ``acting_user``, runs in one transaction, checks the
permission in :mod:`gongkai.web.accounts.permissions` (only the agency's own 经办人, 审核人 and
公开办 write its registers), validates with a one-line Chinese message, and writes an
:class:`~gongkai.web.applications.models.AuditRecord`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from gongkai.core import wallclock
from gongkai.core.article20 import Article20
from gongkai.core.deadlines import publication_deadline
from gongkai.core.errors import RuleError
from gongkai.core.formats import Format, UnknownYearError, format_for_year
from gongkai.core.vocabulary import DEFAULT_CATEGORIES, AuditAction, ProactiveChannel, Validity
from gongkai.web.accounts import permissions
from gongkai.web.accounts.permissions import require_writer
from gongkai.web.accounts.roles import Role
from gongkai.web.common.audit import audit_record
from gongkai.web.common.errors import ApplicationError, PermissionDenied, required_text
from gongkai.web.common.versioning import check_version
from gongkai.web.common.voiding import void_row
from gongkai.web.orgs.indexpattern import NUMBER_MAX_LENGTH
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.proactive import indexnumbers
from gongkai.web.proactive.models import (
    Category,
    Channel,
    Decision,
    DecisionKind,
    Document,
    DocumentKind,
    Fee,
    Item,
    Matter,
    MatterKind,
    Procurement,
)
from gongkai.web.proactive.versions import PUBLICATION_LABELS, publication_values
from gongkai.web.workcalendar.snapshots import work_calendar


# The categories every agency starts with (as in the seed's 总体情况: 政务动态、工作动态…).
def _today() -> dt.date:
    return wallclock.today()


def _audit(
    entity: str,
    record: Any,
    action: AuditAction,
    actor: Any,
    changes: dict[str, Any],
    reason: str = "",
) -> None:
    audit_record(
        entity=entity,
        entity_id=record.pk,
        action=action,
        actor=actor,
        changes=changes,
        reason=reason,
    )


def require_configurer(user: Any, agency: Agency) -> None:
    """Categories and channels are set by the agency's 审核人 or 公开办."""
    require_writer(user, agency)
    if not permissions.roles_in(user, agency.pk) & {Role.REVIEWER, Role.OFFICE}:
        raise PermissionDenied("主题分类和发布渠道由本机关的审核人或公开办设置")


def _entity(record: Any) -> str:
    """The audit trail's name of a record of this register: ``proactive.document`` …"""
    return f"proactive.{type(record).__name__.lower()}"


def _created(
    model: Any, acting_user: User, action: AuditAction, audited: Sequence[str], **fields: Any
) -> Any:
    """A new record of ``model`` entered by ``acting_user`` with ``fields``, and its audit
    record, which names the values of the fields listed in ``audited``."""
    record = model.objects.create(created_by=acting_user, **fields)
    changes = {name: fields[name] for name in audited}
    _audit(_entity(record), record, action, acting_user, changes)
    return record


def _kind(choices: Any, value: str, message: str) -> Any:
    """The member of ``choices`` named by ``value``; ``message`` (on the field) when none is."""
    try:
        return choices(value)
    except ValueError:
        raise ApplicationError(message, field="kind") from None


def _not_future(day: dt.date | None, what: str, today: dt.date, field_name: str) -> None:
    if day is not None and day > today:
        raise ApplicationError(f"{what}不能晚于今天（{today.isoformat()}）", field=field_name)


# ------------------------------------------------------------------ categories and channels


@transaction.atomic
def categories_ensure_defaults(*, agency: Agency) -> list[Category]:
    """Give an agency without categories the default list (idempotent)."""
    if not Category.objects.filter(agency=agency).exists():
        Category.objects.bulk_create(
            Category(agency=agency, name=name, position=i)
            for i, name in enumerate(DEFAULT_CATEGORIES)
        )
    return list(Category.objects.filter(agency=agency))


@transaction.atomic
def category_create(*, acting_user: User, agency: Agency, name: str) -> Category:
    require_configurer(acting_user, agency)
    name = name.strip()
    if not name:
        raise ApplicationError("请填写分类名称", field="name")
    if len(name) > 40:
        raise ApplicationError("分类名称不能超过40个字", field="name")
    if Category.objects.filter(agency=agency, name=name).exists():
        raise ApplicationError(f"分类“{name}”已存在", field="name")
    last = Category.objects.filter(agency=agency).order_by("-position").first()
    category = Category.objects.create(
        agency=agency, name=name, position=(last.position + 1) if last else 0
    )
    _audit("proactive.category", category, AuditAction.CATEGORY_CREATE, acting_user, {"name": name})
    return category


@transaction.atomic
def category_set_active(*, acting_user: User, category: Category, active: bool) -> Category:
    require_configurer(acting_user, category.agency)
    if category.active != active:
        category.active = active
        category.save(update_fields=["active", "updated_at"])
        _audit(
            "proactive.category",
            category,
            AuditAction.CATEGORY_ENABLE if active else AuditAction.CATEGORY_DISABLE,
            acting_user,
            {"active": active},
        )
    return category


@transaction.atomic
def channel_create(*, acting_user: User, agency: Agency, kind: str, name: str) -> Channel:
    require_configurer(acting_user, agency)
    name = name.strip()
    kind_enum = _kind(ProactiveChannel, kind, "请选择渠道类型")
    if not name:
        raise ApplicationError("请填写渠道名称，如“云溪发布”微信公众号", field="name")
    if Channel.objects.filter(agency=agency, name=name).exists():
        raise ApplicationError(f"渠道“{name}”已存在", field="name")
    channel = Channel.objects.create(agency=agency, kind=kind_enum.value, name=name)
    _audit(
        "proactive.channel",
        channel,
        AuditAction.CHANNEL_CREATE,
        acting_user,
        {"kind": kind, "name": name},
    )
    return channel


# ------------------------------------------------------------------------------ items


@dataclass(frozen=True)
class ItemData:
    """The 目录 fields of one item (条例第十二条 and common practice)."""

    index_number: str
    title: str
    formed_on: dt.date
    category: Category
    publisher: str = ""
    summary: str = ""
    doc_number: str = ""
    published_on: dt.date | None = None
    validity: str = Validity.VALID.value
    channels: Sequence[Channel] = field(default_factory=tuple)
    article20: str = ""  # 条例第二十条 category code, blank when none applies


def publication_due(formed_on: dt.date, today: dt.date) -> tuple[dt.date, bool]:
    """条例第二十六条: 20 working days from formation or change, on the installation's calendar."""
    try:
        deadline = publication_deadline(formed_on, as_of=today, calendar=work_calendar())
    except RuleError as exc:
        raise ApplicationError(str(exc), field="formed_on") from None
    assert deadline.due is not None
    return deadline.due, deadline.provisional


def validate_item(agency: Agency, data: ItemData, today: dt.date) -> None:
    """Raise ApplicationError (with the field) for the first problem of an item."""
    if len(data.index_number.strip()) > NUMBER_MAX_LENGTH:
        raise ApplicationError(f"索引号不能超过{NUMBER_MAX_LENGTH}个字符", field="index_number")
    required_text(data.title, "请填写信息名称", field="title")
    if data.category.agency_id != agency.pk:
        raise ApplicationError("主题分类不属于该机构", field="category")
    if not data.category.active:
        raise ApplicationError(f"主题分类“{data.category.name}”已停用", field="category")
    if data.validity not in {v.value for v in Validity}:
        raise ApplicationError("请选择有效性", field="validity")
    if data.article20 and data.article20 not in {c.value for c in Article20}:
        raise ApplicationError("请选择条例第二十条所列的类别", field="article20")
    _not_future(data.formed_on, "生成日期", today, "formed_on")
    _not_future(data.published_on, "公开日期", today, "published_on")
    if data.published_on is not None and data.published_on < data.formed_on:
        raise ApplicationError(
            f"公开日期（{data.published_on.isoformat()}）不能早于生成日期（{data.formed_on.isoformat()}）",
            field="published_on",
        )
    for channel in data.channels:
        if channel.agency_id != agency.pk:
            raise ApplicationError("发布渠道不属于该机构", field="channels")
    if data.published_on is not None and not data.channels:
        raise ApplicationError("已公开的信息请至少选择一个发布渠道", field="channels")
    index = data.index_number.strip()
    if index and (
        indexnumbers.is_taken(agency=agency, number=index)
        or Item.objects.filter(agency=agency, index_number=index).exists()
    ):
        raise ApplicationError(
            f"索引号“{index}”已被使用（索引号不重复使用，原信息作废后也不再使用），请换一个或留空自动编号",
            field="index_number",
        )


@transaction.atomic
def item_register(
    *, acting_user: User, agency: Agency, data: ItemData, today: dt.date | None = None
) -> Item:
    """Register an item of the 目录 with its Art. 26 due date (条例第十二条、第二十六条)."""
    require_writer(acting_user, agency)
    today = today or _today()
    validate_item(agency, data, today)
    due, provisional = publication_due(data.formed_on, today)
    index = data.index_number.strip()
    if index:
        indexnumbers.reserve(agency=agency, number=index)
    else:
        index = indexnumbers.allocate(agency=agency, year=data.formed_on.year)
    item = Item.objects.create(
        agency=agency,
        index_number=index,
        article20=data.article20,
        title=data.title.strip(),
        summary=data.summary.strip(),
        doc_number=data.doc_number.strip(),
        formed_on=data.formed_on,
        published_on=data.published_on,
        publisher=data.publisher.strip() or agency.name,
        category=data.category,
        validity=data.validity,
        due_on=due,
        due_provisional=provisional,
        created_by=acting_user,
    )
    item.channels.set(data.channels)
    _audit(
        "proactive.item",
        item,
        AuditAction.ITEM_REGISTER,
        acting_user,
        {
            "index_number": item.index_number,
            "title": item.title,
            "article20": item.article20,
            "formed_on": item.formed_on,
            "published_on": item.published_on,
            "due_on": item.due_on,
            "channels": [c.name for c in data.channels],
        },
    )
    return item


@transaction.atomic
def item_publish(
    *,
    acting_user: User,
    item: Item,
    published_on: dt.date,
    channels: Iterable[Channel],
    today: dt.date | None = None,
    version: str | None = None,
) -> Item:
    """Record that an item went out, on which day and channels. ``version``: the publication
    form's token; a form opened before someone else's change is refused (issue 13)."""
    require_writer(acting_user, item.agency)
    item = Item.objects.select_for_update().get(pk=item.pk)
    check_version(version, publication_values(item), PUBLICATION_LABELS)
    today = today or _today()
    channels = list(channels)
    if item.voided:
        raise ApplicationError("该信息已作废")
    _not_future(published_on, "公开日期", today, "published_on")
    if published_on < item.formed_on:
        raise ApplicationError(
            f"公开日期不能早于生成日期（{item.formed_on.isoformat()}）", field="published_on"
        )
    if not channels:
        raise ApplicationError("请至少选择一个发布渠道", field="channels")
    if any(c.agency_id != item.agency_id for c in channels):
        raise ApplicationError("发布渠道不属于该机构", field="channels")
    old = item.published_on
    item.published_on = published_on
    item.save(update_fields=["published_on", "updated_at"])
    item.channels.set(channels)
    _audit(
        "proactive.item",
        item,
        AuditAction.ITEM_PUBLISH,
        acting_user,
        {"published_on": [old, published_on], "channels": [c.name for c in channels]},
    )
    return item


def _void(entity: str, record: Any, acting_user: User, reason: str) -> Any:
    require_writer(acting_user, record.agency)
    reason = void_row(record, reason, noun="记录", no_reason="作废须填写原因")
    _audit(entity, record, AuditAction.VOID, acting_user, {"voided": True}, reason)
    return record


@transaction.atomic
def item_void(*, acting_user: User, item: Item, reason: str) -> Item:
    result: Item = _void("proactive.item", item, acting_user, reason)
    return result


# ------------------------------------------------------------------ 第二十条 records


def _year_format(day: dt.date, field_name: str) -> Format:
    try:
        return format_for_year(day.year)
    except UnknownYearError as exc:
        raise ApplicationError(str(exc), field=field_name) from None


def _check_period(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise ApplicationError("截止日期不能早于起始日期", field="end_on")
    if start.year != end.year:
        raise ApplicationError("统计期间不能跨年，请按年度分开登记", field="end_on")


@transaction.atomic
def document_register(
    *,
    acting_user: User,
    agency: Agency,
    kind: str,
    title: str,
    issued_on: dt.date,
    doc_number: str = "",
    published_on: dt.date | None = None,
    repealed_on: dt.date | None = None,
    repeal_note: str = "",
    today: dt.date | None = None,
) -> Document:
    """A 规章 or 行政规范性文件 (第二十条第（一）项)."""
    require_writer(acting_user, agency)
    today = today or _today()
    kind_enum = _kind(DocumentKind, kind, "请选择类别（规章或行政规范性文件）")
    if kind_enum is DocumentKind.RULE and agency.kind != AgencyKind.GOVERNMENT:
        raise ApplicationError(
            "只有人民政府可以制定规章（立法法第九十三条），部门和乡镇（街道）请登记为行政规范性文件",
            field="kind",
        )
    title = required_text(title, "请填写文件名称", field="title")
    _not_future(issued_on, "制发日期", today, "issued_on")
    _not_future(published_on, "公开日期", today, "published_on")
    _not_future(repealed_on, "废止日期", today, "repealed_on")
    if published_on is not None and published_on < issued_on:
        raise ApplicationError("公开日期不能早于制发日期", field="published_on")
    if repealed_on is not None and repealed_on < issued_on:
        raise ApplicationError(
            f"废止日期（{repealed_on.isoformat()}）不能早于制发日期（{issued_on.isoformat()}）",
            field="repealed_on",
        )
    document: Document = _created(
        Document,
        acting_user,
        AuditAction.document_register(kind_enum),
        ("title", "issued_on", "repealed_on"),
        agency=agency,
        kind=kind_enum.value,
        title=title,
        doc_number=doc_number.strip(),
        issued_on=issued_on,
        published_on=published_on,
        repealed_on=repealed_on,
        repeal_note=repeal_note.strip(),
    )
    return document


@transaction.atomic
def document_repeal(
    *,
    acting_user: User,
    document: Document,
    repealed_on: dt.date,
    note: str = "",
    today: dt.date | None = None,
) -> Document:
    require_writer(acting_user, document.agency)
    today = today or _today()
    if document.voided:
        raise ApplicationError("该记录已作废")
    if document.repealed_on is not None:
        raise ApplicationError(f"该文件已于{document.repealed_on.isoformat()}废止")
    _not_future(repealed_on, "废止日期", today, "repealed_on")
    if repealed_on < document.issued_on:
        raise ApplicationError(
            f"废止日期（{repealed_on.isoformat()}）不能早于制发日期（{document.issued_on.isoformat()}）",
            field="repealed_on",
        )
    document.repealed_on = repealed_on
    document.repeal_note = note.strip()
    document.save(update_fields=["repealed_on", "repeal_note", "updated_at"])
    _audit(
        "proactive.document",
        document,
        AuditAction.DOCUMENT_REPEAL,
        acting_user,
        {"repealed_on": repealed_on},
        note,
    )
    return document


@transaction.atomic
def decision_record(
    *,
    acting_user: User,
    agency: Agency,
    kind: str,
    start_on: dt.date,
    end_on: dt.date | None = None,
    count: int = 1,
    title: str = "",
    source_note: str = "",
    today: dt.date | None = None,
) -> Decision:
    """One decision (a title, one day) or a period total (a source note) — 第二十条第（五）（六）项."""
    require_writer(acting_user, agency)
    today = today or _today()
    kind_enum = _kind(DecisionKind, kind, "请选择决定类别")
    end_on = end_on or start_on
    _check_period(start_on, end_on)
    _not_future(end_on, "截止日期", today, "end_on")
    if count < 0:
        raise ApplicationError("决定数量不能为负数", field="count")
    single = start_on == end_on and count == 1 and not source_note.strip()
    if single and not title.strip():
        raise ApplicationError("逐件登记请填写决定书名称或文号", field="title")
    if not single and not source_note.strip():
        raise ApplicationError(
            "按期间汇总登记请填写数据来源说明（如“据审批系统第一季度统计”）", field="source_note"
        )
    if kind_enum is DecisionKind.OTHER_SERVICES and not _year_format(end_on, "end_on").has_row(
        "t2", "other_services"
    ):
        raise ApplicationError(
            "“其他对外管理服务事项”只在2019—2020年度报告格式中统计", field="kind"
        )
    decision: Decision = _created(
        Decision,
        acting_user,
        AuditAction.decision_record(kind_enum),
        ("start_on", "end_on", "count", "source_note"),
        agency=agency,
        kind=kind_enum.value,
        start_on=start_on,
        end_on=end_on,
        count=count,
        title=title.strip(),
        source_note=source_note.strip(),
    )
    return decision


@transaction.atomic
def fee_record(
    *,
    acting_user: User,
    agency: Agency,
    item: str,
    start_on: dt.date,
    end_on: dt.date,
    amount: Decimal,
    source_note: str = "",
    today: dt.date | None = None,
) -> Fee:
    """行政事业性收费 collected in a period, in 元 (第二十条第（八）项)."""
    require_writer(acting_user, agency)
    today = today or _today()
    item = required_text(item, "请填写收费项目", field="item")
    _check_period(start_on, end_on)
    _not_future(end_on, "截止日期", today, "end_on")
    if amount < 0:
        raise ApplicationError("收费金额不能为负数", field="amount")
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ApplicationError("收费金额以元为单位，最多保留两位小数", field="amount")
    fee: Fee = _created(
        Fee,
        acting_user,
        AuditAction.FEE_INCOME_RECORD,
        ("item", "start_on", "end_on", "amount"),
        agency=agency,
        item=item,
        start_on=start_on,
        end_on=end_on,
        amount=amount,
        source_note=source_note.strip(),
    )
    return fee


@transaction.atomic
def procurement_record(
    *,
    acting_user: User,
    agency: Agency,
    title: str,
    day: dt.date,
    amount: Decimal,
    today: dt.date | None = None,
) -> Procurement:
    """A 政府集中采购 project (第二十条第（九）项), counted only in 2019-format reports."""
    require_writer(acting_user, agency)
    today = today or _today()
    title = required_text(title, "请填写采购项目名称", field="title")
    _not_future(day, "采购日期", today, "day")
    if not _year_format(day, "day").has_row("t2", "procurement"):
        raise ApplicationError(
            "政府集中采购只在2019—2020年度报告格式（第二十条第（九）项）中统计，2021年度起不再登记",
            field="day",
        )
    if amount < 0:
        raise ApplicationError("采购金额不能为负数", field="amount")
    procurement: Procurement = _created(
        Procurement,
        acting_user,
        AuditAction.PROCUREMENT_RECORD,
        ("title", "day", "amount"),
        agency=agency,
        title=title,
        day=day,
        amount=amount,
    )
    return procurement


@transaction.atomic
def matter_record(
    *,
    acting_user: User,
    agency: Agency,
    kind: str,
    name: str,
    listed_on: dt.date,
    delisted_on: dt.date | None = None,
    today: dt.date | None = None,
) -> Matter:
    """An item on the list of powers or fees; the 2019 format counts them (上一年项目数量、本年增/减)."""
    require_writer(acting_user, agency)
    today = today or _today()
    kind_enum = _kind(MatterKind, kind, "请选择事项类别")
    name = required_text(name, "请填写事项名称", field="name")
    _not_future(listed_on, "列入清单日期", today, "listed_on")
    _not_future(delisted_on, "取消日期", today, "delisted_on")
    if delisted_on is not None and delisted_on < listed_on:
        raise ApplicationError("取消日期不能早于列入清单日期", field="delisted_on")
    matter: Matter = _created(
        Matter,
        acting_user,
        AuditAction.matter_record(kind_enum),
        ("name", "listed_on", "delisted_on"),
        agency=agency,
        kind=kind_enum.value,
        name=name,
        listed_on=listed_on,
        delisted_on=delisted_on,
    )
    return matter


@transaction.atomic
def record_void(*, acting_user: User, record: Any, reason: str) -> Any:
    """Void a 第二十条 record entered by mistake; it stays, marked, and is no longer counted."""
    return _void(_entity(record), record, acting_user, reason)


@dataclass(frozen=True)
class ItemDueChange:
    """An item whose Art. 26 due date moved when the working calendar changed."""

    item: Item
    old: dt.date
    new: dt.date


@transaction.atomic
def items_due_dates_recompute(*, today: dt.date | None = None) -> list[ItemDueChange]:
    """Recompute every item's Art. 26 due date after the working calendar changed (the
    administrator edited a year's holiday arrangement); returns the items whose date moved."""
    today = today or _today()
    moved: list[ItemDueChange] = []
    items = Item.objects.filter(voided=False).select_related("agency")
    for item in items.only(
        "id", "agency__name", "index_number", "title", "formed_on", "due_on", "due_provisional"
    ):
        due, provisional = publication_due(item.formed_on, today)
        if (due, provisional) != (item.due_on, item.due_provisional):
            Item.objects.filter(pk=item.pk).update(due_on=due, due_provisional=provisional)
            if due != item.due_on:
                moved.append(ItemDueChange(item, item.due_on, due))
    return moved
