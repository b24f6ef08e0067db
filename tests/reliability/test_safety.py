"""Safety: claimcheck changes no file it reads, runs no code from beside the drafts, parses
configuration and facts with safe loaders, and opens no network connection."""

from __future__ import annotations

import ast
import os
import textwrap
from pathlib import Path

import pytest

from tests.reliability.harness import (
    EXAMPLE,
    ROOT,
    SEED,
    assert_clean,
    run_in_process,
    run_subprocess,
)

MARKER_CODE = """
import pathlib
pathlib.Path({marker!r}).write_text("executed: " + __file__)
"""


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under ``folder``: its bytes, modification time and permission bits."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            status = path.stat()
            found[str(path.relative_to(folder))] = (
                path.read_bytes(),
                status.st_mtime_ns,
                status.st_mode,
            )
    return found


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A folder of drafts in every format, a source and a house rule in its own folder."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "draft.md").write_bytes((EXAMPLE / "draft.md").read_bytes())
    (drafts / "seed.txt").write_bytes(SEED.read_bytes())
    (drafts / "crlf.md").write_bytes((EXAMPLE / "draft.md").read_bytes().replace(b"\n", b"\r\n"))
    (drafts / "page.html").write_text(
        "<html><head><meta property='article:published_time' content='2024-12-01'></head>"
        "<body><p>Matthew Miller said on Sunday that 400 people had been killed.</p></body>",
        encoding="utf-8",
    )
    (drafts / "broken.txt").write_bytes(b"Miller said \xff on Sunday.\n")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "wire.md").write_bytes((EXAMPLE / "sources" / "wire-2024-12-01.md").read_bytes())
    rules = tmp_path / "house_rules"
    rules.mkdir()
    (rules / "figures.py").write_text(
        textwrap.dedent(
            """
            from claimcheck.engine import rule

            @rule("NEWS001", category="unattributed-claim", each="claim in numeric_claims")
            def figure_is_sourced(claim, attribution_claims):
                \"\"\"A figure needs a source in its sentence.\"\"\"
                assert any(a.sentence == claim.sentence for a in attribution_claims), "no source"
            """
        ),
        encoding="utf-8",
    )
    return tmp_path


def test_checked_files_and_sources_are_left_exactly_as_they_were(newsroom, monkeypatch):
    monkeypatch.chdir(newsroom)
    drafts, sources = newsroom / "drafts", newsroom / "sources"
    before = {"drafts": _snapshot(drafts), "sources": _snapshot(sources)}
    runs = [
        run_in_process("extract", drafts, "--format", "json"),
        run_in_process("check", drafts, "--source", sources / "wire.md", "--format", "json"),
        run_in_process(
            "check",
            *sorted(drafts.iterdir()),
            "--source",
            sources / "wire.md",
            "--rules",
            newsroom / "house_rules",
            "--jobs",
            "2",
            "--explain",
        ),
    ]
    for run in runs:
        assert_clean(run, [drafts / "broken.txt"])
        assert run.code == 2  # broken.txt is refused, the others are checked
    assert _snapshot(drafts) == before["drafts"]  # same bytes, times and modes; no new file
    assert _snapshot(sources) == before["sources"]


def test_report_is_never_written_over_a_file_being_checked(newsroom, monkeypatch):
    monkeypatch.chdir(newsroom)
    draft = newsroom / "drafts" / "draft.md"
    source = newsroom / "sources" / "wire.md"
    before = _snapshot(newsroom / "drafts"), _snapshot(newsroom / "sources")
    for target in (draft, source):
        run = run_in_process("check", draft, "--source", source, "--output", target)
        assert_clean(run)
        assert run.code == 2
        assert "--output" in run.err
    assert (_snapshot(newsroom / "drafts"), _snapshot(newsroom / "sources")) == before


def test_report_file_is_replaced_whole_or_not_at_all(newsroom, monkeypatch):
    """The output file is written beside its target and renamed over it: a failure while
    writing leaves the previous report as it was and no temporary file behind."""
    monkeypatch.chdir(newsroom)
    report = newsroom / "report.json"
    report.write_text('{"previous": "report"}\n', encoding="utf-8")
    draft = newsroom / "drafts" / "draft.md"

    def failing_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    run = run_in_process("check", draft, "--format", "json", "--output", report)
    assert run.code != 0
    assert report.read_text(encoding="utf-8") == '{"previous": "report"}\n'
    assert sorted(p.name for p in newsroom.iterdir()) == [
        "drafts",
        "house_rules",
        "report.json",
        "sources",
    ]
    monkeypatch.undo()
    monkeypatch.chdir(newsroom)
    run = run_in_process("check", draft, "--format", "json", "--output", report)
    assert run.code in (0, 1)
    assert report.read_text(encoding="utf-8").startswith('{\n  "findings"')


CODE_BESIDE_DRAFTS = (
    "conftest.py",
    "claimcheck_conftest.py",
    "rules.py",
    "house_rules.py",
    "__init__.py",
    "sitecustomize.py",
)


