"""House rule: every casualty figure carries its source in the same sentence."""

from claimcheck.engine import rule


@rule("NEWS101", category="unattributed-claim", severity="warning", each="claim in numeric_claims")
def casualty_figure_has_a_source(claim, attribution_claims, casualty_predicates):
    """A death or injury toll with no source in its sentence.

    Why it matters: a toll is the number readers remember and other outlets repeat.
    Stated without a source, it becomes the outlet's own claim, and when the monitor, the
    ministry and the hospital disagree (they usually do) nobody can tell whose figure it
    was. Our style guide asks for the source in the sentence that carries the number:
    stricter than the built-in CC306, which also accepts the sentence before.

    Example (flagged):
        At least 60 civilians died in the strikes.

    Use instead:
        At least 60 civilians died in the strikes, the health ministry said.

    Convention: house style guide, "Numbers need a source"; AP Stylebook, "casualty
    figures".
    """
    if claim.value is None or claim.value.predicate not in casualty_predicates:
        return
    sources = [a for a in attribution_claims if a.sentence == claim.sentence]
    assert sources, f"casualty figure {claim.text!r} has no source in its sentence"
