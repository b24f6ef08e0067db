"""Rules about who said what: quotes against their sources, names and titles, attribution."""

from claimcheck.attribution import analyse_attribution
from claimcheck.attribution.compare import best_match, compare_quote
from claimcheck.attribution.people import same_speaker
from claimcheck.engine import problem, rule
from claimcheck.engine.findings import Evidence

# Casualty and other counted-harm predicates that need a source (``[unattributed-claim]``
# ``predicates`` in the configuration replaces them; ``all-figures = true`` checks every one).
CASUALTY_PREDICATES = ("killed", "wounded", "displaced", "missing", "arrested", "abducted")


def _source_quotes(source_claims):
    """(source claim, quoted words) of every quote in the sources, with its speaker."""
    return [
        (other, words)
        for other in source_claims
        if other.kind == "attribution"
        for words in other.value.quotes
    ]


def _said_by(claim, source_quotes):
    """The source quotes whose speaker is the claim's speaker."""
    speaker = claim.value.speaker
    same = {}  # source speaker -> whether it is this one: sources quote few people, often
    for other, _ in source_quotes:
        if other.value.speaker not in same:
            same[other.value.speaker] = same_speaker(speaker, other.value.speaker)
    return [q for q in source_quotes if same[q[0].value.speaker]]


def _match_evidence(match, sources):
    """Evidence for a matched source quote: the line of the source where the quote stands."""
    other = match.claim
    quotes = other.value.quotes
    span_index = quotes.index(match.words) if match.words in quotes else 0
    for source in sources:
        if source.path == other.path:
            spans = other.value.quote_spans
            offset = spans[span_index][0] if spans else other.start
            line = source.lines.position(offset)[0]
            return Evidence(source.path, line, source.line_text(line).strip())
    return Evidence(other.path, other.line, other.text)


@rule("CC301", category="quote-altered", severity="error", each="claim in attribution_claims")
def quote_altered(claim, source_claims, sources):
    """A quote whose words are not the source's words for the same speaker.

    Why it matters: words in quotation marks are a promise that the speaker said exactly
    that. An inserted word ("the urgent need"), a replaced one ("exacerbate" for "increase",
    "in Gaza" for "in Aleppo and elsewhere") or words dropped without an ellipsis put words
    in someone's mouth; it is the claim editors get sued over.

    Example (flagged), against a wire quoting Miller on "the need for de-escalation ...":
        The two discussed "the urgent need for de-escalation ...," Matthew Miller said.

    Use instead: the source's words, an ellipsis for words left out ("the need for
    de-escalation ... in Aleppo and elsewhere"), square brackets for words added. Curly or
    straight marks, punctuation inside or outside the closing mark and the case of the
    first letter are not changes.

    Convention: AP Stylebook, "quotations in the news": never alter quotations, even to
    correct minor grammatical errors; use ellipses for omissions.
    """
    candidates = _said_by(claim, _source_quotes(source_claims))
    if not candidates:
        return  # nothing to compare with (no sources, most runs): skip reading the quotes
    for quote in claim.value.quotes:
        match = best_match(quote, candidates)
        if match is None or match.comparison.faithful:
            continue
        evidence = _match_evidence(match, sources)
        yield problem(
            claim,
            f"quote differs from {match.claim.value.speaker}'s words in {match.claim.path}: "
            f"{match.comparison.describe()} ({match.comparison.diff})",
            evidence,
        )


@rule("CC302", category="quote-misattributed", severity="error", each="claim in attribution_claims")
def quote_misattributed(claim, source_claims, sources):
    """Quoted words that a source gives to someone else.

    Why it matters: a faithful quote given to the wrong person is still a false claim
    about what that person said, and about what the other one said.

    Example (flagged), where the wire has Fidan saying it:
        Blinken said Ankara was "against any development that would increase instability".

    Use instead: the speaker the source names; if two people said the same words, a source
    for each.

    Convention: SPJ Code of Ethics, "identify sources clearly"; Reuters Handbook of
    Journalism, attribution.
    """
    sources_quotes = _source_quotes(source_claims)
    if not sources_quotes:
        return  # nothing to compare with (no sources, most runs): skip reading the quotes
    same = _said_by(claim, sources_quotes)
    for quote in claim.value.quotes:
        if best_match(quote, same) is not None:
            continue
        match = best_match(quote, sources_quotes)
        if match is None or match.comparison.matched < 0.8 * match.comparison.quote_words:
            continue
        evidence = _match_evidence(match, sources)
        yield problem(
            claim,
            f"quote attributed to {claim.value.speaker}, but {match.claim.path} has "
            f"{match.claim.value.speaker} saying it ({match.claim.value.speaker_text!r})",
            evidence,
        )


@rule("CC303", category="quote-unsourced", severity="info", each="claim in attribution_claims")
def quote_unsourced(claim, sources):
    """A direct quote found in none of the sources given (only when sources are given).

    Why it matters: a quote the desk cannot trace to a source document has to come from
    the reporter's own notes or recording; the editor should know which quotes those are
    before the story runs.

    Example (flagged), with a wire source that has no such words:
        "We will not be intimidated," Fidan said.

    Use instead: nothing to change if the quote is the reporter's own; otherwise add the
    source it came from with ``--source``.

    Convention: newsroom practice of checking every quote against notes or sources
    (Poynter, "fact-checking quotes").
    """
    if not sources:
        return
    for quote in claim.value.quotes:
        if len(quote.split()) < 3:
            continue  # a word or two in quotes is a term, not a statement to trace
        if any(compare_quote(quote, source.text).related for source in sources):
            continue
        names = ", ".join(source.path for source in sources)
        yield problem(claim, f"quote by {claim.value.speaker} not found in the sources ({names})")


