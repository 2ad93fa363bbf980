"""Checks of what an applicant hands in beyond presence: lengths, ID and phone numbers
(issue 13, item 6). Kept apart from ``services`` so the register's checks read in one place."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.core.identity import id_card_problem, phone_problem

MAX_NAME = 100  # Applicant.name
MAX_SUBJECT = 5_000  # a description of the information wanted, not a document
MAX_ID_NUMBER = 40
MAX_ADDRESS = 200


def applicant_problems(data: Any, *, today: dt.date) -> dict[str, str]:
    """Field → Chinese reason, for an ``ApplicantData``."""
    errors: dict[str, str] = {}
    if len(data.name) > MAX_NAME:
        errors["applicant_name"] = f"申请人姓名/名称不能超过{MAX_NAME}个字"
    if len(data.id_number) > MAX_ID_NUMBER:
        errors["id_number"] = f"证件号码不能超过{MAX_ID_NUMBER}个字符"
    elif data.id_type == "居民身份证" and data.id_number.strip():
        problem = id_card_problem(data.id_number, today=today)
        if problem:
            errors["id_number"] = problem
    if len(data.address) > MAX_ADDRESS:
        errors["address"] = f"通信地址不能超过{MAX_ADDRESS}个字"
    problem = phone_problem(data.phone)
    if problem:
        errors["phone"] = problem
    return errors


def subject_problem(subject: str) -> str | None:
    if len(subject) > MAX_SUBJECT:
        return f"所需政府信息的描述不能超过{MAX_SUBJECT}个字（现为{len(subject)}个字），请精简"
    return None
