"""Assertion introspection for rule files: a bare ``assert`` says what the values were.

Rule files with a bare assert are compiled with pytest's own assertion rewriting
(``_pytest.assertion.rewrite.rewrite_asserts``), so ``assert claim.value.low == 40`` fails
with ``assert 38 == 40; where 38 = ...``. The rewritten code calls its helpers through
this module rather than pytest's, for two reasons: a claim, sentence or document shows as
one short line instead of a dataclass dump, and the message is the same inside and outside
a pytest session (pytest's comparison hooks, active only during its test runs, are not
consulted). When the rewriter is unavailable or fails, the file is compiled as written and
a bare ``assert`` reports its source line.
"""

from __future__ import annotations

import ast
import dataclasses
import re
import reprlib
import traceback
from functools import cache
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

_PYTEST_HELPER_MODULE = "_pytest.assertion.rewrite"
_REPR_LIMIT = 120
_SEQUENCE_LIMIT = 12


@cache
def _pytest_rewriter() -> ModuleType | None:
    """pytest's assertion rewriter, imported on first use (it costs ~60 ms); ``None`` when
    pytest is broken or changed, which must not break claimcheck."""
    try:
        import _pytest.assertion.rewrite as rewriter
    except Exception:  # pragma: no cover - exercised only without a working pytest
        return None
    return rewriter


def __getattr__(name: str) -> Any:
    """Every helper the rewritten code calls and this module does not redefine is pytest's."""
    if name.startswith("__"):
        raise AttributeError(name)  # the import machinery's probes ("__path__") load nothing
    rewriter = _pytest_rewriter()
    if rewriter is None:
        raise AttributeError(name)
    return getattr(rewriter, name)


def short_repr(obj: object) -> str:
    """A one-line picture of a value: claimcheck's own types briefly, others truncated."""
    from claimcheck.claims import Claim
    from claimcheck.documents.model import Document, Paragraph, Sentence

    if isinstance(obj, Claim):
        return f"<{obj.kind} claim {obj.text!r} at line {obj.line}>"
    if isinstance(obj, (Sentence, Paragraph)):
        kind = "sentence" if isinstance(obj, Sentence) else "paragraph"
        return f"<{kind} {reprlib.repr(obj.text)}>"
    if isinstance(obj, Document):
        return f"<document {obj.path}>"
    if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields"):
        # a list of claims or sentences shows each one briefly, not as dataclass dumps
        inner = ", ".join(short_repr(item) for item in obj[:_SEQUENCE_LIMIT])
        if len(obj) > _SEQUENCE_LIMIT:
            inner += f", ... ({len(obj)} items)"
        elif isinstance(obj, tuple) and len(obj) == 1:
            inner += ","
        text = f"[{inner}]" if isinstance(obj, list) else f"({inner})"
        return _truncate(text)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        text = repr(obj)
        # a value object (NumericValue, TemporalValue ...) is the path to a compared
        # value, shown in full elsewhere; its name is enough to read the chain
        return text if len(text) <= 60 else f"{type(obj).__name__}(…)"
    try:
        text = repr(obj)
    except Exception as error:  # a broken __repr__ must not hide the assertion
        return f"<{type(obj).__name__} (repr raised {type(error).__name__})>"
    return _truncate(text.replace("\n", "\\n"))


def _truncate(text: str) -> str:
    if len(text) > _REPR_LIMIT:
        half = (_REPR_LIMIT - 3) // 2
        text = f"{text[:half]}...{text[-half:]}"
    return text


def _saferepr(obj: object) -> str:
    if callable(obj) and hasattr(obj, "__name__") and not isinstance(obj, type):
        return obj.__name__
    return short_repr(obj)


def _call_reprcompare(
    ops: tuple[str, ...], results: tuple[bool, ...], expls: tuple[str, ...], each_obj: tuple
) -> str:
    """The explanation of the first comparison of a chain that failed."""
    for result, explanation in zip(results, expls, strict=False):
        try:
            failed = not result
        except Exception:
            failed = True
        if failed:
            return explanation
    return expls[-1]


def _check_if_assertion_pass_impl() -> bool:
    return False  # nothing listens for passing assertions in a rule


def _call_assertion_pass(lineno: int, orig: str, expl: str) -> None:
    return None


def compile_rule_source(source: bytes, path: Path) -> CodeType:
    """Compile a rule file with its asserts rewritten for introspection (when possible)."""
    filename = str(path)
    tree = ast.parse(source, filename=filename)
    # Only a bare assert gains from rewriting: an assert with a message reports the
    # author's words alone, so a file without bare asserts skips pytest (~80 ms).
    rewriter = _pytest_rewriter() if _has_bare_assert(tree) else None
    if rewriter is not None:
        try:
            rewritten = ast.parse(source, filename=filename)
            rewriter.rewrite_asserts(rewritten, source, filename, None)
            _use_this_module_as_helper(rewritten)
            return compile(rewritten, filename, "exec", dont_inherit=True)
        except Exception:  # noqa: BLE001 - an incompatible pytest falls back to plain asserts
            pass
    return compile(tree, filename, "exec", dont_inherit=True)


def _has_bare_assert(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.Assert) and node.msg is None for node in ast.walk(tree))


def _use_this_module_as_helper(tree: ast.Module) -> None:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == _PYTEST_HELPER_MODULE:
                    alias.name = __name__


def assertion_message(error: AssertionError) -> str:
    """One line for a failed assert: the author's message, else the introspected values."""
    text = str(error).strip()
    if text:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        first_assert = next(
            (i for i, line in enumerate(lines) if line.startswith("assert ")), len(lines)
        )
        if first_assert > 0:
            # ``assert x, "message"``: the author's words are the finding, as written
            # (followed by the rewritten values when the file had bare asserts too)
            return " ".join(line.lstrip("~").strip() for line in lines[:first_assert])
        # The values of the compared expressions are the first-level "where" clauses;
        # deeper ones explain how those were computed and only lengthen a linter line.
        raw = [line for line in text.splitlines() if line.strip()]
        clauses = [raw[0].strip()]
        for line in raw[1:]:
            if re.match(r"^\s*\+  (where|and) ", line):
                clauses.append(" ".join(line.split()[1:]))
            elif not line.lstrip().startswith("+"):
                clauses.append(line.strip())
        return "; ".join(clauses)
    frames = traceback.extract_tb(error.__traceback__)
    line = frames[-1].line if frames else ""
    return f"assertion failed: {line}" if line else "assertion failed"
