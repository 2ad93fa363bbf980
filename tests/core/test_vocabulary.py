"""The audit trail stores codes and shows labels: every code has one label of its own."""

from __future__ import annotations

from gongkai.core.vocabulary import AUDIT_ACTION_LABELS, AuditAction


def test_every_action_has_a_label_and_the_labels_are_distinct() -> None:
    assert set(AUDIT_ACTION_LABELS) == set(AuditAction)
    assert len(set(AUDIT_ACTION_LABELS.values())) == len(AuditAction)
