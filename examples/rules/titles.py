"""House rule: titles are written as the style guide writes them."""

import re

from claimcheck.engine import problem, rule


@rule("NEWS103", category="name-variant", severity="warning", each="sentence in sentences")
def titles_in_house_style(sentence, house_titles):
    """A title written otherwise than the style guide writes it.

    Why it matters: "Secretary General" on one page and "Secretary-General" on the next
    looks careless, and some variants are simply wrong ("Attorney Generals"). The style
    guide keeps one spelling per title; the list lives in ``house_titles.tsv`` beside this
    rule and can be extended from the ``[tool.claimcheck.house]`` table.

    Example (flagged):
        The Secretary General said on Tuesday that talks would resume.

    Use instead:
        The Secretary-General said on Tuesday that talks would resume.

    Convention: house style guide, "Titles".
    """
    for variant, house_form in house_titles.items():
        for match in re.finditer(rf"\b{re.escape(variant)}\b", sentence.text):
            start = sentence.start + match.start()
            yield problem(
                (start, start + len(variant)),
                f"house style writes {house_form!r}, not {variant!r}",
            )
