"""Rules about what does not belong in the copy at all."""

from claimcheck.documents.furniture import find_furniture
from claimcheck.engine import problem, rule


@rule("CC001", category="boilerplate", severity="warning")
def page_furniture(document):
    """Page furniture left in the copy: calls to action, section labels and teasers.

    Why it matters: text pasted from a web page brings its furniture along ("JOIN US ON
    TELEGRAM", "Follow our coverage ...", "Other Topics of Interest" and the unrelated
    teaser under it). Published, it reads as part of the story, and a teaser about another
    story puts a claim in the article that nobody reported for it.

    Example (flagged):
        The Syria offensive began Wednesday.
        JOIN US ON TELEGRAM

    Use instead: delete the line; keep only the article's own paragraphs.
    """
    for furniture in find_furniture(document):
        yield problem(furniture.paragraph, f"page furniture, not copy: {furniture.reason}")
