"""Who is who in a document: the people (and bodies) it names, with their titles and roles.

The register is built from the whole document first ("Turkey's top diplomat" in the lead
resolves to "Turkish Foreign Minister Hakan Fidan" named in the next paragraph), then
speaker mentions resolve to it: a full name, a surname ("Fidan"), a title ("the
Secretary"), a role description ("Turkey's top diplomat"), or he/she (the last compatible
person named as a speaker or a sentence's subject). Registers of several documents merge
(``PeopleRegister.merged``) so that the same person can be followed across sources.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz import fuzz

from claimcheck.lexicons import load_lexicon, load_table, title_words

_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)
_LOWER_WORD = re.compile(r"[a-z.]+")
_CAPITALISED_WORD = re.compile(r"(?<![\w’'-])[A-Z][\w-]*")
_PRONOUN_GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}
_OTHER_PRONOUNS = frozenset({"they", "it", "we", "i", "you"})
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\wÀ-ÿ’'.-]*")
_POSSESSIVE = re.compile(r"(?:['’]s?)$")
_CONNECTORS = frozenset({"of", "the", "for", "and"})
# Lower-case parts of names: al-Assad, bin Salman, van der Leyen, de Mistura.
_PARTICLES = frozenset("al el bin ibn abu van von der den de da di du le la del dos".split())
# Capitalised words that start sentences or name things, never a person's name.
_NOT_NAME_WORDS = frozenset(
    "The A An This That These Those It He She They We I In On At For But And Or If When "
    "While After Before Since As According Other Its His Her Their Our Your Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December".split()
)


@cache
def speaker_bodies() -> frozenset[str]:
    """Nouns of bodies and anonymous sources ("police", "ministry", "source")."""
    return frozenset(load_lexicon("speaker_bodies"))


@cache
def _honorific_genders() -> dict[str, str]:
    return {row[0]: row[1] for row in load_table("title_genders")}


@cache
def _honorifics() -> frozenset[str]:
    """Mr, Mrs, Sir ...: part of how a name is written, not of a post."""
    return frozenset(row[0] for row in load_table("title_genders") if row[2:] == ("honorific",))


@cache
def _demonyms() -> dict[str, str]:
    """Country → adjective ("turkey" → "turkish"), lower case."""
    return {row[0]: row[1] for row in load_table("demonyms")}


@cache
def _role_synonyms() -> dict[str, str]:
    """Role descriptions → the title they stand for ("top diplomat" → "foreign minister")."""
    return {row[0]: row[1] for row in load_table("role_synonyms")}


@cache
def _is_title_word(word: str) -> bool:
    bare = _POSSESSIVE.sub("", word.strip(",")).lower()
    return bare in title_words() or bare.rstrip(".") in title_words()


@cache
def _is_name_word(word: str) -> bool:
    if word.lower() in _PARTICLES or word.startswith(("al-", "el-")):
        return True
    if word.isupper() and len(word.rstrip(".")) > 1:
        return False  # "JOIN US ON TELEGRAM", "YPG": shouting and acronyms are not names
    return word[:1].isupper() and word not in _NOT_NAME_WORDS and not _is_title_word(word)


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention split into its title or role and the person's name, if any."""

    text: str
    name: str | None
    title: str | None


def split_mention(text: str) -> Mention:
    """Split "Turkish Foreign Minister Hakan Fidan" into title and name "Hakan Fidan"."""
    words = text.split(",")[0].split()
    name_words: list[str] = []
    for word in reversed(words):
        if not _is_name_word(word):
            break
        name_words.insert(0, word)
    while name_words and name_words[0] in _PARTICLES:
        name_words.pop(0)  # "de" at the start of a run is not part of it; "Abu Mohammed" is
    if not name_words:
        return Mention(text, None, " ".join(words) or None)
    title = " ".join(words[: len(words) - len(name_words)]) or None
    if title and _DETERMINER.fullmatch(title + " "):
        title = None
    return Mention(text, " ".join(name_words), title)


@cache
def normalise_title(title: str) -> frozenset[str]:
    """The words of a title that carry its meaning: demonyms for countries, roles expanded."""
    text = _DETERMINER.sub("", title.lower().replace("’", "'"))
    for role, meaning in _role_synonyms().items():
        text = re.sub(rf"\b{re.escape(role)}\b", meaning, text)
    words = set()
    for word in re.findall(r"[a-z][a-z.'-]*", text):
        bare = _POSSESSIVE.sub("", word).rstrip(".")
        bare = _demonyms().get(bare, bare)
        if bare not in _CONNECTORS and bare not in _honorifics():
            words.add(bare)
    return frozenset(words)


