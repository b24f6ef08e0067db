"""Quote spans: marks, nesting, apostrophes, quotes over paragraphs, unclosed quotes."""

from __future__ import annotations

from claimcheck.attribution import extract_attribution
from claimcheck.attribution.quotes import looks_like_title, scan_quotes
from claimcheck.documents import read_document


def inner(text):
    scan = scan_quotes(text)
    return [q.inner(text) for q in scan.quotes], [(p.kind, p.offset) for p in scan.problems]


def test_straight_curly_and_guillemet_quotes():
    assert inner('"The ceasefire is holding," a monitor said.')[0] == ["The ceasefire is holding,"]
    assert inner("“We will act,” he said.")[0] == ["We will act,"]
    assert inner("«Nous sommes prêts», a-t-il déclaré.")[0] == ["Nous sommes prêts"]
    assert inner("„Wir sind bereit“, sagte er.")[0] == ["Wir sind bereit"]


def test_single_quotes_nest_inside_double_ones():
    text = "\"He told me 'we are leaving tonight' and then hung up,\" the witness said."
    (quote,) = scan_quotes(text).quotes
    assert quote.inner(text) == "He told me 'we are leaving tonight' and then hung up,"
    assert [text[s:e] for s, e in quote.nested] == ["'we are leaving tonight'"]


def test_apostrophes_are_not_quotes():
    text = "“It’s rock 'n' roll, and Jones' car, ’Tis the season,” the singer said."
    (quote,) = scan_quotes(text).quotes
    assert quote.nested == ()
    assert scan_quotes(text).problems == []
    # outside a double quote a single mark is never a quote (British 'scare quotes' included)
    assert inner("The 'uneasy' truce held in Jones' street.") == ([], [])


def test_quote_continued_over_paragraphs_is_one_quote():
    text = (
        "“The situation is fragile,” Fidan told reporters. “We have made our position clear.\n"
        "“Any escalation will be met with a firm response,” he added."
    )
    scan = scan_quotes(text)
    assert scan.problems == []
    first, continued = scan.quotes
    assert len(continued.segments) == 2
    assert continued.inner(text) == (
        "We have made our position clear. Any escalation will be met with a firm response,"
    )


def test_unclosed_quote_is_reported_and_the_rest_recovers():
    text = (
        "Fidan said Ankara would “never allow terrorist activities.\n"
        "The offensive began Wednesday, a monitor said.\n"
        "“We are ready,” the minister said."
    )
    scan = scan_quotes(text)
    assert [(p.kind, p.offset) for p in scan.problems] == [("unclosed", text.index("“never"))]
    assert [q.closed for q in scan.quotes] == [False, True]
    document = read_document("draft.txt", data=text.encode())
    speakers = [(c.value.speaker, c.value.quote) for c in extract_attribution(document)]
    assert ("monitor", None) in speakers
    assert ("minister", "We are ready") in speakers


def test_a_new_opening_before_a_close_ends_the_unclosed_quote():
    text = "He said “we will go and she said “we will stay” on Friday."
    scan = scan_quotes(text)
    assert [(p.kind, p.offset) for p in scan.problems] == [("unclosed", text.index("“we will go"))]
    assert scan.quotes[-1].inner(text) == "we will stay"


def test_stray_closing_mark_is_reported():
    text = "uneasy on Gilmer street”\nPolice are investigating."
    assert inner(text) == ([], [("unopened", text.index("”"))])


def test_quote_holding_several_sentences():
    text = "“Think before you act. Your actions have repercussions,” the clown said."
    document = read_document("draft.txt", data=text.encode())
    (claim,) = extract_attribution(document)
    assert claim.value.quote == "Think before you act. Your actions have repercussions"
    assert claim.value.speaker == "clown"


def test_titles_in_quotes_are_not_quotations():
    assert looks_like_title("Days of Reckoning")
    assert looks_like_title("One Hundred Years of Solitude")
    assert not looks_like_title("the need for de-escalation")
    assert not looks_like_title("Stop.")
