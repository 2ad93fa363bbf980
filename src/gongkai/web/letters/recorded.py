"""What an answer letter takes from the register rather than from the generation form: the legal
basis recorded with the answer (条例 第三十六条; the letter cites it, not a fixed text) and the
third-party consultation of 第三十二条, stated only when one is recorded."""

from __future__ import annotations

import dataclasses
from typing import Any

from gongkai.core import letters as core
from gongkai.web.applications.clock import deadline_for
from gongkai.web.applications.models import Application
from gongkai.web.applications.services import pending_signoff
from gongkai.web.common.errors import ApplicationError

RECORDED_BASIS_HELP = (
    "取自答复登记（或提交签发）的法律依据；如需更正，请在申请中更正办理结果或退回修改"
)


def recorded_basis(application: Application, kind: core.LetterKind) -> str:
    """The answer's recorded legal basis as the letter cites it: the answer's, or while an
    answer waits for 签发 the submitted one (so the 审核人 previews the letter to be issued);
    "" otherwise."""
    if kind is not core.LetterKind.ANSWER:
        return ""
    if application.outcome:
        return core.cited_basis(application.legal_basis)
    signoff = pending_signoff(application)
    return core.cited_basis(signoff.legal_basis) if signoff is not None else ""


def recorded_consultation(application: Application, data: Any) -> str:
    """The consultation sentence for an answer issued on ``data.issued_on`` ("" when no
    third party was consulted)."""
    try:
        consultations = deadline_for(application).consultations
    except ApplicationError:
        return ""
    return core.consultation_statement(consultations, issued_on=data.issued_on)


def with_recorded_answer(application: Application, kind: core.LetterKind, data: Any) -> Any:
    """``data`` (a LetterInput) with what the register says in place of what was typed."""
    if kind is not core.LetterKind.ANSWER:
        return data
    values: dict[str, str] = {"consultation": recorded_consultation(application, data)}
    if basis := recorded_basis(application, kind):
        values["legal_basis"] = basis
    return dataclasses.replace(data, **values)