@lru_cache(maxsize=4096)
def _title_words_of(texts: frozenset[str]) -> frozenset[str]:
    return frozenset().union(*(normalise_title(text) for text in texts))


@dataclass(frozen=True, slots=True)
class TitleUse:
    """A title as the document gives it to a person, and where."""

    title: str
    start: int
    end: int


@dataclass
class Person:
    """One person (or body) of a document: canonical name, aliases, titles, roles."""

    name: str
    aliases: set[str] = field(default_factory=set)
    titles: list[TitleUse] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    # the distinct titles of the list ``_titles_list``, read up to ``_titles_read``: a person
    # named with a title a thousand times in an archive must not be read a thousand times
    # at every lookup
    _title_texts: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _titles_list: list[TitleUse] | None = field(default=None, init=False, repr=False, compare=False)
    _titles_read: int = field(default=0, init=False, repr=False, compare=False)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def distinct_titles(self) -> list[TitleUse]:
        """Each title the person is given, at its first use."""
        seen: dict[str, TitleUse] = {}
        for use in self.titles:
            seen.setdefault(use.title, use)
        return list(seen.values())

    def title_words(self) -> frozenset[str]:
        """The meaningful words of all the person's titles and roles."""
        if self.titles is not self._titles_list or len(self.titles) < self._titles_read:
            # another list, or one cut short: read it anew
            self._title_texts, self._titles_list, self._titles_read = set(), self.titles, 0
        # titles are added, not changed: the uses since the last call are all that is new
        self._title_texts.update(use.title for use in self.titles[self._titles_read :])
        self._titles_read = len(self.titles)
        return _title_words_of(frozenset(self._title_texts | set(self.roles)))

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "aliases": sorted(self.aliases),
            "titles": sorted({use.title for use in self.titles}),
            "roles": list(self.roles),
        }


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved speaker: the name to report and the register entry, if a person."""

    speaker: str
    person: Person | None


# A run of capitalised words, perhaps joined by "of", "the" or a name particle. Its first
# letter (a capital, or the "a" or "e" of al- or el-: "al-Assad") is tested before looking
# behind it for the start of a word ("(?<![\w’'-].)"): a pattern that opens with a letter
# class lets the regex engine skip to the next capital instead of trying every character.
_CAPITALISED_RUN = re.compile(
    r"[A-Zae](?<![\w’'-].)(?:(?<=[ae])l-[A-Z])?(?<=[A-Z])"
    r"[\w’'-]*\.?(?:[ \t]+(?:(?:of|the|al|el|bin|ibn|abu|van|"
    r"von|de|da|der|den|di|du|le|la|del)[ \t]+)*(?:(?:al|el)-)?[A-Z][\w’'-]*\.?)*"
)
# Up to six words before a run, on its line, read backwards: where its title may start.
_WORDS_BEFORE_REVERSED = re.compile(r"[ \t]+([\w’'.-]+)")


def _title_reach(text: str, start: int) -> int:
    """How far before ``start`` a lower-case title runs ("State Department spokesman")."""
    if start == 0 or text[start - 1] not in " \t":
        return 0  # only spaces or tabs stand between a title and its name
    reach = 0
    window = text[max(0, start - 80) : start][::-1]
    for _ in range(6):
        match = _WORDS_BEFORE_REVERSED.match(window, reach)
        if match is None:
            break
        word = match.group(1)[::-1]
        if not (_is_title_word(word) or word in ("of", "the") or word[:1].isupper()):
            break
        reach = match.end()
    return reach


def _regions(text: str) -> list[tuple[int, int]]:
    """The stretches of text that may hold a name with its title, merged where they touch."""
    regions: list[tuple[int, int]] = []
    for match in _CAPITALISED_RUN.finditer(text):
        start, end = match.span()
        reach = _title_reach(text, start)
        if " " not in match.group(0) and not reach:
            continue  # one capitalised word alone: a sentence opener or a place
        start -= reach
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(end, regions[-1][1]))
        else:
            regions.append((start, end))
    return regions


def _runs(
    text: str, start: int = 0, end: int | None = None
) -> Iterable[list[tuple[str, int, int]]]:
    """Runs of words separated only by spaces (punctuation and quote marks end a run)."""
    end = len(text) if end is None else end
    run: list[tuple[str, int, int]] = []
    for match in _TOKEN.finditer(text, start, end):
        word, start = match.group(0), match.start()
        trailing = len(word) - len(word.rstrip(".,"))
        if trailing and not (word.endswith(".") and _is_title_word(word)):
            word = word.rstrip(".,") if len(word.rstrip(".,")) > 1 else word
        gap = text[run[-1][2] : start] if run else ""
        if run and (gap.strip() or "\n" in gap or "\r" in gap):
            yield run
            run = []
        run.append((word, start, start + len(word)))
        if match.group(0)[len(word) :]:  # a comma or stop ends the run after this word
            yield run
            run = []
    if run:
        yield run


class PeopleRegister:
    """The people a document names, with their titles, roles and aliases."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_name: dict[str, Person] = {}
        # every name of two words or more as written, with its offsets: for spelling checks
        self.occurrences: list[tuple[str, int, int]] = []

    # building -------------------------------------------------------------------------------
    @classmethod
    def from_text(cls, text: str) -> PeopleRegister:
        """Read every titled name ("Turkish Foreign Minister Hakan Fidan") and every full name
        whose surname the text uses again on its own ("Antony Blinken" ... "Blinken")."""
        register = cls()
        untitled: list[tuple[str, int, int]] = []
        register_aliases: set[str] = set()
        runs = (run for start, end in _regions(text) for run in _runs(text, start, end))
        for run in runs:
            for name, title, start, end, title_start in _titled_names(run):
                if " " not in name and name in register_aliases and title:
                    register.find(name).titles.append(TitleUse(title, title_start, end))
                    continue  # "Secretary Blinken": a title for "Antony Blinken"
                if name not in register._by_name and any(
                    word in register_aliases for word in name.split()
                ):
                    continue  # "Fidan told Blinken Ankara ...": two mentions, not one name
                if title and (" " in name or _has_head(title)):
                    register.occurrences.append((name, start, end))
                    register_aliases |= register.add(name, title, title_start, end).aliases
                elif name.count(" ") >= 1:
                    untitled.append((name, start, end))
        # how often each capitalised word stands in the text, to find surnames used alone
        counts = Counter(_CAPITALISED_WORD.findall(text)) if untitled else Counter()
        name_counts = Counter(name for name, _, _ in untitled)
        for name, start, end in untitled:
            register.occurrences.append((name, start, end))
            if any(word in register_aliases for word in name.split()):
                continue
            # the surname used again on its own: "Antony Blinken" ... "Blinken said"
            if name in register._by_name or counts[name.split()[-1]] > name_counts[name]:
                register.add(name, None, start, end)
        register._fold_surnames()
        return register

    def _fold_surnames(self) -> None:
        """ "Secretary Blinken" is "US Secretary of State Antony Blinken": one entry."""
        for person in list(self.people):
            if " " in person.name:
                continue
            full = [p for p in self.people if " " in p.name and person.name in p.aliases]
            if len(full) == 1:
                full[0].titles.extend(person.titles)
                full[0].mentions.extend(person.mentions)
                full[0].gender = full[0].gender or person.gender
                self.people.remove(person)
                self._by_name[person.name] = full[0]

    def add(self, name: str, title: str | None = None, start: int = 0, end: int = 0) -> Person:
        """Add a person (or a title for one already known) and return the entry."""
        person = self._by_name.get(name)
        if person is None:
            person = Person(name, aliases={name.split()[-1]} if " " in name else set())
            self.people.append(person)
            self._by_name[name] = person
        if title:
            person.titles.append(TitleUse(title, start, end))
            gender = _gender_of_title(title)
            if gender and person.gender is None:
                person.gender = gender
        person.mentions.append((start, end))
        return person

    def add_role(self, person: Person, role: str) -> None:
        """An appositive role: "Ahmed al-Sharaa, the leader of the new administration"."""
        if role not in person.roles:
            person.roles.append(role)

    @classmethod
    def merged(cls, registers: Iterable[PeopleRegister]) -> PeopleRegister:
        """One register for several documents: people with the same name become one entry."""
        result = cls()
        for register in registers:
            for person in register.people:
                entry = result.find(person.name) or result.add(person.name)
                entry.aliases |= person.aliases
                entry.titles.extend(person.titles)
                entry.roles.extend(r for r in person.roles if r not in entry.roles)
                entry.gender = entry.gender or person.gender
        return result

    # looking up -----------------------------------------------------------------------------
    def find(self, name: str) -> Person | None:
        """The person with this full name, or whose surname this is (when only one has it)."""
        name = _POSSESSIVE.sub("", name.strip())
        if name in self._by_name:
            return self._by_name[name]
        by_surname = [p for p in self.people if name in p.aliases]
        if len(by_surname) == 1:
            return by_surname[0]
        if " " in name:  # "Secretary Blinken" is not split here; "Tony Blinken" is not him
            return None
        return by_surname[-1] if by_surname else None

    def by_title(self, title: str) -> Person | None:
        """The person whose titles hold every meaningful word of ``title`` (the last if many)."""
        wanted = normalise_title(title)
        if not wanted:
            return None
        found = [p for p in self.people if wanted <= p.title_words()]
        return found[-1] if found else None

    def resolve(self, mention_text: str, previous: Person | None = None) -> Resolution:
        """Resolve a speaker mention; ``previous`` is the last person a pronoun may refer to."""
        text = mention_text.strip()
        lowered = text.lower()
        if lowered in _PRONOUN_GENDER:
            if previous is not None and previous.gender in (None, _PRONOUN_GENDER[lowered]):
                return Resolution(previous.name, previous)
            return Resolution(text, None)
        if lowered in _OTHER_PRONOUNS:
            return Resolution(text, None)
        mention = split_mention(text)
        if mention.name and mention.title and not _has_head(mention.title):
            mention = Mention(text, None, text)  # "The State Department": a body, not a name
        if mention.name:
            person = self.find(mention.name)
            if person is None and " " in mention.name:
                person = self.add(mention.name, mention.title)
            if person is not None:
                return Resolution(person.name, person)
            if mention.title is None or _is_title_word(mention.title.split()[-1]):
                return Resolution(mention.name, None)
        base = text.split(",")[0]
        person = self.by_title(base) if _mentions_a_role(base) else None
        if person is not None:
            return Resolution(person.name, person)
        return Resolution(_DETERMINER.sub("", base), None)

    def to_json(self) -> list[dict]:
        return [person.to_json() for person in self.people]

    def spelling_of(self, name: str) -> Person | None:
        """The person whose name ``name`` misspells ("Hakan Fiden" for "Hakan Fidan", "Fiden"
        for "Fidan"): close in spelling, not the same, the other words equal; possessives
        and surnames alone are the same name, not variants."""
        name = _POSSESSIVE.sub("", name)
        own = self._by_name.get(name) or next((p for p in self.people if name in p.aliases), None)
        words = name.split()
        for person in self.people:
            known = person.name.split()
            if person is own or len(known) < 2:
                continue
            if len(words) == 1:
                target = known[-1]
            elif (
                len(words) == len(known)
                and sum(a != b for a, b in zip(words, known, strict=True)) == 1
            ):
                target = person.name
            else:
                continue
            differing = [
                (a, b) for a, b in zip(name.split(), target.split(), strict=False) if a != b
            ]
            # "Hakan Fiden" for "Hakan Fidan", not "Jill Biden" for "Joe Biden"
            if all(min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= 80 for a, b in differing):
                if own is None or _established(person) >= _established(own):
                    return person
        return None

    def name_variants(self) -> list[tuple[Person, Person]]:
        """(variant, person) for each entry that misspells a better-established person."""
        pairs = []
        for person in self.people:
            if " " in person.name:
                target = self.spelling_of(person.name)
                if target is not None and target is not person:
                    pairs.append((person, target))
        return pairs

    def title_conflicts(
        self, person: Person, other: Person | None = None
    ) -> list[tuple[TitleUse, TitleUse]]:
        """Pairs of titles given to one person that cannot both be right: "Turkish Defence
        Minister" against "Turkish Foreign Minister"; a shortened title ("Secretary") is
        part of the full one ("US Secretary of State") and no conflict."""
        mine_titles = person.distinct_titles()
        uses = mine_titles if other is None else other.distinct_titles()
        conflicts = []
        for index, mine in enumerate(mine_titles):
            theirs = uses[index + 1 :] if other is None else uses
            for use in theirs:
                if titles_conflict(mine.title, use.title):
                    conflicts.append((mine, use))
        return conflicts


