"""House rule: a source granted anonymity comes with the reason."""

from claimcheck.engine import rule


@rule("NEWS104", category="quote-unsourced", severity="warning", each="sentence in sentences")
def anonymity_has_a_reason(sentence, anonymity_cues, anonymity_reasons):
    """An anonymous source whose anonymity the sentence does not explain.

    Why it matters: readers weigh a claim by who makes it. When a source cannot be named,
    the story owes them the reason (not authorised to speak, fear for their safety), so
    anonymity reads as a considered exception and not as a habit. The reason belongs in
    the sentence that grants it.

    Example (flagged):
        The talks have stalled, said an official who asked not to be named.

    Use instead:
        The talks have stalled, said an official who asked not to be named because he
        was not authorised to brief reporters.

    Convention: house style guide, "Anonymous sources"; AP Stylebook, "anonymous
    sources" (explain why the source was granted anonymity). The phrases are in
    ``anonymity_cues.txt`` and ``anonymity_reasons.txt`` beside this rule.
    """
    text = sentence.text.lower()
    granted = [cue for cue in anonymity_cues if cue in text]
    if not granted:
        return
    assert any(reason in text for reason in anonymity_reasons), (
        f"source granted anonymity ({granted[0]!r}) without a reason; say why they "
        "could not be named"
    )