@rule("CC304", category="role-conflict", severity="warning")
def role_conflict(document, sources):
    """One person given titles that cannot both be right, in the draft or against a source.

    Why it matters: "Turkish Defence Minister Hakan Fidan" and "Turkish Foreign Minister
    Hakan Fidan" in one story tell the reader two different things, and one of them is
    wrong. A shortened title ("Secretary Blinken" for "US Secretary of State Antony
    Blinken") or a description of the same post ("Turkey's top diplomat") is no conflict.

    Example (flagged):
        Turkish Foreign Minister Hakan Fidan ... Turkish Defence Minister Hakan Fidan said.

    Use instead: the title the person holds, the same way each time.

    Convention: AP Stylebook, "titles": use a formal title on first reference, the name
    alone after it.
    """
    register = analyse_attribution(document).register
    for person in register.people:
        for first, later in register.title_conflicts(person):
            yield problem(
                (later.start, later.end),
                f"{person.name} is {later.title!r} here but {first.title!r} earlier",
                Evidence(
                    document.path,
                    document.position(first.start)[0],
                    document.text[first.start : first.end],
                ),
            )
    for source in sources:
        source_register = analyse_attribution(source).register
        for person in register.people:
            other = source_register.find(person.name) if " " in person.name else None
            if other is None:
                continue
            reported = set()
            for mine, theirs in register.title_conflicts(person, other):
                if mine.title in reported:
                    continue
                reported.add(mine.title)
                yield problem(
                    (mine.start, mine.end),
                    f"{person.name} is {mine.title!r} here but {theirs.title!r} in {source.path}",
                    Evidence(
                        source.path,
                        source.position(theirs.start)[0],
                        source.text[theirs.start : theirs.end],
                    ),
                )


@rule("CC305", category="name-variant", severity="warning")
def name_variant(document, attribution_claims):
    """One person's name spelled two ways in the same document.

    Why it matters: "Hakan Fidan" and "Hakan Fiden" are one person to the reporter and two
    to the reader, a search engine and a correction. Possessives ("Fidan's") and the
    surname alone ("Fidan") are the same name, not variants.

    Example (flagged):
        Turkish Foreign Minister Hakan Fidan spoke ... Hakan Fiden said.

    Use instead: the spelling the person uses, checked once and kept.

    Convention: AP Stylebook, "names": spell names as the person does, every time.
    """
    register = analyse_attribution(document).register
    spellings = {}  # name -> the person it misspells, or None: a name recurs, look it up once

    def spelling_of(name):
        if name not in spellings:
            spellings[name] = register.spelling_of(name)
        return spellings[name]

    flagged = set()
    for name, start, end in register.occurrences:
        if name in flagged:
            continue
        person = spelling_of(name)
        if person is None:
            continue
        flagged.add(name)
        first = person.mentions[0]
        yield problem(
            (start, end),
            f"{name!r} is spelled {person.name!r} elsewhere in this document",
            Evidence(
                document.path,
                document.position(first[0])[0],
                document.text[first[0] : first[1]],
            ),
        )
    for claim in attribution_claims:
        mention = claim.value.speaker_text
        if " " in mention or mention in flagged or not mention[:1].isupper():
            continue
        person = spelling_of(mention)
        if person is not None:
            flagged.add(mention)
            yield problem(claim, f"{mention!r} is spelled {person.surname!r} elsewhere")


@rule("CC306", category="unattributed-claim", severity="warning", each="claim in numeric_claims")
def unattributed_figure(claim, attribution_claims, config):
    """A casualty figure with no source in its sentence or the one before.

    Why it matters: "More than 400 people have been killed" is a claim someone made; the
    reader needs to know who counted (a monitor, a ministry, the UN) to judge it.

    Example (flagged):
        At least 60 civilians died in the strikes.

    Use instead:
        At least 60 civilians died in the strikes, the health ministry said.

    Configuration: ``[unattributed-claim]`` ``predicates = ["killed", ...]`` sets which
    figures need a source (predicate classes of ``lexicons/predicates.tsv``), and
    ``all-figures = true`` asks it of every figure.

    Convention: Reuters Handbook of Journalism, "casualty figures": always attribute.
    """
    settings = config.get("unattributed-claim", {})
    if not settings.get("all-figures", False):
        predicates = settings.get("predicates", CASUALTY_PREDICATES)
        if claim.value.predicate not in predicates:
            return
    sentence = claim.sentence.index
    assert any(a.sentence.index in (sentence, sentence - 1) for a in attribution_claims), (
        f"figure {claim.text!r} has no source in its sentence or the one before"
    )


@rule("CC307", category="unbalanced-quote", severity="warning")
def unbalanced_quote(document):
    """A quotation mark that does not pair: a quote that never closes, or a stray closing.

    Why it matters: the reader cannot tell where the speaker's words end and the reporter's
    begin. A quote continued over paragraphs newspaper style (no closing mark at the end of
    a paragraph, the next one reopening with a mark) is balanced and not flagged.

    Example (flagged):
        Fidan said Ankara would "never allow terrorist activities against Turkey.

    Use instead: close the quote where the speaker's words end.

    Convention: AP Stylebook, "quotation marks": running quotations over paragraphs.
    """
    for mark in analyse_attribution(document).quotes.problems:
        if mark.kind == "unclosed":
            yield problem(
                (mark.offset, mark.paragraph_end), "quotation mark opened here is never closed"
            )
        else:
            yield problem((mark.offset, mark.offset + 1), "closing quotation mark with no opening")