def same_speaker(a: str, b: str) -> bool:
    """Whether two resolved speakers (of one document or two) are the same: equal names,
    a surname and its full name ("Fidan", "Hakan Fidan"), or one body named more or less
    fully ("State Department", "the US State Department")."""
    a_words = _DETERMINER.sub("", a.strip()).lower().replace("’", "'").split()
    b_words = _DETERMINER.sub("", b.strip()).lower().replace("’", "'").split()
    if not a_words or not b_words:
        return False
    if a_words == b_words:
        return True
    if len(a_words) == 1 or len(b_words) == 1:
        return a_words[-1] == b_words[-1]
    shorter, longer = sorted((a_words, b_words), key=len)
    return longer[-len(shorter) :] == shorter


def _established(person: Person) -> tuple[int, int]:
    """How firmly a document establishes a name: its titles, then how often it is used."""
    return (len(person.titles), len(person.mentions))


def titles_conflict(a: str, b: str) -> bool:
    """Whether two titles of one person disagree: the same post ("Minister") with different
    modifiers ("Defence", "Foreign"), neither a shortening of the other."""
    words_a, words_b = normalise_title(a), normalise_title(b)
    if not words_a or not words_b or "former" in words_a | words_b:
        return False
    if not _posts(words_a) & _posts(words_b):
        return False  # "UN chief" and "Secretary-General": different words, not a conflict
    return not (words_a <= words_b or words_b <= words_a)


