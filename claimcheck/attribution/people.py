"""Who is who in one document: named people with their titles, so that "Fidan", "He" and
"Turkish Foreign Minister Hakan Fidan" resolve to one speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from claimcheck.lexicons import load_lexicon

_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


@cache
def _title_words() -> frozenset[str]:
    return frozenset(load_lexicon("titles"))


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention split into its title or role and the person's name, if any."""

    text: str
    name: str | None
    title: str | None


def split_mention(text: str) -> Mention:
    """Split "Turkish Foreign Minister Hakan Fidan" into title and name "Hakan Fidan"."""
    words = text.split()
    name_words: list[str] = []
    for word in reversed(words):
        bare = word.strip("’'").lower()
        if not word[:1].isupper() or bare in _title_words() or bare.rstrip("’s") in _title_words():
            break
        name_words.insert(0, word)
    if not name_words or len(name_words) == len(words) and _DETERMINER.match(text):
        return Mention(text, None, None)
    title = " ".join(words[: len(words) - len(name_words)]) or None
    return Mention(text, " ".join(name_words), title)


@dataclass
class PeopleRegister:
    """The people a document names, added in reading order."""

    full_names: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    last_person: str | None = None

    def add_text(self, text: str) -> None:
        """Register every titled full name in a sentence ("Foreign Minister Hakan Fidan")."""
        for match in re.finditer(r"\b(?:[A-Z][\w’'.-]*\s+){1,6}[A-Z][\w’'-]+", text):
            mention = split_mention(match.group(0))
            if mention.name and " " in mention.name:
                self._remember(mention.name, mention.title)

    def _remember(self, name: str, title: str | None) -> None:
        if name not in self.full_names:
            self.full_names.append(name)
        if title and name not in self.titles:
            self.titles[name] = title

    def resolve(self, mention_text: str) -> tuple[str, bool]:
        """Return (speaker, is_person) for a mention, using what was read before it."""
        if mention_text.lower() in _PRONOUNS:
            if mention_text.lower() in ("he", "she") and self.last_person:
                return self.last_person, True
            return mention_text, False
        mention = split_mention(mention_text)
        if mention.name is None:
            return _DETERMINER.sub("", mention_text), False
        if " " in mention.name:
            self._remember(mention.name, mention.title)
            self.last_person = mention.name
            return mention.name, True
        for full_name in self.full_names:  # a surname alone
            if full_name.split()[-1] == mention.name:
                self.last_person = full_name
                return full_name, True
        if mention.title is None and mention.name[:1].isupper():
            self.last_person = mention.name
            return mention.name, True
        return _DETERMINER.sub("", mention_text), False
