"""The publication date: the day every relative date of a document is resolved against."""

from __future__ import annotations

import re
from datetime import date, datetime

FRONT_MATTER_KEYS = ("published", "date", "publishDate", "pubDate", "published_at")
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+)?(?:Z|[+-]\d{2}:?\d{2})?\s*$")


def parse_publication_date(value: object) -> date | None:
    """Read a date from a front-matter value or a string; ``None`` when it is not a date.

    ISO dates and datetimes are read directly (a datetime's calendar day as written, since
    the article's own clock is what its weekdays refer to); other spellings such as
    "December 1, 2024" go through dateparser with future-preferring guesses switched off.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_PREFIX.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    if not re.search(r"\d", value):
        return None  # "next Tuesday" is not a publication date
    import dateparser

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


def parse_cli_date(value: str, today: date | None = None) -> date:
    """Parse ``--published``: an ISO date, another full date, or the explicit word ``today``."""
    if value.strip().lower() == "today":
        return today or date.today()
    parsed = parse_publication_date(value)
    if parsed is None:
        raise ValueError(f"--published: {value!r} is not a date (use YYYY-MM-DD or 'today')")
    return parsed