def _posts(words: frozenset[str]) -> frozenset[str]:
    """The words of a title that name a post ("minister"), not a modifier ("defence")."""
    return frozenset(w for w in words if w in title_words() and w not in _title_modifiers())


def _mentions_a_role(text: str) -> bool:
    """Whether a mention names a role a person holds ("the Secretary", "Turkey's top
    diplomat"), not a body or an anonymous source ("the ministry", "a source")."""
    lowered = text.lower().replace("’", "'")
    if any(role in lowered for role in _role_synonyms()):
        return True
    words = [w for w in _LOWER_WORD.findall(lowered) if w not in ("the", "a", "an")]
    return bool(words) and words[-1] in title_words() and words[-1] not in ("state", "us")


@cache
def _title_modifiers() -> frozenset[str]:
    return frozenset(load_lexicon("title_modifiers"))


def _has_head(title: str) -> bool:
    """Whether a title ends with the word of a post ("Minister", "President"), not with a
    modifier ("State", "Defence"), so that "State Department" is not a titled name."""
    last = title.split()[-1].lower().rstrip(".").replace("’s", "").replace("'s", "")
    return _is_title_word(last) and last not in _title_modifiers()


def _gender_of_title(title: str) -> str | None:
    for word in _LOWER_WORD.findall(title.lower()):
        gender = _honorific_genders().get(word)
        if gender:
            return gender
    return None


