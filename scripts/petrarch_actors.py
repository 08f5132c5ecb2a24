"""Readers for the PETRARCH2 / Phoenix agent and actor dictionaries.

See ``dictionaries.rst`` of openeventdata/petrarch2 ("Actor Dictionary", "Agent
Dictionary"). The shared text helpers are in ``petrarch_format``.

Examples
--------
>>> parse_restriction("FRAGOV 950517-070516")
Role(code='FRAGOV', start='1995-05-17', end='2007-05-16')
>>> parse_restriction("AFGELI <331108"), parse_restriction("IGOUNO")
(Role(code='AFGELI', start=None, end='1933-11-08'), Role(code='IGOUNO', start=None, end=None))
>>> split_code("FRAGOV"), split_code("IGOUNO"), split_code("USAASMGOV"), split_code("AFG")
(('FRA', 'GOV'), (None, 'IGO'), ('USA', 'GOV'), ('AFG', None))
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from petrarch_format import BRACKET, ParseSkip, parse_date, read_lines, regular_plural, words_of

# CAMEO role and sector codes (3 letters). A code starting with one of them has no
# country part (IGOUNO, NGOHRI, ELI); otherwise its first three letters are a country
# or region. MUS (Muslim in the agents file) is left out: as a first part it is Mauritius.
ROLE_CODES = frozenset(
    "AGR BAH BUD BUS CHR COP CRM CVL DEV EDU ELI ENV GOV HIN HLH HRI IGO IMG INS JEW JUD LAB LEG MED MIL "
    "MNC MOS NGM NGO OPP PPL PTY RAD REB REF REL SEP SPY UAF".split())


# ---------------------------------------------------------------- agents


@dataclass
class Agent:
    """A generic agent noun: phrase, plural, role code (without ``~``) and line."""

    noun: str
    plural: str
    code: str
    line: int


def _noun(phrase: str) -> str:
    """Lower-case words of a phrase joined by single spaces."""
    return " ".join(w.lower() for w in words_of(phrase))


def _agent_forms(phrase: str, plural: str | None, markers: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(noun, plural) pairs of one agent entry, substitution markers expanded.

    A marker's items are substituted with no plural of their own (dictionaries.rst);
    ``{}`` and a phrase ending in ``_`` give no distinct plural either.
    """
    m = re.search(r"!([^!\s]+)!", phrase)
    if m:
        if m.group(1) not in markers:
            raise ParseSkip("undefined substitution marker")
        forms = [_noun(phrase[: m.start()] + item + phrase[m.end():]) for item in markers[m.group(1)]]
        return [(f, f) for f in forms]
    noun = _noun(phrase)
    if plural is not None:
        return [(noun, _noun(plural) or noun)]
    if phrase.rstrip().endswith("_"):
        return [(noun, noun)]
    return [(noun, regular_plural(noun))]


def parse_agent_line(text: str, line: int, markers: dict[str, list[str]]) -> list[Agent]:
    """Read an agent line ``PHRASE {plural} [~CODE]`` (``[CODE~]`` and ``[~CODE}`` too).

    Raises
    ------
    ParseSkip
        Without a readable code, with an unclosed ``{`` or an undefined marker.
    """
    m = re.search(r"\[([^\]}]*)[\]}]", text)
    if not m:
        raise ParseSkip("no code")
    code = m.group(1).strip().replace("~", "")
    if not re.fullmatch(r"[A-Z]{3}[A-Z0-9]*", code):
        raise ParseSkip("unreadable code")
    phrase, plural = text[: m.start()], None
    if "{" in phrase:
        b = re.search(r"\{([^}]*)\}", phrase)
        if not b:
            raise ParseSkip("unclosed '{'")
        phrase, plural = phrase[: b.start()], b.group(1)
    if not words_of(phrase):
        raise ParseSkip("no phrase")
    return [Agent(noun, pl, code, line) for noun, pl in _agent_forms(phrase, plural, markers)]


def parse_agents(path: Path) -> tuple[list[Agent], Counter]:
    """Read the agent dictionary.

    Parameters
    ----------
    path : Path
        ``Phoenix.agents.txt`` or a file in its format.

    Returns
    -------
    agents : list of Agent
        In file order, substitution markers expanded.
    skipped : Counter
        Lines that gave no agent, by reason.
    """
    markers: dict[str, list[str]] = {}
    agents: list[Agent] = []
    skipped: Counter = Counter()
    for n, text in read_lines(path):
        if not text.strip() or text.lstrip().startswith("<"):
            continue
        m = re.match(r"\s*!([^!]+)!\s*=(.*)$", text)
        if m:
            markers[m.group(1)] = [item.strip() for item in m.group(2).split(",") if item.strip()]
            continue
        try:
            agents.extend(parse_agent_line(text, n, markers))
        except ParseSkip as e:
            skipped[str(e)] += 1
    return agents, skipped


