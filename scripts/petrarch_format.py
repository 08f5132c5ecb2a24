"""Readers for the PETRARCH2 / Phoenix event-coding dictionaries.

The formats are described in ``dictionaries.rst`` of openeventdata/petrarch2.
This module only reads: it turns the verb dictionary (``CAMEO.2.0.txt``), the
agent dictionary (``Phoenix.agents.txt``) and the actor dictionaries
(``Phoenix.*.actors.txt``) into plain Python records, counting every line it
cannot use by reason. ``scripts/import_petrarch.py`` maps the records to kg
terms and writes the files.

Examples
--------
>>> singular("SANCTIONS"), singular("SERVICEMEN"), singular("POLICE")
('sanction', 'serviceman', 'police')
>>> regular_plural("militia"), regular_plural("attorney"), regular_plural("boss")
('militias', 'attorneys', 'bosses')
>>> title_case("BASHAR_AL-ASSAD_"), title_case("THE_UNITED_NATIONS"), title_case("ISLAMIC_ARMY_OF_ADEN_(IAA)_")
('Bashar al-Assad', 'The United Nations', 'Islamic Army of Aden (IAA)')
>>> parse_date("950517"), parse_date("20070516"), parse_date("310101")
('1995-05-17', '2007-05-16', '1931-01-01')
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

MARKERS = frozenset("$+%^")
PREPOSITIONS = frozenset(
    "about across after against along amid among around as at before behind between beyond by despite "
    "during for from in inside into near of on onto outside over since through to toward towards under "
    "until upon via with within without".split())
# Adverb particles of phrasal verbs ("set OUT views", "call (UP &MILITARY)").
PARTICLES = frozenset("ahead apart aside away back down forth forward off out together up".split())
# Nouns ending in -ly; any other word in -ly is an adverb and is passed over in a pattern.
LY_NOUNS = frozenset("ally anomaly assembly family holy italy july monopoly rally reply supply".split())
# Nouns left as they are by singular(): no singular, or the singular means something else.
INVARIANT = frozenset("arms economics headquarters logistics means news people physics police politics series species".split())
# Particles kept lower case inside a title-cased name (never as its first word).
LOWER_WORDS = frozenset(
    "al and at bin bint da das de del della der des di do dos du el for ibn in of on the to van von y".split())
# Acronyms that have a vowel and so would otherwise be title-cased.
ACRONYMS = frozenset("AU EU NATO OPEC UAE UK UN UNESCO UNICEF US USA".split())
ROMAN = re.compile(r"^(II|III|IV|VI|VII|VIII|IX|XII|XIII|XIV)$")
TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+")
BRACKET = re.compile(r"\[([^\]]*)\]")


class ParseSkip(ValueError):
    """A line, or part of one, that cannot be converted; the message is the reason."""


# ---------------------------------------------------------------- text helpers


def read_lines(path: Path) -> list[tuple[int, str]]:
    """Read a dictionary file as numbered lines with ``#`` comments removed.

    Parameters
    ----------
    path : Path
        The file; UTF-8, undecodable bytes replaced.

    Returns
    -------
    list of (int, str)
        1-based line number and the text before any ``#``, right-stripped.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    return [(n, line.split("#", 1)[0].rstrip()) for n, line in enumerate(text.splitlines(), 1)]


def words_of(phrase: str) -> list[str]:
    """Split a dictionary phrase on blanks and underscores, dropping empty parts."""
    return [w for w in re.split(r"[\s_]+", phrase.strip()) if w]


def singular(word: str) -> str:
    """Lower-case singular of an English noun by suffix rules (plurals only; others unchanged)."""
    w = word.lower()
    if w in INVARIANT or len(w) < 4 or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("men") and w not in ("abdomen", "regimen", "specimen"):
        return w[:-3] + "man"
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zes")):
        return w[:-2]
    return w[:-1] if w.endswith("s") else w


def regular_plural(noun: str) -> str:
    """Regular plural of a phrase as dictionaries.rst generates it, on its last word.

    'Y' gives 'IES' and 'SS' gives 'SSES', otherwise 'S' is added. Three corrections
    of English: a vowel before the 'y' gives 's' ("attorneys"), '-man' gives '-men',
    and a phrase already plural ("gunmen", "victims", "people") or ending in an
    abbreviation ("lt.") is its own plural.
    """
    if noun.endswith(("men", "people", "children", ".")) or (noun.endswith("s") and not noun.endswith(("ss", "us", "is"))):
        return noun
    if noun.endswith("man") and not noun.endswith(("human", "german", "roman", "shaman", "ottoman")):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith("ss"):
        return noun + "es"
    return noun + "s"


