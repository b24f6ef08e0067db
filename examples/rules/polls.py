"""House rule: the shares of one poll, listed in one sentence, cannot exceed the whole."""

from claimcheck.engine import rule


@rule("NEWS102", category="arithmetic", severity="error", each="sentence in sentences")
def poll_shares_add_up(sentence, percent_claims, poll_words):
    """Poll shares in one sentence that add up to more than 100 percent.

    Why it matters: "52% backed the plan, 40% opposed it and 20% were undecided" is 112%.
    One of the figures was mistyped or belongs to another question, and a reader who adds
    them up stops trusting the rest of the story. Rounding can push a sum to 101, so one
    point is allowed.

    Example (flagged):
        In the poll, 52% backed the plan, 40% opposed it and 20% were undecided.

    Use instead:
        In the poll, 52% backed the plan, 40% opposed it and 8% were undecided.

    Convention: house style guide, "Polls"; the shares of one question sum to 100.
    """
    words = sentence.text.lower()
    if not any(word in words for word in poll_words):
        return
    shares = [c.value.low for c in percent_claims if c.sentence == sentence]
    if len(shares) < 3:  # two figures are as often two questions as two answers
        return
    assert sum(shares) <= 101
