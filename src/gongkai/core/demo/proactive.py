"""The proactive-disclosure register (目录) of the demo: categories, titles, items on several
channels, some published late (条例第二十六条).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from ..calendar import WorkCalendar
from ..vocabulary import DEFAULT_CATEGORIES, ProactiveChannel, Validity
from . import names
from .agencies import ABBR, WECHAT, person_name
from .model import Agency, AgencyLevel, ProactiveItem
from .workdays import workday_in


def categories_of(agency: Agency) -> tuple[str, ...]:
    extra = names.EXTRA_CATEGORIES.get(agency.key, ())
    if agency.level is AgencyLevel.TOWNSHIP:
        extra = names.TOWNSHIP_CATEGORIES
    return DEFAULT_CATEGORIES + extra


_TITLES: dict[str, tuple[str, ...]] = {
    "政务动态": ("{short}召开{topic}工作推进会", "{short}部署{topic}重点工作"),
    "工作动态": ("{short}开展{topic}专项行动", "{short}{topic}工作取得阶段性成效"),
    "通知公告": ("关于做好{year}年{topic}工作的通知", "关于{topic}有关事项的公告"),
    "人事任免": ("{short}关于{person}等同志职务任免的通知",),
    "招投标": ("{place}{topic}项目招标公告", "{place}{topic}项目中标结果公示"),
    "预决算信息": ("{short}{year}年部门预算", "{short}{prev}年部门决算"),
    "政策文件": ("关于进一步加强{topic}工作的实施意见", "{topic}工作实施方案"),
    "政策解读": ("《关于进一步加强{topic}工作的实施意见》政策解读",),
    "规划计划": ("{short}{year}年{topic}工作计划", "{short}“十五五”{topic}专项规划"),
}


def _title(rng: random.Random, agency: Agency, category: str, year: int) -> str:
    templates = _TITLES.get(category, ("{short}{topic}" + category + "（{year}年第{n}期）",))
    return rng.choice(templates).format(
        short=agency.short_name,
        topic=rng.choice(names.TOPICS),
        year=year,
        prev=year - 1,
        person=person_name(rng),
        place=rng.choice(names.PLACES),
        n=rng.randint(1, 12),
    )


def proactive(
    rng: random.Random, cal: WorkCalendar, agencies: Sequence[Agency], years: Sequence[int]
) -> list[ProactiveItem]:
    """Items of the 目录 on several channels; about one in twelve is published after the
    20 working days of 条例第二十六条."""
    items: list[ProactiveItem] = []
    for agency in agencies:
        categories = categories_of(agency)
        wechat = WECHAT.get(agency.key)
        size = {AgencyLevel.GOVERNMENT: 40, AgencyLevel.DEPARTMENT: 14, AgencyLevel.TOWNSHIP: 9}
        for year in years:
            count = size[agency.level] + rng.randint(0, 6)
            # Every category at least once a year, then the busy ones again.
            chosen = list(categories) + [
                rng.choice(("政务动态", "工作动态", "通知公告", "政务动态", "招投标"))
                for _ in range(max(0, count - len(categories)))
            ]
            formed_days = sorted(
                workday_in(rng, cal, dt.date(year, 1, 1), dt.date(year, 11, 30)) for _ in chosen
            )
            rng.shuffle(chosen)
            for serial, (category, formed) in enumerate(
                zip(chosen, formed_days, strict=True), start=1
            ):
                late = rng.random() < 0.08
                published = cal.add_workdays(
                    formed, rng.randint(21, 30) if late else rng.randint(0, 12)
                )
                channels = [ProactiveChannel.PORTAL]
                if wechat and rng.random() < 0.45:
                    channels.append(ProactiveChannel.NEW_MEDIA)
                if agency.level is AgencyLevel.GOVERNMENT and category == "政策文件":
                    channels.append(ProactiveChannel.GAZETTE)
                if rng.random() < 0.2:
                    channels.append(ProactiveChannel.READING_ROOM)
                doc_number = ""
                if category in ("政策文件", "通知公告", "人事任免"):
                    doc_number = f"{ABBR[agency.key]}〔{year}〕{rng.randint(1, 60)}号"
                title = _title(rng, agency, category, year)
                items.append(
                    ProactiveItem(
                        id=len(items) + 1,
                        agency=agency.key,
                        index_number=f"{agency.code}/{year}-{serial:05d}",
                        title=title,
                        summary=f"{agency.short_name}公开{category}信息：{title}。",
                        doc_number=doc_number,
                        formed=formed,
                        published=published,
                        publisher=agency.name,
                        category=category,
                        validity=(
                            Validity.VALID if rng.random() < 0.93 else Validity.EXPIRED
                        ).label,
                        channels=tuple(channels),
                        new_media_account=wechat
                        if ProactiveChannel.NEW_MEDIA in channels
                        else None,
                    )
                )
    return items
