"""The command line: ``claimcheck extract``, ``check``, ``rules`` and ``test-rules``.

Exit codes: 0 no finding at or above the failing severity, 1 findings, 2 a usage or
input error (the other files are still checked).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from claimcheck import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck",
        description="Check the numbers, dates and quotes of news drafts for inconsistencies.",
    )
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("files", nargs="+", metavar="FILE", help="drafts to read ('-' for stdin)")
        sub.add_argument(
            "--published",
            metavar="DATE",
            help="publication date of the drafts (YYYY-MM-DD, or 'today')",
        )
        sub.add_argument("--format", choices=("text", "json"), default="text")
        sub.add_argument("--explain", action="store_true", help="say how each date was resolved")

    extract = commands.add_parser("extract", help="print the claims found in drafts")
    common(extract)

    check = commands.add_parser("check", help="lint drafts against each other and sources")
    common(check)
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


def _read_all(paths: Sequence[str], published: date | None) -> tuple[list, list[str]]:
    """Read every file; a bad one is reported on stderr and skipped, never fatal."""
    from claimcheck.documents import read_document
    from claimcheck.errors import InputError

    documents, errors = [], []
    for path in paths:
        try:
            documents.append(read_document(path, published=published))
        except InputError as error:
            _error(str(error))
            errors.append(str(error))
    return documents, errors


def _published(value: str | None) -> date | None:
    from claimcheck.documents.published import parse_cli_date

    return parse_cli_date(value) if value else None


def _write(text: str, colour: bool = False) -> None:
    if colour:
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(text)
    else:
        sys.stdout.write(text + ("\n" if text else ""))


def run_extract(args: argparse.Namespace) -> int:
    from claimcheck.pipeline import extract_claims
    from claimcheck.reports import json_report, text_report

    documents, errors = _read_all(args.files, _published(args.published))
    results = [(document, extract_claims(document)) for document in documents]
    if args.format == "json":
        _write(json_report.dumps(json_report.claims_payload(results)))
    else:
        _write(text_report.format_claims(results, explain=args.explain))
    return EXIT_ERROR if errors else EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from claimcheck.engine.findings import SEVERITY_RANK
    from claimcheck.pipeline import check_documents
    from claimcheck.reports import json_report, text_report

    session = _session(args)
    rules = session.rules
    documents, errors = _read_all(args.files, _published(args.published))
    sources, source_errors = _read_all([*map(str, session.config.sources), *args.source], None)
    errors += source_errors
    context = session.context(sources)
    context.facts = _facts_base(args.facts, session.config)
    findings = check_documents(documents, rules, context)
    if args.format == "json":
        _write(json_report.dumps(json_report.findings_payload(findings, len(documents), errors)))
    else:
        colour = sys.stdout.isatty()
        by_path = {document.path: document for document in documents}
        _write(
            text_report.format_findings(findings, by_path, len(documents), colour, args.explain),
            colour,
        )
    if errors:
        return EXIT_ERROR
    failing = SEVERITY_RANK[session.config.fail_level or "warning"]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= failing for f in findings) else EXIT_OK


def _facts_base(paths: Sequence[str], config):
    """The facts base of ``--facts`` and the configured files; a bad file is a usage error."""
    from claimcheck.errors import UsageError
    from claimcheck.facts import FactsError, configured_facts_paths, load_facts

    try:
        files = [*configured_facts_paths(config, getattr(config, "folder", None)), *paths]
        return load_facts(files) if files else None
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
    report, passed = run_rule_tests(paths, _session(args))
    _write(report)
    return EXIT_OK if passed else EXIT_FINDINGS


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from claimcheck.errors import UsageError

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
