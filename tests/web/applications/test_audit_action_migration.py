"""Audit records written before the codes (issue 9) held the Chinese label; the migration
turns them into codes, and back when reversed."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from gongkai.core.vocabulary import AUDIT_ACTION_LABELS, AuditAction

BEFORE = [("applications", "0004_lapses_on")]
AFTER = [("applications", "0005_audit_action_codes")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_stored_labels_become_codes_and_return_when_reversed() -> None:
    apps = migrate(BEFORE)
    AuditRecord = apps.get_model("applications", "AuditRecord")
    labels = ["登记申请", "登记行政复议", "登记行政许可事项", "作废", "别的什么"]
    for label in labels:
        AuditRecord.objects.create(entity="x", entity_id="1", action=label, changes={})

    apps = migrate(AFTER)
    AuditRecord = apps.get_model("applications", "AuditRecord")
    stored = list(AuditRecord.objects.order_by("id").values_list("action", flat=True))
    assert stored == [
        AuditAction.APPLICATION_REGISTER,
        AuditAction.CASE_REGISTER_REVIEW,
        AuditAction.MATTER_RECORD_LICENSING,
        AuditAction.VOID,
        "别的什么",  # text the table does not know stays as it was
    ]

    apps = migrate(BEFORE)
    AuditRecord = apps.get_model("applications", "AuditRecord")
    assert list(AuditRecord.objects.order_by("id").values_list("action", flat=True)) == labels
    apps = migrate()  # and forward to the latest state, where the model lives in common
    assert apps.get_model("common", "AuditRecord").objects.count() == len(labels)


def test_every_action_has_a_label_and_the_labels_are_distinct() -> None:
    assert set(AUDIT_ACTION_LABELS) == set(AuditAction)
    assert len(set(AUDIT_ACTION_LABELS.values())) == len(AuditAction)
