"""The demo district's annual reports, made through the real services (起草 → 提交审核 → 审核通过 →
签发 → 发布: audited, every output hashed).

* The first closed year: every agency's report is published, by its department's deadline
  (条例第四十九条).
* The second closed year: the reports are held in every state — 起草, 提交审核, 退回 (with the
  reviewer's reasons), 审核通过, 签发 and 发布 — and the government's own draft is blocked by a
  planted error: an officer's paragraph states more requests than table 三 counts, which the
  checker reports as an error and the 公开办 must fix before submitting.

``today`` is an argument (the demo loader pins it); nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from gongkai.web.common.errors import ApplicationError
from gongkai.web.orgs.models import Agency, AgencyKind
from gongkai.web.reports import selectors, services
from gongkai.web.reports.models import ReportDraft, State
from gongkai.web.yearend.selectors import year_end

log = logging.getLogger(__name__)

# The signing leaders of the demo (签发), by position in the agency list.
LEADERS = ("王建国", "李红梅", "张志强", "刘晓燕", "陈国栋", "杨丽华", "赵永明", "黄秀英")

# Second-year states, dealt out to the departments in turn (the government holds the blocked
# draft, so a 公开办 login finds its own report to fix).
CYCLE = (
    State.PUBLISHED,
    State.SIGNED,
    State.APPROVED,
    State.SUBMITTED,
    State.RETURNED,
    State.DRAFT,
)

RETURN_REASON = (
    "第五部分“存在的主要问题及改进情况”过于笼统，请结合本年度依申请公开办理中发现的具体问题"
    "重新撰写，并写明下一步改进措施和时限。"
)
# The planted error: the officer's own count of requests received, off by this much.
PLANTED_OFFSET = 7

OVERVIEW = {
    "management": "严格落实公文公开属性源头认定制度，拟制公文时同步确定公开属性；"
    "对现行有效的规范性文件开展清理，及时向社会公布清理结果。",
    "platform": "持续优化政府网站政府信息公开专栏，按照统一的目录规范栏目设置，"
    "做好政务新媒体与网站的信息同步发布。",
    "supervision": "将政府信息公开工作纳入年度工作要点，组织开展政务公开业务培训，"
    "定期对专栏内容更新情况进行自查。",
}
PROBLEMS = {
    0: "一是政策解读的形式较为单一，图解、视频等形式运用不多。二是部分栏目更新不够及时。"
    "下一步，我们将丰富政策解读形式，建立栏目更新提醒机制，确保信息及时发布。",
    1: "一是依申请公开答复文书的规范化水平有待提升，个别告知书说理不够充分。"
    "二是基层工作人员业务能力参差不齐。下一步，我们将制定答复文书范本，"
    "每半年组织一次业务培训，提升依法答复水平。",
}
OTHER = "本机关本年度无其他需要报告的事项。"
WARNING_NOTE = "经核实，该情况属实，已在报告正文中如实说明。"


def _deadline_day(agency: Agency, year: int) -> dt.date:
    """A publication day a little before the 第四十九条 deadline of ``agency``."""
    return selectors.deadline(agency, year) - dt.timedelta(days=8)


def _write(draft: ReportDraft, officer: Any, year_index: int, overview: dict[str, str]) -> None:
    services.draft_save(
        acting_user=officer,
        draft=draft,
        revision=draft.revision,
        overview=overview,
        problems=PROBLEMS[year_index % 2],
        other=OTHER,
    )


def _note_warnings(draft: ReportDraft, officer: Any) -> ReportDraft:
    """The officer explains each warning the checker raises (the gate asks for a note)."""
    draft.refresh_from_db()
    check = selectors.check_draft(draft)
    notes = {selectors.finding_key(f): WARNING_NOTE for f in check.warnings}
    if not notes:
        return draft
    return services.draft_save(
        acting_user=officer, draft=draft, revision=draft.revision, warning_notes=notes
    )


def _advance(
    draft: ReportDraft,
    target: State,
    *,
    officer: Any,
    reviewer: Any,
    office: Any,
    leader: str,
    published_on: dt.date,
    today: dt.date,
) -> None:
    """Move a written draft through the services up to ``target``."""
    if target == State.DRAFT:
        return
    draft = _note_warnings(draft, officer)
    draft = services.draft_submit(acting_user=officer, draft=draft, revision=draft.revision)
    if target == State.SUBMITTED:
        return
    if target == State.RETURNED:
        services.draft_return(acting_user=reviewer, draft=draft, reason=RETURN_REASON)
        return
    draft = services.draft_approve(acting_user=reviewer, draft=draft)
    if target == State.APPROVED:
        return
    draft = services.draft_sign(acting_user=reviewer, draft=draft, leader=leader)
    if target == State.SIGNED:
        return
    services.draft_publish(acting_user=office, draft=draft, published_on=published_on, today=today)


def planted_count(agency: Agency, year: int) -> int:
    """The officer's wrong count of requests received: neither table 三's 新收 nor 新收 plus
    上年结转 (the checker accepts either as "收到申请N件")."""
    counted = year_end(agency=agency, year=year)
    received = int(counted.value("t3", "received", "total"))
    return received + int(counted.value("t3", "carried_in", "total")) + PLANTED_OFFSET


def planted_error_overview(agency: Agency, year: int) -> dict[str, str]:
    """The officer's paragraphs with the planted error: more requests than table 三 counts."""
    return {
        **OVERVIEW,
        "requests": f"本年度共收到政府信息公开申请{planted_count(agency, year)}件，"
        "均在法定期限内作出答复。",
    }


def load(*, agencies: dict[str, Agency], users: dict[str, Any], today: dt.date) -> str:
    """Publish the first closed year's reports and hold the second year's in every state.

    ``agencies`` and ``users`` are the demo loader's (by agency key and username); returns a
    one-line summary.
    """
    first, second = today.year - 2, today.year - 1
    office = users["gkb"]
    ordered = sorted(agencies.items(), key=lambda kv: (kv[1].kind != AgencyKind.GOVERNMENT, kv[0]))
    states: dict[str, int] = {}
    failed: list[str] = []
    departments = 0
    for index, (key, agency) in enumerate(ordered):
        officer, reviewer = users[f"{key}_jbr"], users[f"{key}_shr"]
        leader = LEADERS[index % len(LEADERS)]
        plan: list[tuple[int, State, dict[str, str]]] = [(first, State.PUBLISHED, OVERVIEW)]
        if agency.kind == AgencyKind.GOVERNMENT:
            plan.append((second, State.DRAFT, planted_error_overview(agency, second)))
        else:
            plan.append((second, CYCLE[departments % len(CYCLE)], OVERVIEW))
            departments += 1
        for year, target, overview in plan:
            published_on = min(_deadline_day(agency, year), today)
            try:
                draft = services.draft_open(acting_user=officer, agency=agency, year=year)
                _write(draft, officer, year - first, overview)
                draft.refresh_from_db()
                _advance(
                    draft,
                    target,
                    officer=officer,
                    reviewer=reviewer,
                    office=office,
                    leader=leader,
                    published_on=published_on,
                    today=today,
                )
            except ApplicationError as exc:
                log.warning("demo report %s %s not made: %s", key, year, exc)
                failed.append(f"{agency.name}{year}年度")
                continue
            label = f"{year}年度{target.label}"
            states[label] = states.get(label, 0) + 1
    summary = "年度报告：" + "，".join(f"{label} {n} 份" for label, n in states.items())
    if failed:
        summary += f"；未能生成 {len(failed)} 份（{'、'.join(failed)}）"
    return summary
