"""The words of the domain, declared once (style guide: the core owns the domain's vocabulary).

Every register, the clock, the demo and the web side use these enumerations; Django derives its
``choices`` from them (``[(x.value, x.label) for x in Enum]``) and stores the codes. Each
enumeration's value is a stable ASCII code; ``.label`` is the Chinese text shown to people.

* :class:`Channel` — how a request arrived (条例第二十九条) and, in :data:`RECEIPT_RULES`, which
  day 第三十一条 makes the day of receipt (the clock computes it in
  :mod:`gongkai.core.deadlines.receipt`).
* :class:`Role` — the four roles of an installation.
* :class:`Status` — where a request stands in the workbench's flow.
* :class:`EventKind` — the event log of a request; :data:`CLOCK_EVENT_KINDS` the events after the
  receipt that the statutory clock reads.
* :class:`CaseKind`, :class:`CaseResult` — administrative review and litigation (table 4).
* :class:`DocumentKind`, :class:`DecisionKind`, :class:`MatterKind` — the 第二十条 records;
  :data:`DEFAULT_CATEGORIES` the 目录's categories every agency starts with.
* :class:`AuditAction` — what the audit trail records, stored as codes, shown with labels.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol

from .formats.common import T4

# ---------------------------------------------------------------------------- requests


class Channel(StrEnum):
    """How the request arrived (条例 第二十九条); 第三十一条 fixes the date of receipt for each."""

    IN_PERSON = "in_person"
    MAIL = "mail"
    FAX = "fax"
    EMAIL = "email"
    ONLINE = "online"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]

    @property
    def receipt_rule(self) -> str:
        """条例 第三十一条: which day counts as the day of receipt."""
        return RECEIPT_RULES[self]


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.IN_PERSON: "当面提交",
    Channel.MAIL: "信函",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件",
    Channel.ONLINE: "网上申请平台",
}
RECEIPT_RULES: dict[Channel, str] = {
    Channel.IN_PERSON: "当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）",
    Channel.MAIL: "以邮寄方式提交的，以行政机关签收之日为收到申请之日；平常信函等无需签收的，以双方确认之日为准（条例第三十一条第二项）",
    Channel.FAX: "通过传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）",
    Channel.EMAIL: "通过电子邮件提交的，以电子邮件到达本机关邮件系统之日为收到申请之日（条例第三十一条，国办公开办函〔2015〕207号）",
    Channel.ONLINE: "通过互联网渠道提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）",
}


class Role(StrEnum):
    """The four roles of an installation."""

    ADMIN = "admin"  # 系统管理员
    OFFICE = "office"  # 公开办 (reads everything below its government)
    OFFICER = "officer"  # 经办人
    REVIEWER = "reviewer"  # 审核人

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "系统管理员",
    Role.OFFICE: "公开办",
    Role.OFFICER: "经办人",
    Role.REVIEWER: "审核人",
}


class Status(StrEnum):
    """Where a request stands: 登记 → 办理中, paused in 补正中 / 征求意见中 / 待缴费, ending in
    已答复 or 已终止. An online application starts in 待确认 (issue 14): not yet received until the
    agency confirms it (条例 第三十一条第三项)."""

    PENDING = "pending"
    REGISTERED = "registered"
    IN_PROGRESS = "in_progress"
    AWAITING_CORRECTION = "awaiting_correction"
    CONSULTING = "consulting"
    AWAITING_FEE = "awaiting_fee"
    ANSWERED = "answered"
    TERMINATED = "terminated"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        return self not in {Status.ANSWERED, Status.TERMINATED}

    @property
    def is_waiting(self) -> bool:
        """Waiting on the applicant (补正, fee) or a third party (consultation)."""
        return self in {Status.AWAITING_CORRECTION, Status.CONSULTING, Status.AWAITING_FEE}


STATUS_LABELS: dict[Status, str] = {
    Status.PENDING: "待确认",
    Status.REGISTERED: "登记",
    Status.IN_PROGRESS: "办理中",
    Status.AWAITING_CORRECTION: "补正中",
    Status.CONSULTING: "征求意见中",
    Status.AWAITING_FEE: "待缴费",
    Status.ANSWERED: "已答复",
    Status.TERMINATED: "已终止",
}


class EventKind(StrEnum):
    """The event log of a request (条例 第三十条 to 第三十五条; 国办函〔2020〕109号)."""

    RECEIVED = "received"
    CORRECTION_REQUESTED = "correction_requested"  # 补正通知 (第三十条)
    CORRECTION_RECEIVED = "correction_received"  # the period restarts (第三十条)
    CONSULTATION_STARTED = "consultation_started"  # 第三十二条, 第三十四条
    CONSULTATION_ENDED = "consultation_ended"
    FEE_NOTICE = "fee_notice"  # 国办函〔2020〕109号
    FEE_PAID = "fee_paid"
    EXTENSION_REQUESTED = "extension_requested"
    EXTENSION = "extension"  # approved by a 审核人 (第三十三条第二款)
    EXTENSION_REJECTED = "extension_rejected"  # 驳回: the period stays
    EXTENSION_RETURNED = "extension_returned"  # 退回 to the case officer with reasons
    DUE_DATE_SET = "due_date_set"  # 第三十五条
    ANSWERED = "answered"
    TERMINATED = "terminated"

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]


EVENT_LABELS: dict[EventKind, str] = {
    EventKind.RECEIVED: "收到申请",
    EventKind.CORRECTION_REQUESTED: "发出补正通知",
    EventKind.CORRECTION_RECEIVED: "收到补正材料",
    EventKind.CONSULTATION_STARTED: "发出征求意见",
    EventKind.CONSULTATION_ENDED: "收到意见答复",
    EventKind.FEE_NOTICE: "发出收费通知",
    EventKind.FEE_PAID: "申请人缴费",
    EventKind.EXTENSION_REQUESTED: "申请延期答复",
    EventKind.EXTENSION: "批准延期答复",
    EventKind.EXTENSION_REJECTED: "驳回延期申请",
    EventKind.EXTENSION_RETURNED: "退回延期申请",
    EventKind.DUE_DATE_SET: "确定答复期限",
    EventKind.ANSWERED: "作出答复",
    EventKind.TERMINATED: "终止办理",
}

# The facts after the receipt that the statutory clock counts; the other events are records of
# the register (a request for an extension, the answer, the termination).
CLOCK_EVENT_KINDS = frozenset(
    {
        EventKind.CORRECTION_REQUESTED,
        EventKind.CORRECTION_RECEIVED,
        EventKind.CONSULTATION_STARTED,
        EventKind.CONSULTATION_ENDED,
        EventKind.FEE_NOTICE,
        EventKind.FEE_PAID,
        EventKind.EXTENSION,
        EventKind.DUE_DATE_SET,
    }
)


# ------------------------------------------------------------- review and litigation (table 4)

_T4_ROWS = {row.key: row for row in T4.rows}
_T4_COLUMNS = {column.key: column for column in T4.blocks[0].columns}


class CaseKind(StrEnum):
    REVIEW = "review"  # 行政复议
    SUIT_DIRECT = "suit_direct"  # 行政诉讼, 未经复议直接起诉
    SUIT_AFTER_REVIEW = "suit_after_review"  # 行政诉讼, 复议后起诉

    @property
    def label(self) -> str:
        return CASE_KIND_LABELS[self]


class CaseResult(StrEnum):
    UPHELD = "upheld"  # 维持
    CORRECTED = "corrected"  # 纠正
    OTHER = "other"  # 其他 (e.g. withdrawn, dismissed)

    @property
    def label(self) -> str:
        return CASE_RESULT_LABELS[self]


# Labels read from table 4's declaration (its rows are the kinds, its columns the results).
CASE_KIND_LABELS: dict[CaseKind, str] = {
    kind: (f"{row.group}（{row.label}）" if row.group else row.label)
    for kind in CaseKind
    for row in (_T4_ROWS[kind.value],)
}
CASE_RESULT_LABELS: dict[CaseResult, str] = {
    result: _T4_COLUMNS[result.value].label for result in CaseResult
}
CASE_PENDING_LABEL = _T4_COLUMNS["pending"].label


# ------------------------------------------------------------------ the 第二十条 records


class DocumentKind(StrEnum):
    RULE = "rule"  # 规章
    NORMATIVE = "normative"  # 行政规范性文件

    @property
    def label(self) -> str:
        return {DocumentKind.RULE: "规章", DocumentKind.NORMATIVE: "行政规范性文件"}[self]


class DecisionKind(StrEnum):
    LICENSING = "licensing"  # 行政许可 (第二十条第（五）项)
    OTHER_SERVICES = "other_services"  # 其他对外管理服务事项 (2019 format only)
    PENALTY = "penalty"  # 行政处罚 (第二十条第（六）项)
    COERCION = "coercion"  # 行政强制 (第二十条第（六）项)

    @property
    def label(self) -> str:
        return DECISION_KIND_LABELS[self]


DECISION_KIND_LABELS: dict[DecisionKind, str] = {
    DecisionKind.LICENSING: "行政许可",
    DecisionKind.OTHER_SERVICES: "其他对外管理服务事项",
    DecisionKind.PENALTY: "行政处罚",
    DecisionKind.COERCION: "行政强制",
}


class MatterKind(StrEnum):
    """The 2019 format counts items (事项), not only decisions: 上一年项目数量 and 本年增/减."""

    LICENSING = "licensing"
    OTHER_SERVICES = "other_services"
    PENALTY = "penalty"
    COERCION = "coercion"
    FEES = "fees"

    @property
    def label(self) -> str:
        return MATTER_KIND_LABELS[self]


MATTER_KIND_LABELS: dict[MatterKind, str] = {
    MatterKind.LICENSING: "行政许可",
    MatterKind.OTHER_SERVICES: "其他对外管理服务事项",
    MatterKind.PENALTY: "行政处罚",
    MatterKind.COERCION: "行政强制",
    MatterKind.FEES: "行政事业性收费",
}

# The proactive-disclosure categories (主题分类) every agency starts with, as in the seed's
# 总体情况 (政务动态、工作动态…); an agency adds its own.
DEFAULT_CATEGORIES = (
    "政务动态",
    "工作动态",
    "通知公告",
    "人事任免",
    "招投标",
    "预决算信息",
    "政策文件",
    "政策解读",
    "规划计划",
)


# ------------------------------------------------------------------------- the 目录's items


class ProactiveChannel(StrEnum):
    """Where proactive information goes out (条例第二十三、二十四条)."""

    PORTAL = "portal"  # 政府门户网站
    NEW_MEDIA = "new_media"  # 政务新媒体 (a WeChat account)
    GAZETTE = "gazette"  # 政府公报
    READING_ROOM = "reading_room"  # 政府信息公开查阅点
    OTHER = "other"

    @property
    def label(self) -> str:
        return PROACTIVE_CHANNEL_LABELS[self]


PROACTIVE_CHANNEL_LABELS: dict[ProactiveChannel, str] = {
    ProactiveChannel.PORTAL: "门户网站",
    ProactiveChannel.NEW_MEDIA: "政务新媒体",
    ProactiveChannel.GAZETTE: "政府公报",
    ProactiveChannel.READING_ROOM: "公开查阅点",
    ProactiveChannel.OTHER: "其他渠道",
}


class Validity(StrEnum):
    """有效性 of a 目录 item."""

    VALID = "valid"
    EXPIRED = "expired"
    REPEALED = "repealed"

    @property
    def label(self) -> str:
        return VALIDITY_LABELS[self]


VALIDITY_LABELS: dict[Validity, str] = {
    Validity.VALID: "有效",
    Validity.EXPIRED: "失效",
    Validity.REPEALED: "废止",
}
VALIDITY_BY_LABEL: dict[str, Validity] = {label: v for v, label in VALIDITY_LABELS.items()}


# ------------------------------------------------------------------------- the audit trail


class AuditAction(StrEnum):
    """What an audit record says was done: a code stored in the database, a label shown."""

    # the request register
    APPLICATION_REGISTER = "application.register"
    APPLICATION_START = "application.start"
    APPLICATION_ASSIGN = "application.assign"
    CORRECTION_REQUEST = "application.correction_request"
    CORRECTION_RECEIVE = "application.correction_receive"
    CONSULTATION_SEND = "application.consultation_send"
    CONSULTATION_RECEIVE = "application.consultation_receive"
    FEE_NOTICE = "application.fee_notice"
    FEE_PAYMENT = "application.fee_payment"
    EXTENSION_REQUEST = "application.extension_request"
    EXTENSION_APPROVE = "application.extension_approve"
    EXTENSION_REJECT = "application.extension_reject"
    EXTENSION_RETURN = "application.extension_return"
    ANSWER_SUBMIT = "application.answer_submit"  # 送审核人签发
    ANSWER_SIGN = "application.answer_sign"  # 签发 (the answer is issued that day)
    ANSWER_SIGN_REJECT = "application.answer_sign_reject"  # 不予签发
    ANSWER_SIGN_RETURN = "application.answer_sign_return"  # 退回修改
    DUE_DATE_SET = "application.due_date_set"
    APPLICATION_ANSWER = "application.answer"
    APPLICATION_TERMINATE = "application.terminate"
    OUTCOME_CHANGE = "application.outcome_change"
    DUE_DATES_RECOMPUTE = "application.due_dates_recompute"
    VOID = "void"  # any register's record voided
    # letters
    LETTER_TEMPLATE_SAVE = "letter.template_save"
    LETTER_TEMPLATE_RESET = "letter.template_reset"
    LETTER_SETTINGS_SAVE = "letter.settings_save"
    LETTER_GENERATE = "letter.generate"
    LETTER_DELIVERY = "letter.delivery"
    LETTER_VOID = "letter.void"
    ATTACHMENT_UPLOAD = "attachment.upload"
    ATTACHMENT_VOID = "attachment.void"
    # review and litigation
    CASE_REGISTER_REVIEW = "case.register.review"
    CASE_REGISTER_SUIT_DIRECT = "case.register.suit_direct"
    CASE_REGISTER_SUIT_AFTER_REVIEW = "case.register.suit_after_review"
    CASE_RESULT_RECORD = "case.result_record"
    CASE_RESULT_CHANGE = "case.result_change"
    # proactive disclosure and the 第二十条 records
    CATEGORY_CREATE = "proactive.category_create"
    CATEGORY_ENABLE = "proactive.category_enable"
    CATEGORY_DISABLE = "proactive.category_disable"
    CHANNEL_CREATE = "proactive.channel_create"
    ITEM_REGISTER = "proactive.item_register"
    ITEM_PUBLISH = "proactive.item_publish"
    DOCUMENT_REGISTER_RULE = "proactive.document.register.rule"
    DOCUMENT_REGISTER_NORMATIVE = "proactive.document.register.normative"
    DOCUMENT_REPEAL = "proactive.document.repeal"
    DECISION_RECORD_LICENSING = "proactive.decision.record.licensing"
    DECISION_RECORD_OTHER_SERVICES = "proactive.decision.record.other_services"
    DECISION_RECORD_PENALTY = "proactive.decision.record.penalty"
    DECISION_RECORD_COERCION = "proactive.decision.record.coercion"
    FEE_INCOME_RECORD = "proactive.fee_record"
    PROCUREMENT_RECORD = "proactive.procurement_record"
    MATTER_RECORD_LICENSING = "proactive.matter.record.licensing"
    MATTER_RECORD_OTHER_SERVICES = "proactive.matter.record.other_services"
    MATTER_RECORD_PENALTY = "proactive.matter.record.penalty"
    MATTER_RECORD_COERCION = "proactive.matter.record.coercion"
    MATTER_RECORD_FEES = "proactive.matter.record.fees"
    # agencies, people, the calendar
    AGENCY_UPDATE = "orgs.agency_update"
    RULES_PAGE_PUBLISH = "portal.rules_publish"  # the 专栏's 政府信息公开制度 page
    MEMBER_ADD = "accounts.member_add"
    MEMBER_REMOVE = "accounts.member_remove"
    ACCOUNT_ENABLE = "accounts.enable"
    ACCOUNT_DISABLE = "accounts.disable"
    PASSWORD_RESET = "accounts.password_reset"
    SUPERVISE = "oversight.supervise"
    CALENDAR_SAVE = "workcalendar.save"
    CALENDAR_ADMIN_GRANT = "accounts.calendar_admin_grant"
    # signing in and out (issue 13)
    LOGIN = "accounts.login"
    LOGIN_FAILED = "accounts.login_failed"
    LOGOUT = "accounts.logout"
    PASSWORD_CHANGE = "accounts.password_change"
    # the annual report (条例第四十九条、第五十条)
    REPORT_DRAFT_CREATE = "report.draft_create"
    REPORT_DRAFT_SAVE = "report.draft_save"
    REPORT_SUBMIT = "report.submit"
    REPORT_RETURN = "report.return"
    REPORT_APPROVE = "report.approve"
    REPORT_SIGN = "report.sign"
    REPORT_PUBLISH = "report.publish"
    REPORT_CORRECTION_START = "report.correction_start"
    REPORT_IMPORT = "report.import"
    # the public portal (issue 14): an online application and its confirmation
    ONLINE_SUBMIT = "portal.online_submit"
    ONLINE_CORRECTION = "portal.online_correction"
    ONLINE_CONFIRM = "application.online_confirm"

    @property
    def label(self) -> str:
        return AUDIT_ACTION_LABELS[self]

    @classmethod
    def case_register(cls, kind: CaseKind) -> AuditAction:
        return cls(f"case.register.{kind.value}")

    @classmethod
    def document_register(cls, kind: DocumentKind) -> AuditAction:
        return cls(f"proactive.document.register.{kind.value}")

    @classmethod
    def decision_record(cls, kind: DecisionKind) -> AuditAction:
        return cls(f"proactive.decision.record.{kind.value}")

    @classmethod
    def matter_record(cls, kind: MatterKind) -> AuditAction:
        return cls(f"proactive.matter.record.{kind.value}")


AUDIT_ACTION_LABELS: dict[AuditAction, str] = {
    AuditAction.APPLICATION_REGISTER: "登记申请",
    AuditAction.APPLICATION_START: "开始办理",
    AuditAction.APPLICATION_ASSIGN: "分配经办人",
    AuditAction.CORRECTION_REQUEST: "发出补正通知",
    AuditAction.CORRECTION_RECEIVE: "收到补正材料",
    AuditAction.CONSULTATION_SEND: "发出征求意见",
    AuditAction.CONSULTATION_RECEIVE: "收到意见答复",
    AuditAction.FEE_NOTICE: "发出收费通知",
    AuditAction.FEE_PAYMENT: "登记缴费",
    AuditAction.EXTENSION_REQUEST: "申请延期答复",
    AuditAction.EXTENSION_APPROVE: "批准延期答复",
    AuditAction.EXTENSION_REJECT: "驳回延期申请",
    AuditAction.EXTENSION_RETURN: "退回延期申请",
    AuditAction.ANSWER_SUBMIT: "提交答复签发",
    AuditAction.ANSWER_SIGN: "签发答复",
    AuditAction.ANSWER_SIGN_REJECT: "不予签发答复",
    AuditAction.ANSWER_SIGN_RETURN: "退回答复修改",
    AuditAction.DUE_DATE_SET: "确定答复期限（第三十五条）",
    AuditAction.APPLICATION_ANSWER: "作出答复",
    AuditAction.APPLICATION_TERMINATE: "终止办理",
    AuditAction.OUTCOME_CHANGE: "更正办理结果",
    AuditAction.DUE_DATES_RECOMPUTE: "工作日历变更后重算期限",
    AuditAction.VOID: "作废",
    AuditAction.LETTER_TEMPLATE_SAVE: "修改文书模板",
    AuditAction.LETTER_TEMPLATE_RESET: "恢复默认文书模板",
    AuditAction.LETTER_SETTINGS_SAVE: "修改文书编号设置",
    AuditAction.LETTER_GENERATE: "生成文书",
    AuditAction.LETTER_DELIVERY: "记录文书送达",
    AuditAction.LETTER_VOID: "作废文书",
    AuditAction.ATTACHMENT_UPLOAD: "上传附件",
    AuditAction.ATTACHMENT_VOID: "作废附件",
    **{AuditAction.case_register(k): f"登记{k.label}" for k in CaseKind},
    AuditAction.CASE_RESULT_RECORD: "登记审结结果",
    AuditAction.CASE_RESULT_CHANGE: "更正审结结果",
    AuditAction.CATEGORY_CREATE: "新增主题分类",
    AuditAction.CATEGORY_ENABLE: "启用主题分类",
    AuditAction.CATEGORY_DISABLE: "停用主题分类",
    AuditAction.CHANNEL_CREATE: "新增发布渠道",
    AuditAction.ITEM_REGISTER: "登记主动公开信息",
    AuditAction.ITEM_PUBLISH: "登记公开日期",
    **{AuditAction.document_register(k): f"登记{k.label}" for k in DocumentKind},
    AuditAction.DOCUMENT_REPEAL: "废止",
    **{AuditAction.decision_record(k): f"登记{k.label}决定" for k in DecisionKind},
    AuditAction.FEE_INCOME_RECORD: "登记行政事业性收费",
    AuditAction.PROCUREMENT_RECORD: "登记政府集中采购",
    **{AuditAction.matter_record(k): f"登记{k.label}事项" for k in MatterKind},
    AuditAction.AGENCY_UPDATE: "修改机构信息",
    AuditAction.RULES_PAGE_PUBLISH: "发布政府信息公开制度页面",
    AuditAction.MEMBER_ADD: "添加工作人员",
    AuditAction.MEMBER_REMOVE: "移除工作人员角色",
    AuditAction.ACCOUNT_ENABLE: "启用账户",
    AuditAction.ACCOUNT_DISABLE: "停用账户",
    AuditAction.PASSWORD_RESET: "重置密码",
    AuditAction.SUPERVISE: "公开办督办",
    AuditAction.CALENDAR_SAVE: "修改工作日历",
    AuditAction.CALENDAR_ADMIN_GRANT: "授予工作日历管理权限",
    AuditAction.LOGIN: "登录",
    AuditAction.LOGIN_FAILED: "登录失败",
    AuditAction.LOGOUT: "退出登录",
    AuditAction.PASSWORD_CHANGE: "修改本人密码",
    AuditAction.REPORT_DRAFT_CREATE: "创建年度报告草稿",
    AuditAction.REPORT_DRAFT_SAVE: "保存年度报告草稿",
    AuditAction.REPORT_SUBMIT: "提交年度报告审核",
    AuditAction.REPORT_RETURN: "退回年度报告",
    AuditAction.REPORT_APPROVE: "审核通过年度报告",
    AuditAction.REPORT_SIGN: "签发年度报告",
    AuditAction.REPORT_PUBLISH: "发布年度报告",
    AuditAction.REPORT_CORRECTION_START: "开始更正年度报告",
    AuditAction.REPORT_IMPORT: "导入往年年度报告",
    AuditAction.ONLINE_SUBMIT: "网上提交申请",
    AuditAction.ONLINE_CORRECTION: "申请人网上提交补正",
    AuditAction.ONLINE_CONFIRM: "确认收到网上申请",
}


class Labelled(Protocol):
    """A member of one of these enumerations: a code and its label."""

    @property
    def value(self) -> str: ...

    @property
    def label(self) -> str: ...


def choices(members: Iterable[Labelled]) -> list[tuple[str, str]]:
    """``[(code, label), …]`` in declaration order (pass the enumeration): a field's choices."""
    return [(member.value, member.label) for member in members]


# A model field takes these callables as its ``choices`` (Django ≥ 5): its migrations then keep a
# reference to the function, not a copy of the list, so a new status, event or audit action
# changes this module and no migration (choices are not part of the database schema). Migration
# files import them by name: keep the names.


def status_choices() -> list[tuple[str, str]]:
    return choices(Status)


def event_kind_choices() -> list[tuple[str, str]]:
    return choices(EventKind)


def audit_action_choices() -> list[tuple[str, str]]:
    return choices(AuditAction)
