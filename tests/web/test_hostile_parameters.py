"""Malformed query parameters (issue 13, item 6): every page a user can open answers junk in any
query parameter with 400, 403, 404 or by ignoring it — never with a server error."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PARAMETERS = (
    "agency",
    "year",
    "kind",
    "pending",
    "page",
    "application",
    "inline",
    "category",
    "channel",
    "late",
    "q",
    "view",
    "table",
    "row",
    "col",
    "status",
    "applicant_kind",
    "received_from",
    "received_to",
    "month",
    "day",
    "next",
)
JUNK = (
    "abc",
    "-1",
    "0",
    "99999999999999999999999999",
    "9223372036854775808",
    "1e9",
    "2025-13-45",
    "99999",
    "\x00",
    "' OR 1=1 --",
    "%",
    "x" * 5000,
    "１２",
)


def _patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        namespace = (
            f"{prefix}{entry.namespace}:"
            if isinstance(entry, URLResolver) and entry.namespace
            else prefix
        )
        if isinstance(entry, URLResolver):
            found.extend(_patterns(entry, namespace))
        elif entry.name:
            found.append((prefix + entry.name, entry))
    return found


def _urls(pk: int) -> list[str]:
    urls = []
    for name, pattern in _patterns(get_resolver()):
        if name == "logout":
            continue
        converters = pattern.pattern.converters
        args = []
        for key in converters:
            kind = type(converters[key]).__name__
            args.append(pk if kind == "IntConverter" else "pdf" if key == "fmt" else "x")
        try:
            urls.append(reverse(name, args=args))
        except Exception:  # a pattern this probe cannot fill in is not a page anyone links to
            continue
    return urls


@pytest.mark.parametrize("who", ["admin", "officer_a"])
def test_no_page_answers_junk_parameters_with_a_server_error(district, register, who):
    application = register()
    client = Client(raise_request_exception=False)
    client.force_login(getattr(district, who))
    failures = []
    for url in _urls(application.pk):
        for value in JUNK:  # every parameter at once: one request per page and kind of junk
            answer = client.get(url, dict.fromkeys(PARAMETERS, value))
            if answer.status_code >= 500:
                failures.append(f"{url} ← {value[:20]!r}: {answer.status_code}")
    assert not failures, "\n".join(failures[:40])


def test_a_nul_character_in_a_parameter_is_refused_with_a_chinese_message(district):
    """PostgreSQL cannot compare text with a NUL in it: the search of the 目录, of the cases and of
    the public 专栏 answered 500 before (found by the run on PostgreSQL)."""
    client = Client(raise_request_exception=False)
    client.force_login(district.officer_a)
    for url in (reverse("proactive:index"), reverse("litigation:index"), reverse("portal:apply")):
        answer = client.get(url, {"q": "招生\x00"})
        assert answer.status_code == 400, url
        assert "无效的空字符" in answer.text
    assert client.get(reverse("proactive:index"), {"q": "招生"}).status_code == 200
