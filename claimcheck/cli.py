"""The command line: ``claimcheck extract``, ``check``, ``rules`` and ``test-rules``.

Exit codes: 0 no finding at or above the failing severity, 1 findings, 2 a usage or
input error (the other files are still checked).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from pathlib import Path

from claimcheck import __version__
from claimcheck.errors import UsageError
from claimcheck.reports import CLAIM_FORMATS, FINDING_FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    from claimcheck.guard import DEFAULT_TIMEOUT_SECONDS, parse_timeout

    parser = argparse.ArgumentParser(
        prog="claimcheck",
        description="Check the numbers, dates and quotes of news drafts for inconsistencies.",
    )
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser, formats: Sequence[str]) -> None:
        sub.add_argument(
            "files", nargs="+", metavar="PATH", help="drafts, folders or globs ('-' for stdin)"
        )
        sub.add_argument(
            "--published",
            metavar="DATE",
            help="publication date of the drafts (YYYY-MM-DD, or 'today')",
        )
        sub.add_argument("--format", choices=formats, default="text")
        sub.add_argument("--explain", action="store_true", help="say how each date was resolved")
        sub.add_argument(
            "--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout"
        )
        sub.add_argument(
            "--exclude",
            action="append",
            default=[],
            metavar="PATTERN",
            help="skip paths matching a .gitignore-style pattern (repeatable)",
        )
        sub.add_argument(
            "--jobs",
            "-j",
            type=int,
            default=1,
            metavar="N",
            help="check files on N processes (0: one per core); the output is the same",
        )
        sub.add_argument(
            "--timeout",
            type=parse_timeout,
            default=DEFAULT_TIMEOUT_SECONDS,
            metavar="SECONDS",
            help=f"give up on a draft after SECONDS (default {DEFAULT_TIMEOUT_SECONDS:g}; 0: none)",
        )

    extract = commands.add_parser("extract", help="print the claims found in drafts")
    common(extract, CLAIM_FORMATS)
    _config_options(extract)  # for the configured excludes, as check uses them

    check = commands.add_parser("check", help="lint drafts against each other and sources")
    common(check, FINDING_FORMATS)
    check.add_argument(
        "--statistics", action="store_true", help="count findings per rule instead of listing them"
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    changes = check.add_mutually_exclusive_group()
    changes.add_argument(
        "--changed-since",
        metavar="REF",
        help="report only findings on lines changed since git REF (its merge base with HEAD)",
    )
    changes.add_argument(
        "--diff",
        action="store_true",
        help="report only findings on lines not committed yet (--changed-since HEAD)",
    )
    check.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="FILE",
        help="a reference document (wire copy, release, earlier report)",
    )
    check.add_argument(
        "--facts",
        action="append",
        default=[],
        metavar="FILE",
        help="a facts file (YAML, docs/facts.md) to check titles, dates and figures against",
    )
    check.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PATH",
        help="a rule file or folder to add to the built-in rules",
    )
    check.add_argument(
        "--fail-level",
        choices=("error", "warning", "info"),
        default=None,
        help="lowest severity that makes the exit code 1 (default: the config's, else warning)",
    )
    _config_options(check, selection=True)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--rules", action="append", default=[], metavar="PATH")
    rules.add_argument("--explain", metavar="ID", help="print the full documentation of a rule")
    _config_options(rules)

    test_rules = commands.add_parser(
        "test-rules", help="check annotated fixture drafts (<!-- expect: ID -->) against the rules"
    )
    test_rules.add_argument(
        "paths", nargs="+", metavar="PATH", help="fixture drafts, or folders of rules and drafts"
    )
    test_rules.add_argument("--rules", action="append", default=[], metavar="PATH")
    _config_options(test_rules)

    facts = commands.add_parser("facts", help="work with facts files (docs/facts.md)")
    facts_commands = facts.add_subparsers(dest="facts_command", required=True, metavar="ACTION")
    facts_check = facts_commands.add_parser(
        "check", help="validate facts files: one 'path:line: problem' line each, exit 2"
    )
    facts_check.add_argument("files", nargs="+", metavar="FILE", help="facts files (YAML)")
    return parser


def _config_options(sub: argparse.ArgumentParser, selection: bool = False) -> None:
    """--config (and for check, --select/--ignore): see claimcheck/config.py."""
    sub.add_argument(
        "--config",
        metavar="FILE",
        help="a claimcheck.toml or pyproject.toml (default: found from here upwards)",
    )
    sub.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    if selection:
        sub.add_argument(
            "--select", action="append", metavar="ID", help="run only these ids/prefixes/categories"
        )
        sub.add_argument(
            "--ignore", action="append", metavar="ID", help="leave out ids/prefixes/categories"
        )


def _session(args: argparse.Namespace):
    from claimcheck.engine.session import start_session

    return start_session(
        config_file=args.config,
        rule_paths=args.rules,
        select=getattr(args, "select", None),
        ignore=getattr(args, "ignore", None),
        fail_level=getattr(args, "fail_level", None),
        use_config=not args.isolated,
    )


def _error(message: str) -> None:
    print(f"claimcheck: {message}", file=sys.stderr)


def _read_all(
    paths: Sequence[str], published: date | None, timeout: float | None = None
) -> tuple[list, list[str]]:
    """Read every file; a bad one is reported on stderr and skipped, never fatal."""
    from claimcheck.documents import read_document
    from claimcheck.guard import guarded

    documents, errors = [], []
    for path in paths:
        document, error = guarded(
            path, timeout, lambda path=path: read_document(path, published=published)
        )
        if error is not None:
            _error(error)
            errors.append(error)
        else:
            documents.append(document)
    return documents, errors


def _published(value: str | None) -> date | None:
    from claimcheck.documents.published import parse_cli_date

    return parse_cli_date(value) if value else None


def _files(args: argparse.Namespace, config=None) -> list[str]:
    """The files named, found in folders or matched by globs, less the excluded ones
    (``--exclude``, and the configuration's ``exclude`` relative to its own folder)."""
    from claimcheck.paths import ExcludePatterns, expand_paths

    configured = None
    if config is not None and config.exclude:
        configured = ExcludePatterns(tuple(config.exclude), config.folder)
    files = expand_paths(args.files, exclude=args.exclude, configured=configured)
    if not files:
        raise UsageError("no files to check: every path given is excluded or holds no drafts")
    return files


def _read_each(
    paths: Sequence[str],
    published: date | None,
    jobs: int,
    work: Callable | None = None,
    timeout: float | None = None,
) -> tuple[list, list[str]]:
    """Read each file (and run ``work(document)`` on it) on ``jobs`` processes, in order.

    Returns (document, result) pairs and the input errors; a bad file is reported on stderr
    and skipped, exactly as in a serial run.
    """
    from claimcheck.documents import read_document
    from claimcheck.documents.loading import read_bytes
    from claimcheck.errors import InputError
    from claimcheck.guard import guarded
    from claimcheck.parallel import map_in_order, wants_progress

    # Standard input is read here, once: a forked worker process gets an empty one.
    stdin: bytes | InputError | None = None
    if "-" in paths:
        try:
            stdin = read_bytes("-")
        except InputError as error:
            stdin = error

    def read_and_work(path: str) -> tuple:
        def read_then_work() -> tuple:
            if path == "-" and isinstance(stdin, InputError):
                raise stdin
            data = stdin if path == "-" else None
            document = read_document(path, published=published, data=data)
            return document, work(document) if work else None

        # the time limit and crash guard run in the worker, where the work is done
        done, error = guarded(path, timeout, read_then_work)
        return (None, None, error) if error is not None else (*done, None)

    outcomes = map_in_order(
        read_and_work, list(paths), jobs, progress=wants_progress(len(paths)), description="reading"
    )
    done, errors = [], []
    for document, result, error in outcomes:
        if error is not None:
            _error(error)
            errors.append(error)
        else:
            done.append((document, result))
    return done, errors


def _write(text: str, colour: bool = False, output: str | None = None) -> None:
    if output:
        from claimcheck.reports.output import write_atomically

        try:
            write_atomically(output, text + ("\n" if text else ""))
        except OSError as error:  # a full disk or a read-only folder: one line, exit 2
            raise UsageError(f"--output {output}: cannot be written: {error.strerror}") from None
        return
    if colour:
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(text)
    else:
        sys.stdout.write(text + ("\n" if text else ""))


def _refuse_output_over_input(output: str | None, inputs: Sequence[str]) -> None:
    """``--output`` must not name a file the run reads: the report would replace a draft."""
    if not output or not Path(output).is_file():
        return
    for path in inputs:
        if path != "-" and Path(path).is_file() and Path(path).samefile(output):
            raise UsageError(f"--output {output}: is a file this run reads; choose another name")


def run_extract(args: argparse.Namespace) -> int:
    from claimcheck.config import Config, load_config
    from claimcheck.parallel import available_jobs
    from claimcheck.pipeline import extract_claims
    from claimcheck.reports import render_claims

    jobs = available_jobs(args.jobs)
    config = Config() if args.isolated else load_config(args.config and Path(args.config))
    files = _files(args, config)
    _refuse_output_over_input(args.output, files)
    results, errors = _read_each(
        files, _published(args.published), jobs, extract_claims, timeout=args.timeout
    )
    _write(render_claims(args.format, results, explain=args.explain), output=args.output)
    return EXIT_ERROR if errors else EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from claimcheck.engine.findings import SEVERITY_RANK
    from claimcheck.parallel import available_jobs, wants_progress
    from claimcheck.pipeline import check_documents
    from claimcheck.reports import CheckRun, render_findings

    session = _session(args)
    rules = session.rules
    jobs = available_jobs(args.jobs)
    files = _files(args, session.config)
    _refuse_output_over_input(
        args.output,
        [*files, *map(str, session.config.sources), *args.source, *args.facts, *args.rules],
    )
    changed = None
    if args.changed_since or args.diff:
        from claimcheck.changes import changed_lines

        changed = changed_lines(args.changed_since or "HEAD")
    read, errors = _read_each(files, _published(args.published), jobs, timeout=args.timeout)
    documents = [document for document, _ in read]
    sources, source_errors = _read_all(
        [*map(str, session.config.sources), *args.source], None, args.timeout
    )
    errors += source_errors
    context = session.context(sources)
    context.facts = _facts_base(args.facts, session.config)
    context.time_limit = args.timeout
    findings = check_documents(
        documents, rules, context, jobs=jobs, progress=wants_progress(len(documents))
    )
    for failure in context.failures:  # documents that ran out of time or hit a bug
        _error(failure)
        errors.append(failure)
    if changed is not None:
        findings = changed.filter(findings)
    run = CheckRun(findings, documents, rules, errors)
    colour = args.format == "text" and not args.output and sys.stdout.isatty()
    report = render_findings(
        args.format, run, colour=colour, explain=args.explain, statistics=args.statistics
    )
    _write(report, colour, args.output)
    if errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    failing = SEVERITY_RANK[session.config.fail_level or "warning"]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= failing for f in findings) else EXIT_OK