def test_code_beside_the_drafts_is_never_run(newsroom, monkeypatch):
    """Rule files and fixtures come only from --rules and the configuration: Python files
    that sit among the drafts (or a draft named .py) are never imported."""
    drafts = newsroom / "drafts"
    markers = []
    for name in CODE_BESIDE_DRAFTS:
        marker = newsroom / f"ran-{name}.txt"
        markers.append(marker)
        (drafts / name).write_text(MARKER_CODE.format(marker=str(marker)), encoding="utf-8")
    evil_draft = drafts / "story.py"
    marker = newsroom / "ran-story.txt"
    markers.append(marker)
    evil_draft.write_text(
        MARKER_CODE.format(marker=str(marker)) + "# Miller said on Sunday.\n", encoding="utf-8"
    )
    monkeypatch.chdir(newsroom)
    runs = [
        run_in_process("check", drafts / "draft.md", "--format", "json"),
        run_in_process("check", drafts, "--format", "json"),
        run_in_process("extract", evil_draft, "--format", "json"),
        run_in_process("check", evil_draft, "--rules", newsroom / "house_rules"),
        run_in_process("rules"),
    ]
    for run in runs:
        assert_clean(run)
    assert not [m.name for m in markers if m.exists()]


def test_facts_and_front_matter_with_python_tags_run_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "pwned"
    tag = f"!!python/object/apply:os.system ['touch {marker}']"
    facts = tmp_path / "facts.yaml"
    facts.write_text(f"offices:\n  - office: {tag}\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(f"---\npublished: {tag}\n---\nMiller said.\n", encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text("---\npublished: 2024-12-01\n---\nMiller said on Sunday.\n", encoding="utf-8")
    for run in (run_in_process("check", good, "--facts", facts), run_in_process("check", draft)):
        assert_clean(run)
        assert run.code == 2
    validation = run_in_process("facts", "check", facts)  # its report is the problem list
    assert validation.code == 2
    assert f"{facts}:2:" in validation.out and "Traceback" not in validation.err
    assert not marker.exists()


UNSAFE_NAMES = {
    "unsafe_load",
    "unsafe_load_all",
    "full_load",
    "full_load_all",
    "FullLoader",
    "UnsafeLoader",
    "Loader",
    "CLoader",
    "CFullLoader",
    "CUnsafeLoader",
}


# Modules that execute the user's own rule files and claimcheck_conftest.py, named with
# --rules or in the configuration (test_code_beside_the_drafts_is_never_run shows that
# nothing else reaches them).
RULE_FILE_LOADERS = {"claimcheck/engine/registry.py", "claimcheck/engine/fixtures.py"}


def _python_files() -> list[Path]:
    return sorted([*(ROOT / "claimcheck").rglob("*.py"), *(ROOT / "rules").rglob("*.py")])


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_parsers_are_the_safe_ones(path):
    """YAML only through the safe loader (or composer), no pickle, no eval: a facts file,
    a configuration file or a draft's front matter can never construct Python objects."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "yaml":
                assert node.attr not in UNSAFE_NAMES, f"{path}:{node.lineno}: yaml.{node.attr}"
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = {alias.name for alias in node.names}
            module = getattr(node, "module", None) or ""
            assert not ({"pickle", "marshal", "shelve"} & (names | {module})), (
                f"{path}:{node.lineno}: unpickling is never safe on input"
            )
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if path.relative_to(ROOT).as_posix() not in RULE_FILE_LOADERS:
                assert node.func.id not in ("eval", "exec"), f"{path}:{node.lineno}: {node.func.id}"
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "yaml"
            and node.func.attr in ("load", "load_all", "compose", "compose_all")
        ):
            loaders = [k.value for k in node.keywords if k.arg == "Loader"]
            assert loaders, f"{path}:{node.lineno}: yaml.{node.func.attr} without a Loader"
            loader = ast.unparse(loaders[0])
            assert "Safe" in loader or _subclasses_safe_loader(tree, loader), (
                f"{path}:{node.lineno}: yaml.{node.func.attr} with {loader}"
            )


def _subclasses_safe_loader(tree: ast.Module, name: str) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == name:
            return any("SafeLoader" in ast.unparse(base) for base in node.bases)
    return False


SOCKET_GUARD = '''
"""Loaded first by the interpreter: every network call is recorded and refused."""
import os
import pathlib
import socket

LOG = pathlib.Path(os.environ["CLAIMCHECK_NETWORK_LOG"])
pathlib.Path(os.environ["CLAIMCHECK_GUARD_LOADED"]).write_text("loaded")


def _refuse(what):
    def refuse(*args, **kwargs):
        with LOG.open("a") as log:
            log.write(f"{what} {args!r}\\n")
        raise OSError(f"network disabled by the test: {what}")

    return refuse


socket.socket.connect = _refuse("connect")
socket.socket.connect_ex = _refuse("connect_ex")
socket.socket.sendto = _refuse("sendto")
socket.create_connection = _refuse("create_connection")
socket.getaddrinfo = _refuse("getaddrinfo")
socket.gethostbyname = _refuse("gethostbyname")
'''


def test_no_network_connection_is_made(tmp_path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SOCKET_GUARD, encoding="utf-8")
    log, loaded = tmp_path / "network.log", tmp_path / "guard-loaded"
    environment = {
        "PYTHONPATH": os.pathsep.join(filter(None, [str(guard), os.environ.get("PYTHONPATH")])),
        "CLAIMCHECK_NETWORK_LOG": str(log),
        "CLAIMCHECK_GUARD_LOADED": str(loaded),
    }
    wire = EXAMPLE / "sources" / "wire-2024-12-01.md"
    seed = run_subprocess("check", SEED, "--format", "json", env=environment)
    assert loaded.exists(), "the socket guard was not loaded: the test proves nothing"
    assert_clean(seed)
    assert seed.code == 1
    assert "CC001" in seed.out  # the seed's page furniture is still found offline
    example = run_subprocess(
        "check",
        EXAMPLE / "draft.md",
        "--source",
        wire,
        "--published",
        "2024-12-03",
        "--format",
        "sarif",
        env=environment,
    )
    assert_clean(example)
    assert not log.exists(), log.read_text() if log.exists() else ""
