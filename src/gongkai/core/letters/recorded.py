"""What an answer letter states from the register rather than from typing: the consultation of
条例 第三十二条 (only when one is recorded) and the legal basis recorded with the answer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from gongkai.core.deadlines import Consultation
from gongkai.core.letters.model import date_text

LAW = "《中华人民共和国政府信息公开条例》"


def consultation_statement(consultations: Iterable[Consultation], *, issued_on: date) -> str:
    """The sentence an answer states about the third parties consulted (第三十二条): who was
    asked in writing and when, and whether they replied or let the 15 working days pass. Empty
    when the register records no third-party consultation — a letter never claims one."""
    sentences = []
    for c in consultations:
        if c.kind != "third_party":
            continue
        said = f"本机关于{date_text(c.sent)}书面征求了第三方{c.name}的意见"
        if c.answered is not None and c.answered <= min(c.reply_due, issued_on):
            said += f"，{c.name}于{date_text(c.answered)}答复"
        elif c.reply_due < issued_on:  # silent, or a reply after the limit (第三十二条)
            said += f"，{c.name}在答复期限（{date_text(c.reply_due)}）内未提出意见"
        sentences.append(said + "。")
    return "".join(sentences)


def cited_basis(recorded: str) -> str:
    """The legal basis recorded with the answer, as a letter cites it: the 条例 named in full
    where the record abbreviates it (“条例第十五条” → “《中华人民共和国政府信息公开条例》第十五条”)."""
    text = recorded.strip().rstrip("。；;")
    if text.startswith("条例"):
        return LAW + text.removeprefix("条例")
    if text.startswith("《条例》"):
        return LAW + text.removeprefix("《条例》")
    return text
