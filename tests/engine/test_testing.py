"""`claimcheck.testing.check_text`: the rule author's helper, also the plugin's fixture."""

from __future__ import annotations

from claimcheck.testing import check_text, rule_ids

SOURCE_RULE = '''
from claimcheck.engine import rule


@rule("HOUSE501", category="fact-conflict")
def no_sources_please(sources, published):
    """Made up for the test: shows what a rule receives."""
    assert len(sources) == 0 and published is None
'''


def test_sources_given_as_text_and_the_date_reach_the_rules(tmp_path):
    rules = tmp_path / "rules.py"
    rules.write_text(SOURCE_RULE, encoding="utf-8")
    (finding,) = check_text(
        "Rebels entered the city.\n",
        published="2024-12-01",
        rules=[rules],
        select=["HOUSE501"],
        sources=["Rebels entered the city on Friday, the monitor said.\n"],
    )
    assert finding.message.startswith("assert (1 == 0")
    assert "len([<document source-1.txt>])" in finding.message


def test_path_picks_the_format_and_no_config_file_is_read(tmp_path, monkeypatch):
    (tmp_path / "claimcheck.toml").write_text('ignore = ["CC001"]\n')
    monkeypatch.chdir(tmp_path)
    text = "Follow our coverage of the war in Syria\nRebels entered the city on Friday.\n"
    assert rule_ids(check_text(text, path="draft.txt", select=["CC001"])) == ["CC001"]
    assert check_text(text, select=["CC001"], config_file=tmp_path / "claimcheck.toml") == []
