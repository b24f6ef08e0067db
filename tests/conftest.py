"""Shared fixtures: the seed, the shared evaluation corpora and a CLI runner."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b6bff47565225a41.txt"
SHARED = ROOT.parent / "shared"
SYRIA_EXAMPLE = ROOT / "examples" / "syria-offensive"
BENCH = ROOT / "bench"


@cache
def load_bench_script(name: str) -> ModuleType:
    """A script of ``bench/`` (``eval_numeric`` ...) as a module, as when it runs there:
    with ``bench/`` on the path for the modules it shares (``scoring``)."""
    if str(BENCH) not in sys.path:
        sys.path.append(str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)

    def findings(self, rule: str | None = None) -> list[dict]:
        """The findings of a ``check --format json`` run (of one rule), which ran cleanly."""
        assert self.code in (0, 1), self.err
        return [f for f in self.json()["findings"] if rule is None or f["rule"] == rule]


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def shared_eval() -> Path:
    """The evaluation corpora beside the repository; tests that need them skip without."""
    folder = SHARED / "eval"
    if not folder.is_dir():
        pytest.skip("../shared/eval is not present")
    return folder


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run ``claimcheck`` in-process and return its exit code, stdout and stderr."""

    def run(*args: str) -> CliResult:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def check_syria_example(cli):
    """``claimcheck check`` of the example draft against its wire source, with options."""

    def run(*options: str) -> CliResult:
        wire = SYRIA_EXAMPLE / "sources" / "wire-2024-12-01.md"
        return cli("check", SYRIA_EXAMPLE / "draft.md", "--source", wire, *options)

    return run


@pytest.fixture
def write(tmp_path: Path):
    """Write a file under a temporary folder and return its path."""

    def make(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return make
