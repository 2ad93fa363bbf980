"""The remedy clause (救济条款) of a 答复书, by outcome, under the law in force.

* 《中华人民共和国行政复议法》 (2023 revision, in force 2024-01-01) 第二十条: 行政复议 within 60
  days of knowing of the act; 第二十三条第一款第四项: "申请政府信息公开，行政机关不予公开" is one of
  the cases where the applicant **must apply for 行政复议 first** (复议前置) and may sue only
  against the 复议决定. A 不予公开 answer (table 3 （三）1–8) must therefore not offer a direct
  lawsuit. A 部分公开 answer (（二）) refuses a part: the clause separates the two.
* 《中华人民共和国行政诉讼法》 第四十六条: a direct lawsuit within 6 months of knowing of the act;
  第四十五条: after 复议, within 15 days of receiving the 复议决定书.
* The 复议机关 is named (行政复议法 第二十四条: for a department, the 本级人民政府; for a
  government, the 上一级人民政府); the agency record's 行政复议机关 must be filled in before a
  答复书 goes out.

Sources: annual-report-formats.md §7 (条例 procedures); the two statutes as revised.
"""

from __future__ import annotations

DIRECT = (
    "如对本答复不服，可以在收到本答复书之日起60日内向{review_body}申请行政复议，"
    "或者在收到本答复书之日起6个月内依法向人民法院提起行政诉讼。"
)

REVIEW_FIRST = (
    "如对本答复不服，应当在收到本答复书之日起60日内先向{review_body}申请行政复议"
    "（《中华人民共和国行政复议法》第二十三条第一款第四项：申请政府信息公开，行政机关不予公开的，"
    "应当先申请行政复议）；对行政复议决定不服的，可以在收到行政复议决定书之日起15日内"
    "依法向人民法院提起行政诉讼。"
)

PARTIAL = (
    "如对本答复中不予公开的部分不服，应当在收到本答复书之日起60日内先向{review_body}申请行政复议"
    "（《中华人民共和国行政复议法》第二十三条第一款第四项），对行政复议决定不服的，"
    "可以在收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼；"
    "对本答复的其他内容不服的，可以在收到本答复书之日起60日内向{review_body}申请行政复议，"
    "或者在收到本答复书之日起6个月内依法向人民法院提起行政诉讼。"
)

# Words that offer a lawsuit without 复议 first (行政诉讼法 第四十六条's six months).
DIRECT_SUIT_WORDS = ("6个月", "六个月", "直接向人民法院", "直接提起行政诉讼")


def review_first(outcome: str | None) -> bool:
    """True for the 不予公开 rows of table 3 (（三）1–8), where 行政复议 comes first."""
    return bool(outcome) and str(outcome).startswith("withheld")


def remedy_for(outcome: str) -> str:
    if review_first(outcome):
        return REVIEW_FIRST
    if outcome == "partial":
        return PARTIAL
    return DIRECT


def remedy_problems(outcome: str | None, remedy: str) -> list[str]:
    """What a remedy clause gets wrong for ``outcome`` (empty when it is right)."""
    problems: list[str] = []
    if "{review_body}" not in remedy:
        problems.append("救济条款应写明行政复议机关：请使用占位符{review_body}")
    if review_first(outcome):
        offered = [w for w in DIRECT_SUIT_WORDS if w in remedy]
        if offered or "行政复议决定" not in remedy:
            problems.append(
                "不予公开的答复必须告知先申请行政复议、对复议决定不服再提起行政诉讼，"
                "不得告知直接起诉（《中华人民共和国行政复议法》第二十三条第一款第四项）"
            )
    return problems