# ---------------------------------------------------------------- actors


@dataclass
class Role:
    """A code with its date restriction; start and end are ISO dates or None (open)."""

    code: str
    start: str | None
    end: str | None


@dataclass
class ActorRecord:
    """An actor entry: primary phrase, synonyms, default code, dated roles, note and line."""

    line: int
    phrase: str
    note: str
    synonyms: list[str] = field(default_factory=list)
    default: str | None = None
    roles: list[Role] = field(default_factory=list)

    def has_codes(self) -> bool:
        """True once a default code or a dated role has been read."""
        return self.default is not None or bool(self.roles)


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country, role) of a CAMEO actor code: its first part, and its first role part."""
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if chunks[0] in ROLE_CODES:
        return None, chunks[0]
    return chunks[0], next((c for c in chunks[1:] if c in ROLE_CODES), None)


def parse_restriction(content: str) -> Role | None:
    """Read the inside of a ``[CODE restriction]`` field; None for the null code ``---``.

    The restriction is ``<date`` (until), ``>date`` (from), ``date-date`` or none (the
    default code); limits are inclusive.

    Raises
    ------
    ParseSkip
        For an unreadable code, date or restriction, or an interval that ends before it starts.
    """
    parts = content.split(None, 1)
    if not parts:
        raise ParseSkip("empty code")
    code, rest = parts[0], "".join(parts[1].split()) if len(parts) > 1 else ""
    if code == "---":
        return None
    if not re.fullmatch(r"[A-Z][A-Z0-9]*", code):
        raise ParseSkip("unreadable code")
    if not rest:
        return Role(code, None, None)
    if rest[0] in "<>":
        date = parse_date(rest[1:])
        return Role(code, None, date) if rest[0] == "<" else Role(code, date, None)
    start, sep, end = rest.partition("-")
    if not sep:
        raise ParseSkip("unreadable date restriction")
    start, end = parse_date(start), parse_date(end)
    if end < start:
        raise ParseSkip("interval ends before it starts")
    return Role(code, start, end)


def _add_codes(record: ActorRecord, text: str, skipped: Counter) -> None:
    """Add the ``[...]`` fields of a line to a record: the default code or dated roles."""
    for content in BRACKET.findall(text):
        try:
            role = parse_restriction(content)
        except ParseSkip as e:
            skipped[str(e)] += 1
            continue
        if role is None:
            continue
        if role.start is None and role.end is None:
            record.default = role.code
        else:
            record.roles.append(role)


def _read_actor_line(text: str, note: str, n: int, state: dict) -> None:
    """Fold one non-blank actor line into ``state`` (records, current record, adjacency)."""
    cur, skipped = state["cur"], state["skipped"]
    phrase = text.split("[", 1)[0].strip()
    if text[0] in " \t":
        if cur is None or "[" not in text:
            skipped["unreadable restriction line"] += 1
        else:
            _add_codes(cur, text, skipped)
    elif text[0] == "+":
        if cur is None:
            skipped["synonym outside an entry"] += 1
        else:  # "+A_+B_" is two synonyms
            cur.synonyms.extend(p.strip() for p in phrase.split("+") if words_of(p))
    elif cur is not None and state["adjacent"] and not cur.has_codes():
        # a phrase right below a phrase without codes shares its codes, as in PETRARCH
        cur.synonyms.append(phrase)
        _add_codes(cur, text, skipped)
    else:
        cur = state["cur"] = ActorRecord(n, phrase, note)
        state["records"].append(cur)
        _add_codes(cur, text, skipped)


def parse_actor_file(path: Path) -> tuple[list[ActorRecord], Counter]:
    """Read an actor dictionary.

    Parameters
    ----------
    path : Path
        A ``Phoenix.*.actors.txt`` file or one in its format.

    Returns
    -------
    records : list of ActorRecord
        Entries with at least one code, in file order.
    skipped : Counter
        Lines (or ``[...]`` fields) that could not be read, and entries without any code.
    """
    state = {"records": [], "cur": None, "adjacent": False, "skipped": Counter()}
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for n, raw in enumerate(lines, 1):
        text, _, note = raw.partition("#")
        text = text.split(";", 1)[0].rstrip()  # ';' is the old TABARI comment delimiter
        if not text.strip():
            state["adjacent"] = False
            continue
        if not words_of(text.split("[", 1)[0].lstrip("+")) and text[0] not in " \t":
            state["skipped"]["line without a phrase"] += 1
            continue
        _read_actor_line(text, note, n, state)
        state["adjacent"] = True
    records = [r for r in state["records"] if r.has_codes()]
    state["skipped"]["entry without a code"] += len(state["records"]) - len(records)
    return records, +state["skipped"]
