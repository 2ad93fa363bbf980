"""Entry point of the ``gongkai`` console script.

Each sub-command lives in its own module with a ``register(subparsers)`` function that adds its
parser and sets ``handler`` to a function ``(args) -> int`` returning the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Sub-command modules, in the order `gongkai --help` lists them.
COMMAND_MODULES = (
    "gongkai.cli.check",
    "gongkai.cli.clock",
    "gongkai.cli.web",
    "gongkai.cli.report",
    "gongkai.cli.backup",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongkai",
        description="gongkai（公开）：政府信息公开工作的登记、法定期限、年度报告生成与检查。",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="命令")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # not written yet
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
