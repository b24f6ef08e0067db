"""Syndicated copy: one wire story run by two outlets is one source, not two."""

from __future__ import annotations

from pathlib import Path

from claimcheck.documents import read_document
from claimcheck.linking.syndication import find_syndication

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b6bff47565225a41.txt"


def _reprint(text: str) -> str:
    """The same wire story as another outlet runs it: own headline, trimmed, one edit."""
    body = text.split("---\n", 2)[2].splitlines()  # without the front matter
    return "\n".join(["Syria: Blinken and Fidan talk as rebels take Aleppo", *body[1:-3]]) + "\n"


def _other_story() -> str:
    return (
        "Heavy rain flooded parts of Valencia on Tuesday, and the regional government said "
        "more than 200 people had died. Rescue teams searched cars swept into the ravines.\n"
    )


def test_reprint_of_a_wire_story_is_recognised(write):
    seed = SEED.read_text(encoding="utf-8")
    first = read_document(str(write("outlet-a.txt", seed)))
    second = read_document(str(write("outlet-b.txt", _reprint(seed))))
    other = read_document(str(write("floods.txt", _other_story())))
    syndication = find_syndication([first, second, other])
    assert syndication.same_story(first.path, second.path)
    assert not syndication.same_story(first.path, other.path)
    assert syndication.copies_of(second.path) == [first.path]
    assert syndication.independent([second.path, first.path, other.path]) == [
        second.path,
        other.path,
    ]


def test_shared_furniture_of_copies_is_reported_once(cli, write):
    seed = SEED.read_text(encoding="utf-8")
    first = write("outlet-a.txt", seed)
    second = write("outlet-b.txt", _reprint(seed))
    result = cli("check", first, second, "--format", "json")
    furniture = [f for f in result.json()["findings"] if f["rule"] == "CC001"]
    telegram = [f for f in furniture if "join us on" in f["message"]]
    assert len(telegram) == 1
    assert telegram[0]["path"] == str(first)
    assert f"also in {second}:" in telegram[0]["message"]


def test_unrelated_documents_keep_their_own_findings(cli, write):
    seed = SEED.read_text(encoding="utf-8")
    first = write("outlet-a.txt", seed)
    other = write("other.txt", "JOIN US ON TELEGRAM\n" + _other_story())
    result = cli("check", first, other, "--format", "json")
    paths = {f["path"] for f in result.json()["findings"] if "join us on" in f["message"]}
    assert paths == {str(first), str(other)}