def _titled_names(
    run: list[tuple[str, int, int]],
) -> Iterable[tuple[str, str | None, int, int, int]]:
    """(name, title, name start, end, title start) for each name in a run of words."""
    index = len(run)
    while index > 0:
        end_index = index
        while index > 0 and _is_name_word(run[index - 1][0]):
            index -= 1
        name_words = [w for w, _, _ in run[index:end_index]]
        while name_words and name_words[0].lower() in _PARTICLES:
            name_words.pop(0)
            index += 1
        if not name_words:
            index = end_index - 1
            continue
        name_start = run[index][1]
        name_end = run[end_index - 1][2]
        title_index = index
        while title_index > 0:
            word = run[title_index - 1][0]
            if _is_title_word(word) or (word[:1].isupper() and word not in _NOT_NAME_WORDS):
                title_index -= 1
            elif (
                word.lower() in ("of", "the")
                and title_index > 1
                and _is_title_word(run[title_index - 2][0])
            ):
                title_index -= 1
            else:
                break
        title_words_ = [w for w, _, _ in run[title_index:index]]
        title = " ".join(title_words_) if any(_is_title_word(w) for w in title_words_) else None
        name = _POSSESSIVE.sub("", " ".join(name_words))
        yield name, title, name_start, name_end, run[title_index][1]
        index = title_index
