"""A database migrated partway through steps that were later squashed cannot be finished.

The migrations were squashed before the first release (each app's ``0001_squashed_*`` replaces
the development steps). Django treats a database that applied all of an app's old steps as up to
date and a new database as empty; one that applied only some of them it would leave silently
half-built, because the missing steps are no longer on disk. This module finds that case so that
``gongkai serve``/``demo``/``restore`` and ``manage.py migrate`` refuse with what to do.
"""

from __future__ import annotations

from django.core import checks
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader

# The last commit whose tree still holds the replaced migrations: upgrade through it first.
LAST_COMMIT_WITH_THE_STEPS = "9dc2f05"


def unfinished_squashes(connection: BaseDatabaseWrapper) -> list[str]:
    """A Chinese sentence for each squashed migration whose old steps were only partly applied."""
    loader = MigrationLoader(connection)
    problems = []
    for (app, name), migration in sorted(loader.replacements.items()):
        done = [key for key in migration.replaces if key in loader.applied_migrations]
        if done and len(done) < len(migration.replaces):
            missing = [step for _, step in migration.replaces if (app, step) not in done]
            problems.append(
                f"数据库的“{app}”只执行了开发期迁移中的 {len(done)} 步（共 {len(migration.replaces)} 步，"
                f"缺 {'、'.join(missing)}），这些步骤已合并为 {name}，无法接着执行。"
                f"请先用 gongkai 提交 {LAST_COMMIT_WITH_THE_STEPS} 的版本对该数据库执行一次迁移"
                "（gongkai serve 启动即迁移），再升级到本版本。"
            )
    return problems


@checks.register(checks.Tags.database)
def check_squashed_migrations(app_configs: object = None, **kwargs: object) -> list[checks.Error]:
    """``manage.py migrate`` runs the database checks first: refuse there too."""
    databases = kwargs.get("databases") or []
    return [
        checks.Error(message, id="common.E001")
        for alias in databases  # type: ignore[attr-defined]
        for message in unfinished_squashes(connections[alias])
    ]
