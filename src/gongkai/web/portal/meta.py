"""Page metadata of 国办发〔2017〕47号《政府网站发展指引》 (网页设计规范, 网页标签): site tags
(SiteName, SiteDomain, SiteIDCode), column tags (ColumnName, ColumnDescription, ColumnType) and,
on article pages, ArticleTitle, PubDate, ContentSource. Emitted as ``<meta name=… content=…>``.

``GONGKAI_SITE_NAME`` and ``GONGKAI_SITE_ID_CODE`` (the 政府网站标识码) come from the settings;
without them the site name is the government's name and the ID code is left out.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import HttpRequest

from gongkai.web.orgs.models import Agency


def column_meta(
    request: HttpRequest,
    agency: Agency | None,
    column: str,
    column_type: str,
    *,
    title: str = "",
    pub_date: dt.date | dt.datetime | None = None,
    source: str = "",
) -> list[tuple[str, str]]:
    name = agency.name if agency is not None else ""
    government = agency.government if agency is not None and agency.government_id else None
    site = getattr(settings, "GONGKAI_SITE_NAME", "") or (
        (government.name if government is not None else name) + "门户网站"
    )
    tags = [("SiteName", site), ("SiteDomain", request.get_host())]
    id_code = getattr(settings, "GONGKAI_SITE_ID_CODE", "")
    if id_code:
        tags.append(("SiteIDCode", id_code))
    tags += [
        ("ColumnName", column),
        ("ColumnDescription", f"{name}{column}"),
        ("ColumnKeywords", f"政府信息公开,{column}"),
        ("ColumnType", column_type),
    ]
    if title:
        tags.append(("ArticleTitle", title))
        if pub_date is not None:
            shown = (
                f"{pub_date:%Y-%m-%d %H:%M}"
                if isinstance(pub_date, dt.datetime)
                else f"{pub_date:%Y-%m-%d}"
            )
            tags.append(("PubDate", shown))
        tags.append(("ContentSource", source or name))
    return tags
