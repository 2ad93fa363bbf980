"""The letter template language: plain text with placeholders, nothing that can run code.

An agency edits its own copy of each letter, so a template is data typed by a clerk, never a
program. The whole language is these constructs:

* ``{name}``               the value of a placeholder (names are ASCII letters, digits and ``_``);
* ``{?name}…{/name}``      the enclosed text only when ``name`` has a non-empty value;
* ``{!name}…{/name}``      the enclosed text only when ``name`` is empty;
* ``{{`` and ``}}``        a literal ``{`` or ``}``.

Blocks nest. :func:`parse` reports every mistake as a :class:`TemplateError` whose message is one
Chinese line naming the line number, so the editing page can show exactly what to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from gongkai.core.errors import GongkaiError

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class TemplateError(GongkaiError):
    """A template that cannot be used as typed; the message says what to fix, in Chinese."""


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Field:
    name: str
    line: int


@dataclass(frozen=True)
class Block:
    """``{?name}…{/name}`` (``when_present``) or ``{!name}…{/name}``."""

    name: str
    when_present: bool
    body: tuple[Node, ...]
    line: int


type Node = Text | Field | Block


@dataclass(frozen=True)
class Template:
    """A parsed template: a sequence of nodes."""

    nodes: tuple[Node, ...]

    def placeholders(self) -> frozenset[str]:
        """Every placeholder name the template uses, in fields and block conditions."""
        return frozenset(name for name, _line, _guarded in _walk(self.nodes, guarded=False))

    def unconditional_placeholders(self) -> frozenset[str]:
        """Names printed outside any block: they must have a value when a letter is made."""
        return frozenset(
            name
            for name, _line, guarded in _walk(self.nodes, guarded=False, fields_only=True)
            if not guarded
        )

    def render(self, values: Mapping[str, str]) -> str:
        """Substitute ``values``; a missing name renders as empty text (compose checks first)."""
        return "".join(_render(self.nodes, values))


def _walk(
    nodes: tuple[Node, ...], *, guarded: bool, fields_only: bool = False
) -> Iterator[tuple[str, int, bool]]:
    for node in nodes:
        if isinstance(node, Field):
            yield node.name, node.line, guarded
        elif isinstance(node, Block):
            if not fields_only:
                yield node.name, node.line, guarded
            # A field inside {?x} is printed only when x has a value; inside {!x} it is still
            # printed, but only when x is empty, so either way it is guarded by a condition.
            yield from _walk(node.body, guarded=True, fields_only=fields_only)


def _render(nodes: tuple[Node, ...], values: Mapping[str, str]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, Text):
            yield node.text
        elif isinstance(node, Field):
            yield values.get(node.name, "")
        else:
            present = bool(values.get(node.name, "").strip())
            if present == node.when_present:
                yield from _render(node.body, values)


def parse(source: str) -> Template:
    """Parse template text; raise :class:`TemplateError` (Chinese, with the line) on a mistake."""
    # Each open block: (name, when_present, line, nodes collected so far).
    stack: list[tuple[str, bool, int, list[Node]]] = [("", True, 0, [])]
    text: list[str] = []
    line = 1
    i = 0
    n = len(source)

    def flush() -> None:
        if text:
            stack[-1][3].append(Text("".join(text)))
            text.clear()

    while i < n:
        ch = source[i]
        if ch == "{" and source.startswith("{{", i):
            text.append("{")
            i += 2
            continue
        if ch == "}" and source.startswith("}}", i):
            text.append("}")
            i += 2
            continue
        if ch == "}":
            raise TemplateError(f"第{line}行有多余的“}}”；如需输出花括号本身，请写成“}}}}”")
        if ch != "{":
            if ch == "\n":
                line += 1
            text.append(ch)
            i += 1
            continue
        end = source.find("}", i + 1)
        newline = source.find("\n", i + 1)
        if end == -1 or (newline != -1 and newline < end):
            raise TemplateError(f"第{line}行的“{{”没有配对的“}}”；占位符应写成 {{名称}}")
        inner = source[i + 1 : end].strip()
        i = end + 1
        flush()
        if inner[:1] in ("?", "!"):
            name = _check_name(inner[1:].strip(), line)
            stack.append((name, inner[0] == "?", line, []))
        elif inner[:1] == "/":
            name = _check_name(inner[1:].strip(), line)
            if len(stack) == 1:
                raise TemplateError(f"第{line}行的“{{/{name}}}”前面没有对应的“{{?{name}}}”")
            open_name, when_present, open_line, body = stack.pop()
            if open_name != name:
                raise TemplateError(
                    f"第{line}行的“{{/{name}}}”与第{open_line}行的“{{?{open_name}}}”不配对，"
                    f"应写成“{{/{open_name}}}”"
                )
            stack[-1][3].append(Block(name, when_present, tuple(body), open_line))
        else:
            stack[-1][3].append(Field(_check_name(inner, line), line))
    flush()
    if len(stack) > 1:
        name, when_present, open_line, _body = stack[-1]
        sign = "?" if when_present else "!"
        raise TemplateError(
            f"第{open_line}行的“{{{sign}{name}}}”没有结束标记，请在条件文字后加上“{{/{name}}}”"
        )
    return Template(tuple(stack[0][3]))


def _check_name(name: str, line: int) -> str:
    if not name:
        raise TemplateError(f"第{line}行有空的占位符“{{}}”，请写明名称，如 {{applicant_name}}")
    if not _NAME.match(name):
        raise TemplateError(
            f"第{line}行的占位符“{{{name}}}”名称无效：只能使用英文字母、数字和下划线"
        )
    return name
