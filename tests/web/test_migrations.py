"""Every model change has its migration: a change without one would reach production only as a
failing ``migrate`` on someone's server. And a database built by the migrations that were squashed
before the first release is up to date with the squashed ones (their ``replaces`` lists are
complete)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from gongkai.cli.web import _prepare as prepare_the_data_folder
from gongkai.web.common.squashed import (
    LAST_COMMIT_WITH_THE_STEPS,
    check_squashed_migrations,
    unfinished_squashes,
)


@pytest.mark.django_db
def test_the_migrations_describe_every_model():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:  # --check exits with 1 when a migration is missing
        pytest.fail(f"missing migrations (exit {exc.code}):\n{out.getvalue()}")


@pytest.mark.django_db
def test_a_database_that_applied_the_replaced_migrations_needs_none_of_the_squashed_ones():
    loader = MigrationLoader(connection, replace_migrations=False)
    squashed = {key: m.replaces for key, m in loader.disk_migrations.items() if m.replaces}
    assert squashed, "the squashed migrations of the first release are on disk"
    recorder = MigrationRecorder(connection)
    # Rewrite the record as a database migrated before the squash has it: the old names, each
    # applied, and no record of the squashed migration itself.
    for (app, name), replaced in squashed.items():
        recorder.migration_qs.filter(app=app, name=name).delete()
        for old_app, old_name in replaced:
            recorder.record_applied(old_app, old_name)

    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    assert set(squashed) <= set(executor.loader.applied_migrations)


@pytest.mark.django_db
def test_a_database_stopped_partway_through_the_replaced_migrations_is_refused_with_what_to_do():
    loader = MigrationLoader(connection, replace_migrations=False)
    (app, name), replaced = next(
        (key, m.replaces) for key, m in loader.disk_migrations.items() if len(m.replaces) > 1
    )
    assert unfinished_squashes(connection) == []
    recorder = MigrationRecorder(connection)
    # (Django records the replaced names too when it applies a squashed migration.)
    recorder.migration_qs.filter(app=app, name__in=[name, *(n for _, n in replaced)]).delete()
    recorder.record_applied(*replaced[0])  # only the first of the old steps

    # Django cannot finish the old steps (they are gone) and would leave the app half-built
    # without a word: the check names the app, the missing steps and the way through.
    (problem,) = unfinished_squashes(connection)
    assert f"“{app}”只执行了开发期迁移中的 1 步" in problem
    assert replaced[1][1] in problem and name in problem
    assert LAST_COMMIT_WITH_THE_STEPS in problem
    errors = check_squashed_migrations(databases=["default"])
    assert [e.id for e in errors] == ["common.E001"]
    with pytest.raises(ImproperlyConfigured, match=LAST_COMMIT_WITH_THE_STEPS):
        prepare_the_data_folder()