def _title_word(word: str, first: bool) -> str:
    """Title-case one upper-case word of a name (see :func:`title_case`)."""
    if word.startswith("(") or word.endswith(")"):  # "(AAIA)" stays, "(UNITED STATES)" is title-cased
        inner = word.strip("()")
        if word.startswith("(") and word.endswith(")") and len(inner) <= 5:
            return word.upper()
        return word.replace(inner, _title_word(inner, first)) if inner else word
    if "." in word or not re.search(r"[AEIOUY]", word.upper()) and word.isalpha():
        return word.upper()
    if word.upper() in ACRONYMS or not first and ROMAN.match(word.upper()):
        return word.upper()
    if not first and word.lower() in LOWER_WORDS:
        return word.lower()
    parts = word.split("-")
    out = []
    for i, part in enumerate(parts):
        low = part.lower()
        if low in ("al", "el") and i < len(parts) - 1 and not (first and i == 0):
            out.append(low)
        elif re.match(r"^[a-z]'[a-z]", low):  # O'NEILL, D'IVOIRE
            out.append(low[:2].upper() + low[2:].capitalize())
        else:
            out.append(low.capitalize())
    return "-".join(out)


def title_case(phrase: str) -> str:
    """Readable label for an upper-case dictionary phrase.

    Underscores become spaces; particles such as "al-", "bin", "de", "of" stay lower
    case except as the first word; words with a dot, without a vowel or in
    short parentheses stay upper case (acronyms: "U.N.", "ANSF", "(AAIA)").
    """
    words = words_of(phrase.replace("+", " "))
    return " ".join(_title_word(w, i == 0) for i, w in enumerate(words))


def parse_date(text: str) -> str:
    """ISO date of a YYMMDD or YYYYMMDD string; two-digit years 00-30 are 20xx, others 19xx.

    Raises
    ------
    ParseSkip
        If the string is not 6 or 8 digits or not a calendar date.
    """
    if not re.fullmatch(r"\d{6}|\d{8}", text):
        raise ParseSkip("unreadable date")
    if len(text) == 6:
        yy = int(text[:2])
        text = str(2000 + yy if yy <= 30 else 1900 + yy) + text[2:]
    try:
        return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        raise ParseSkip("unreadable date") from None


def first_code(raw: str) -> str:
    """The CAMEO code of a ``[...]`` field: the first of a two-sided ``a:b`` code.

    Raises
    ------
    ParseSkip
        For the null code ``---``, an empty first side (``[:173]``) or letters (``[080!]``).
    """
    code = raw.strip().split(":")[0].strip()
    if code == "---":
        raise ParseSkip("null code")
    if not code:
        raise ParseSkip("no first code")
    if not re.fullmatch(r"\d{2,4}", code):
        raise ParseSkip("code with letters")
    return code


# ---------------------------------------------------------------- verb dictionary


@dataclass
class Verb:
    """A verb of a synonym block: base form, particle (``-`` if none), own code or None, line."""

    lemma: str
    particle: str
    code: str | None
    line: int


@dataclass
class Block:
    """A verb synonym block: its header code, its verbs and its pattern lines."""

    name: str
    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """Synsets (label without ``&`` → member phrases), blocks, and lines skipped by reason."""

    synsets: dict[str, list[str]]
    blocks: list[Block]
    skipped: Counter


def parse_verb_line(text: str, line: int) -> Verb:
    """Read a verb line (``ATTACK``, ``+BEEF_UP``, ``SPEED {SPED ...} [190]``).

    Raises
    ------
    ParseSkip
        For pre-compounds (``WIRE_+TAP``), coordinations (``+KILLED_AND``), already
        inflected phrases (``+ANGERED_BY {}``) and lines of more than one verb.
    """
    text = text.split(";", 1)[0]  # the old TABARI comment delimiter
    m = BRACKET.search(text)
    code = m.group(1) if m else None
    bare = BRACKET.sub(" ", text)
    inflected = re.search(r"\{\s*\}", bare) is not None
    tokens = re.sub(r"\{[^}]*\}?", " ", bare).split()
    if len(tokens) != 1:
        raise ParseSkip("unreadable verb line")
    token = tokens[0]
    if "+" in token[1:]:
        raise ParseSkip("pre-compound verb")
    words = [w.lower() for w in words_of(token.lstrip("+"))]
    if len(words) > 1 and (inflected or {"and", "or"} & set(words) or words[0] in ("is", "was", "are", "be")):
        raise ParseSkip("multi-word verb that is no phrasal verb")
    return Verb(words[0], " ".join(words[1:]) or "-", code, line)


def _block_header(text: str, line: int) -> Block:
    """A block from its ``--- NAME [code] ---`` header."""
    m = BRACKET.search(text)
    name = BRACKET.sub(" ", text).strip("- \t")
    return Block(name, m.group(1) if m else "---", line)


