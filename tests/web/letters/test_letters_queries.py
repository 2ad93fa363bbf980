"""The letters pages read a fixed number of rows, however many letters there are (no N+1)."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.web.letters import services
from gongkai.web.letters.snapshots import LetterInput

ANSWER = LetterInput(issued_on=dt.date(2025, 3, 20), decision="现将该信息随本答复书一并提供给您")


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def add_letter(district, application):
    return services.letter_generate(
        acting_user=district.officer_a, application=application, key="answer:granted", data=ANSWER
    )


def test_the_letters_of_an_application_are_listed_in_the_same_number_of_queries(
    client, district, answered
):
    application = answered()
    add_letter(district, application)
    client.force_login(district.officer_a)
    url = reverse("letters:application", kwargs={"pk": application.pk})
    one = queries_for(client, url)
    for _ in range(3):
        add_letter(district, application)
    assert queries_for(client, url) == one


def test_the_recent_letters_on_the_index_cost_no_query_per_letter(client, district, answered):
    add_letter(district, answered())
    client.force_login(district.officer_a)
    url = reverse("letters:index")
    one = queries_for(client, url)
    for _ in range(3):
        add_letter(district, answered())
    assert queries_for(client, url) == one