def _facts_base(paths: Sequence[str], config):
    """The facts base of ``--facts`` and the configured files; a bad file is a usage error."""
    from claimcheck.config import configured_facts_paths
    from claimcheck.errors import UsageError

    files = [*configured_facts_paths(config, getattr(config, "folder", None)), *paths]
    if not files:
        return None  # claimcheck.facts is not even imported
    from claimcheck.facts import FactsError, load_facts

    try:
        return load_facts(files)
    except FactsError as error:
        raise UsageError(f"facts files have problems:\n{error}") from None


def run_facts(args: argparse.Namespace) -> int:
    from claimcheck.facts import check_facts

    base, problems = check_facts(args.files)
    for found in problems:
        _write(str(found))
    if problems:
        return EXIT_ERROR
    counts = [(len(args.files), "facts file"), (len(base.terms), "office term")]
    counts += [(len(base.events), "event"), (len(base.figures), "reference figure")]
    _write(", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts) + ": no problems")
    return EXIT_OK


def run_rules(args: argparse.Namespace) -> int:
    from claimcheck.engine.registry import explain_rule

    session = _session(args)
    rules = session.rules
    if args.explain:
        found = session.rule(args.explain)
        if found is not None:
            _write(explain_rule(found))
            return EXIT_OK
        _error(f"no rule with id {args.explain!r}")
        return EXIT_ERROR
    for rule in rules:
        _write(f"{rule.id}  {rule.category:<20} {rule.severity:<8} {rule.summary}")
    return EXIT_OK


def run_test_rules(args: argparse.Namespace) -> int:
    from claimcheck.engine.expectations import rule_folders, run_rule_tests

    paths = [Path(p) for p in args.paths]
    # a folder holding rule files is tested with its own rules
    args.rules = [*args.rules, *rule_folders(paths)]
    base_rules = list(args.rules)

    @cache
    def session_with(folder: Path):
        args.rules = [*base_rules, folder]  # the folder's claimcheck_conftest.py fixtures
        return _session(args)

    report, passed = run_rule_tests(paths, _session(args), session_with)
    _write(report)
    return EXIT_OK if passed else EXIT_FINDINGS


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_ERROR if exit_.code not in (0, None) else EXIT_OK
    handlers = {
        "extract": run_extract,
        "check": run_check,
        "rules": run_rules,
        "test-rules": run_test_rules,
        "facts": run_facts,
    }
    try:
        return handlers[args.command](args)
    except (UsageError, ValueError) as error:
        _error(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