def parse_verb_dictionary(path: Path) -> VerbDictionary:
    """Read the verb dictionary into synsets and verb blocks.

    Parameters
    ----------
    path : Path
        ``CAMEO.2.0.txt`` or a file in its format.

    Returns
    -------
    VerbDictionary
        Transformations (``~`` lines) and unreadable verb lines are counted in ``skipped``.
    """
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    skipped: Counter = Counter()
    synset = None
    for n, text in read_lines(path):
        s = text.strip()
        if not s:
            continue
        if s.startswith("&") and not blocks:
            synset = s[1:].rstrip("_")
            synsets[synset] = []
        elif s.startswith("---"):
            blocks.append(_block_header(s, n))
        elif s.startswith("~"):
            skipped["transformation"] += 1
        elif s.startswith("+") and not blocks and synset is not None:
            synsets[synset].append(s[1:].strip())
        elif not blocks:
            skipped["line outside a verb block"] += 1
        elif s.startswith("-"):
            blocks[-1].patterns.append((n, s[1:]))
        else:
            try:
                blocks[-1].verbs.append(parse_verb_line(s, n))
            except ParseSkip as e:
                skipped[str(e)] += 1
    return VerbDictionary(synsets, blocks, skipped)


def phrase_heads(phrase: str, synsets: dict[str, list[str]]) -> tuple[str, ...]:
    """Head nouns (singular) of a pattern noun phrase: its last word, or a synset's members' heads.

    Raises
    ------
    ParseSkip
        For an undefined or empty synset.
    """
    words = [w for w in words_of(phrase) if w not in MARKERS]
    if not words:
        raise ParseSkip("empty noun phrase")
    last = words[-1].split("/")[0]
    if not last.startswith("&"):
        return (singular(last),)
    members = synsets.get(last[1:].rstrip("_"))
    if not members:
        raise ParseSkip("undefined synset")
    return tuple(sorted({singular(words_of(m.rstrip("_"))[-1]) for m in members}))


@dataclass
class Pattern:
    """The post-verb part of a pattern: particle, head nouns, preposition (``-`` when absent), code."""

    particle: str
    nouns: tuple[str, ...]
    prep: str
    code: str


def _read_paren(token: str, queue: list[str], state: dict) -> bool:
    """Take a parenthesised phrase; True when it gave the preposition (the walk stops)."""
    words = TOKEN.findall(token[1:-1])
    if not words:
        return False
    first = words[0].split("/")[0].lower()
    if first in PARTICLES:  # "(OUT OF)", "(UP &MILITARY)": read its words as bare words
        if state["particle"] == "-" and not state["nouns"]:
            state["particle"] = first
        queue[:0] = words[1:]
        return False
    if first in PREPOSITIONS:
        state["prep"] = first
        return True
    if state["nouns"]:
        return False
    raise ParseSkip("parenthesis without a preposition")


def _read_word(token: str, synsets: dict, state: dict) -> bool:
    """Take a bare word or braced phrase; True when it was a preposition (the walk stops)."""
    if token.startswith("{"):
        if not state["nouns"]:
            state["nouns"] = phrase_heads(token[1:-1], synsets)
        return False
    word = token.split("/")[0].lower()
    if word in PREPOSITIONS:
        state["prep"] = word
        return True
    if word in PARTICLES and state["particle"] == "-" and not state["nouns"]:
        state["particle"] = word
    elif word.endswith("ly") and len(word) > 4 and word not in LY_NOUNS:
        pass  # an adverb ("BITTERLY", "PUBLICLY")
    elif not state["nouns"]:
        state["nouns"] = phrase_heads(token, synsets)
    return False


def parse_pattern(body: str, synsets: dict[str, list[str]]) -> Pattern:
    """Read a pattern line (without its leading ``-``).

    Only the part after ``*`` is used: its first particle, its first noun phrase
    (its head, or a synset's heads) and the first preposition, bare or opening a
    parenthesised phrase; the walk stops at that preposition.

    Raises
    ------
    ParseSkip
        For pre-verb content, a missing or unusable code and unreadable phrases.
    """
    m = re.match(r"^(.*)\[([^\]]*)\]\s*$", body)
    if not m:
        raise ParseSkip("pattern without a code")
    text, raw = m.groups()
    if "*" not in text:
        raise ParseSkip("pattern without '*'")
    pre, post = text.split("*", 1)
    if pre.strip():
        raise ParseSkip("pre-verb content")
    code = first_code(raw)
    state = {"particle": "-", "nouns": (), "prep": "-"}
    queue = TOKEN.findall(post)
    while queue:
        token = queue.pop(0)
        if token in MARKERS:
            continue
        stop = _read_paren(token, queue, state) if token.startswith("(") else _read_word(token, synsets, state)
        if stop:
            break
    return Pattern(state["particle"], state["nouns"] or ("-",), state["prep"], code)
