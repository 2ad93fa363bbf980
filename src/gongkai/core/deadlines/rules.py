"""The periods the 《政府信息公开条例》 and 国办函〔2020〕109号 fix, in working days."""

from __future__ import annotations

from datetime import timedelta

ANSWER_DAYS = 20  # Art. 33 ¶2
EXTENSION_DAYS = 20  # Art. 33 ¶2
CORRECTION_WINDOW = 7  # Art. 30
CONSULTATION_REPLY_DAYS = 15  # Art. 32, Art. 34
FEE_PAYMENT_DAYS = 20  # 国办函〔2020〕109号
PUBLICATION_DAYS = 20  # Art. 26

ONE_DAY = timedelta(days=1)
