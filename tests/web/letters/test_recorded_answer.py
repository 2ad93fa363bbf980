"""The 不予公开（第三方） answer states a third-party consultation only when one is recorded on the
request (条例 第三十二条), and every answer cites the legal basis recorded with the answer."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.deadlines import Consultation
from gongkai.core.letters import cited_basis, consultation_statement
from gongkai.web.letters import services
from gongkai.web.letters.snapshots import LetterInput

D = dt.date
KEY = "answer:withheld.third_party"
DATA = LetterInput(issued_on=D(2025, 12, 1), reasons="该信息含有甲公司的商业秘密")
BASIS = "条例第十五条、第三十六条第三项"


@pytest.fixture
def withheld(steps, register, answer):
    """A request answered 不予公开（第三方）, with or without a consultation recorded first."""

    def make(*, consult: bool, reply: bool = False):
        app = register(arrived_on=D(2025, 9, 26))
        if consult:
            app = steps.consult(app, D(2025, 10, 13), "甲公司", delivered_on=D(2025, 10, 16))
            # A reply within the limit, or the officer recording the party's silence after it
            app = steps.receive_consultation(
                app,
                D(2025, 10, 30) if reply else D(2025, 11, 10),
                "甲公司",
                note="不同意公开" if reply else "逾期未答复",
            )
        return answer(
            app,
            start=not consult,
            day=D(2025, 10, 31) if reply else D(2025, 11, 20) if consult else D(2025, 10, 20),
            outcome="withheld.third_party",
            legal_basis=BASIS,
        )

    return make


def letter_for(district, app, data=DATA):
    return services.letter_generate(
        acting_user=district.officer_a, application=app, key=KEY, data=data
    )


def test_no_consultation_recorded_none_stated(district, withheld):
    app = withheld(consult=False)
    letter = letter_for(district, app)
    assert "征求" not in letter.text
    assert "根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第三项的规定" in letter.text


def test_a_recorded_reply_is_stated_with_its_dates(district, withheld):
    app = withheld(consult=True, reply=True)
    letter = letter_for(district, app)
    assert "本机关于2025年10月13日书面征求了第三方甲公司的意见，甲公司于2025年10月30日答复。" in (
        letter.text
    )


def test_a_silent_party_is_stated_as_silent(district, withheld):
    app = withheld(consult=True)
    letter = letter_for(district, app)
    assert "甲公司在答复期限（2025年11月6日）内未提出意见" in letter.text


def test_the_recorded_basis_wins_over_a_typed_one(district, withheld):
    app = withheld(consult=False)
    typed = LetterInput(
        issued_on=D(2025, 12, 1), reasons="x", legal_basis="《条例》第三十六条第二项"
    )
    letter = letter_for(district, app, typed)
    assert "第三十六条第二项" not in letter.text
    assert "第十五条、第三十六条第三项" in letter.text


def test_the_form_shows_the_recorded_basis_and_does_not_let_it_be_typed(client, district, withheld):
    app = withheld(consult=False)
    client.force_login(district.officer_a)
    page = client.get(reverse("letters:letter_new", args=[app.pk, KEY])).content.decode()
    assert "取自答复登记（或提交签发）的法律依据" in page
    assert "《中华人民共和国政府信息公开条例》第十五条、第三十六条第三项" in page


def test_the_statement_and_the_citation_in_core():
    sent, due = D(2025, 10, 13), D(2025, 11, 6)
    agency = Consultation("agency", "市财政局", sent, due, None)
    assert consultation_statement([agency], issued_on=D(2025, 12, 1)) == ""
    pending = Consultation("third_party", "乙公司", sent, due, None)
    assert consultation_statement([pending], issued_on=D(2025, 11, 1)) == (
        "本机关于2025年10月13日书面征求了第三方乙公司的意见。"
    )
    assert cited_basis("条例第十五条。") == "《中华人民共和国政府信息公开条例》第十五条"
    assert cited_basis("《中华人民共和国保守国家秘密法》第二条") == (
        "《中华人民共和国保守国家秘密法》第二条"
    )
