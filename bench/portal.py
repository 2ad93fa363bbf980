"""Public 专栏 throughput with 100,000 目录 items and 100,000 online requests (issue 14).

    uv run python bench/portal.py [--items 100000] [--requests 100000] [--pages 300]
    DATABASE_URL=postgres://… uv run python bench/portal.py     # on PostgreSQL

Builds a fresh database (a temporary SQLite file unless ``DATABASE_URL`` is set), bulk-inserts
目录 items with Chinese titles and summaries over a district's agencies, and online requests
(one fifth still 待确认, the rest received with their event), then times full requests through
Django's test client — middleware, CSP, session, selectors, template:

* 目录 search: ``GET /xxgk/<agency>/fdzdgknr/?q=…`` with one- and two-term Chinese queries,
  a filter by 主题分类, by 条例第二十条 category, the government's 目录 over every agency (half
  of them filtered by agency), and a query that finds nothing (logged);
* status look-up: ``POST /xxgk/ysqgk/cx/`` with a 查询码 and the name, then the status page it
  redirects to (each look-up from its own client address, so the rate limit does not interfere).

Prints pages per second for each (``--pages``: the pages timed per measurement).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

from benchkit import arguments, bench_district, django_on_fresh_database

WORDS = [
    "义务教育",
    "招生",
    "划片",
    "方案",
    "老旧小区",
    "改造",
    "资金",
    "安排",
    "道路",
    "拓宽",
    "规划",
    "许可",
    "食品",
    "安全",
    "抽检",
    "结果",
    "医疗",
    "卫生",
    "机构",
    "名单",
    "环境",
    "监测",
    "数据",
    "财政",
    "预算",
    "决算",
    "公示",
    "行政",
    "处罚",
    "决定",
    "社会",
    "救助",
    "标准",
    "公共",
    "资源",
    "交易",
    "项目",
    "采购",
    "合同",
    "建设",
    "用地",
    "审批",
    "人事",
    "任免",
    "通知",
    "政策",
    "解读",
    "应急",
    "预案",
]


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv, items=100_000, requests=100_000, agencies=26, pages=300)

    import logging

    django_on_fresh_database()
    from django.conf import settings
    from django.test import Client

    logging.getLogger("django.request").setLevel(logging.ERROR)  # 400s are expected below

    from gongkai.core import wallclock
    from gongkai.core.article20 import Article20
    from gongkai.web.applications.enums import Status
    from gongkai.web.applications.models import Applicant, Application, ApplicationEvent
    from gongkai.web.portal import codes
    from gongkai.web.portal.models import OnlineRequest
    from gongkai.web.proactive.models import Category, Item
    from gongkai.web.proactive.search import item_search_text

    a20_codes = ["", "", *(c.value for c in Article20)]

    rng = random.Random(0)
    started = time.perf_counter()
    agencies = bench_district(args.agencies)
    categories = {
        a.pk: [
            Category.objects.create(agency=a, name=n, position=j)
            for j, n in enumerate(
                ("政务动态", "政策文件", "规划计划", "财政信息", "人事信息", "其他")
            )
        ]
        for a in agencies
    }
    today = wallclock.today()
    base_day = today - dt.timedelta(days=3 * 365)

    def phrase(n: int) -> str:
        return "".join(rng.choice(WORDS) for _ in range(n))

    batch: list[Item] = []
    for i in range(args.items):
        agency = agencies[i % len(agencies)]
        formed = base_day + dt.timedelta(days=rng.randrange(3 * 365))
        batch.append(
            Item(
                article20=rng.choice(a20_codes),
                agency=agency,
                index_number=f"{agency.code}/{formed.year}-{i:06d}",
                title=f"关于{phrase(3)}的通知",
                summary=phrase(12),
                doc_number=f"{agency.code}发〔{formed.year}〕{i % 300 + 1}号",
                formed_on=formed,
                published_on=formed + dt.timedelta(days=rng.randrange(1, 20)),
                publisher=agency.name,
                category=rng.choice(categories[agency.pk]),
                due_on=formed + dt.timedelta(days=28),
            )
        )
        batch[-1].search_text = item_search_text(batch[-1])  # bulk_create skips save()
        if len(batch) == 5000:
            Item.objects.bulk_create(batch)
            batch = []
    Item.objects.bulk_create(batch)

    known: list[tuple[str, str]] = []  # (查询码, name) of a sample of requests
    now = wallclock.now()
    for chunk_start in range(0, args.requests, 5000):
        n = min(5000, args.requests - chunk_start)
        people = Applicant.objects.bulk_create(
            [
                Applicant(
                    agency=agencies[(chunk_start + k) % len(agencies)],
                    kind="natural",
                    name=f"申请人{chunk_start + k}",
                    id_type="居民身份证",
                    id_number="11010519491231002X",
                    phone=f"139{chunk_start + k:08d}",
                )
                for k in range(n)
            ]
        )
        apps = []
        for k, person in enumerate(people):
            i = chunk_start + k
            pending = i % 5 == 0
            received = today - dt.timedelta(days=rng.randrange(1, 20))
            apps.append(
                Application(
                    agency=person.agency,
                    number="" if pending else f"{person.agency.code}-{received.year}-{i:06d}",
                    year=received.year,
                    seq=0 if pending else i + 1,
                    applicant=person,
                    channel="online",
                    arrived_on=received,
                    confirmed_on=None if pending else received,
                    received_on=received,
                    subject=f"申请公开{phrase(2)}",
                    requested_form="电子数据",
                    delivery="邮寄",
                    status=Status.PENDING.value if pending else Status.IN_PROGRESS.value,
                )
            )
        apps = Application.objects.bulk_create(apps)
        ApplicationEvent.objects.bulk_create(
            [
                ApplicationEvent(application=a, kind="received", day=a.received_on)
                for a in apps
                if a.status != Status.PENDING.value
            ]
        )
        records = []
        for k, a in enumerate(apps):
            code = codes.new_code()
            if k % 50 == 0:
                known.append((code, a.applicant.name))
            records.append(
                OnlineRequest(application=a, code_digest=codes.digest(code), submitted_at=now)
            )
        OnlineRequest.objects.bulk_create(records)
    print(
        f"建库：{args.items} 条目录信息、{args.requests} 件网上申请，"
        f"{time.perf_counter() - started:.1f} 秒（{settings.DATABASES['default']['ENGINE']}）"
    )

    def rate(label: str, run: object) -> None:
        t0 = time.perf_counter()
        for i in range(args.pages):
            run(i)  # type: ignore[operator]
        elapsed = time.perf_counter() - t0
        print(
            f"{label}: {args.pages / elapsed:.1f} 页/秒（{1000 * elapsed / args.pages:.1f} 毫秒/页）"
        )

    client = Client()
    queries = ["招生", "预算 公示", "行政处罚", "规划许可", "食品安全抽检"]

    def search(i: int) -> None:
        agency = agencies[1 + i % (len(agencies) - 1)]
        r = client.get(f"/xxgk/{agency.code}/fdzdgknr/", {"q": queries[i % len(queries)]})
        assert r.status_code == 200

    def browse(i: int) -> None:
        agency = agencies[1 + i % (len(agencies) - 1)]
        cat = categories[agency.pk][i % 6]
        r = client.get(f"/xxgk/{agency.code}/fdzdgknr/", {"category": cat.pk, "page": 1 + i % 5})
        assert r.status_code == 200

    def by_article20(i: int) -> None:
        agency = agencies[1 + i % (len(agencies) - 1)]
        r = client.get(
            f"/xxgk/{agency.code}/fdzdgknr/", {"a20": a20_codes[i % len(a20_codes)] or "a20_01"}
        )
        assert r.status_code == 200

    def government(i: int) -> None:
        params = {"q": queries[i % len(queries)]}
        if i % 2:
            params["agency"] = agencies[1 + i % (len(agencies) - 1)].code
        r = client.get(f"/xxgk/{agencies[0].code}/fdzdgknr/", params)
        assert r.status_code == 200

    def nothing(i: int) -> None:
        r = client.get(f"/xxgk/{agencies[1].code}/fdzdgknr/", {"q": f"不存在的词{i}"})
        assert "共 0 条" in r.content.decode()

    def lookup(i: int) -> None:
        code, name = known[i % len(known)]
        c = Client(REMOTE_ADDR=f"10.{i // 65000}.{i // 250 % 250}.{i % 250 + 1}")
        r = c.post("/xxgk/ysqgk/cx/", {"code": code, "name_or_phone": name})
        assert r.status_code == 302, r.status_code
        page = c.get(r["Location"])
        assert page.status_code == 200 and "申请办理情况" in page.content.decode()

    def wrong(i: int) -> None:
        c = Client(REMOTE_ADDR=f"10.200.{i // 250 % 250}.{i % 250 + 1}")
        r = c.post("/xxgk/ysqgk/cx/", {"code": codes.new_code(), "name_or_phone": "某人"})
        assert r.status_code == 400

    rate("目录检索（关键词）", search)
    rate("目录浏览（主题分类+分页）", browse)
    rate("目录浏览（条例第二十条类别）", by_article20)
    rate("政府目录检索（全区所有机关，半数按机关筛选）", government)
    rate("目录检索（无结果，记录日志）", nothing)
    rate("查询码查询（提交+办理情况页，两个请求）", lookup)
    rate("查询码查询（错误查询码）", wrong)
    return 0


if __name__ == "__main__":
    sys.exit(main())
