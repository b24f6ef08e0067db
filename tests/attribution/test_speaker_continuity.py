"""Speakers carried from one attribution to the next: the subject of a new sentence wins."""

from __future__ import annotations

from claimcheck.attribution import extract_attribution
from claimcheck.attribution.people import split_mention
from claimcheck.documents import read_document

TEXT = (
    '"The future is ours," rebel leader Abu Mohammed al-Jolani told a crowd at the Umayyad '
    'Mosque. He said the victory was "a new history for the whole region."\n\n'
    'US President Joe Biden called the fall of the government "a fundamental act of justice" '
    'but warned of a "moment of risk and uncertainty."\n'
)


def _speakers() -> dict[str, str]:
    document = read_document("draft.txt", data=TEXT.encode())
    return {claim.text: claim.value.speaker for claim in extract_attribution(document)}


def test_a_kunya_is_part_of_the_name():
    mention = split_mention("rebel leader Abu Mohammed al-Jolani")
    assert (mention.title, mention.name) == ("rebel leader", "Abu Mohammed al-Jolani")
    assert split_mention("French President Charles de Gaulle").name == "Charles de Gaulle"


def test_he_goes_to_the_last_speaker_but_a_new_subject_takes_but_warned():
    speakers = _speakers()
    assert speakers["He said"] == "Abu Mohammed al-Jolani"
    # "Biden called ... but warned": not the rebel leader of the sentence before
    assert speakers["warned"] == "Joe Biden"
