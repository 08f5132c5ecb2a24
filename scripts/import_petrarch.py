"""Convert the PETRARCH2 / Phoenix event-coding dictionaries to kg data files.

Usage::

    python scripts/import_petrarch.py [PETRARCH_DIR] [-o ontology/petrarch]

PETRARCH_DIR (default ``../shared/third_party/petrarch2`` beside the repository)
holds the MIT-licensed dictionaries of openeventdata/petrarch2 at commit
676801cd9cb2924bbbad09f86d15c9323e7097bf: ``CAMEO.2.0.txt``, ``Phoenix.agents.txt``,
``Phoenix.{Countries,International,MilNonState}.actors.txt`` and ``LICENSE``.
The output directory receives ``LICENSE``, ``verbs.tsv``, ``agents.tsv``,
``actors.jsonl`` and ``countries.tsv``. Output is deterministic: same input,
byte-identical files (sorted rows, no timestamps).

- ``verbs.tsv``: one row per verb, and per verb x pattern of its block, with the kg
  relation its CAMEO code maps to (:func:`predicate_for`; codes of no kg relation,
  null codes and patterns with pre-verb content give no row).
- ``agents.tsv``: generic agent nouns with the kg class of their role code
  (:data:`AGENT_CLASSES`).
- ``actors.jsonl`` and ``countries.tsv``: named actors with their dated roles;
  countries (and dependencies such as Gibraltar, GBRGIB) of the countries file.
  Two-digit years 00-30 are 20xx, others 19xx (as PETRARCH reads them).

The parsers are in ``petrarch_format.py`` and ``petrarch_actors.py`` beside this script.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

sys.path.insert(0, str(Path(__file__).resolve().parent))
import petrarch_actors as pa  # noqa: E402
import petrarch_format as pf  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO.parent / "shared" / "third_party" / "petrarch2"
DEFAULT_OUTPUT = REPO / "ontology" / "petrarch"
ONTOLOGY = REPO / "ontology" / "kg.ttl"
COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
SOURCE = (f"These files are derived from the PETRARCH2/Phoenix dictionaries (openeventdata/petrarch2, "
          f"commit {COMMIT}) by scripts/import_petrarch.py.")
KGO = rdflib.Namespace("https://w3id.org/newskg/ontology#")
EXCLUDED_PROPERTIES = frozenset({"claimedResponsibilityFor"})  # links an actor to an event
ACTOR_FILES = (("Phoenix.Countries.actors.txt", "person"), ("Phoenix.International.actors.txt", "organization"),
               ("Phoenix.MilNonState.actors.txt", "group"))

# The kg class of an agent noun, from the first three letters of its role code
# (CAMEO actor codebook; dictionaries.rst). Codes not listed give kgo:Collective.
AGENT_CLASSES = {
    "GovernmentBody": "GOV LEG JUD ELI",  # government, legislature, judiciary, elites and officials
    "MilitaryForce": "MIL COP SPY",  # state forces: military, police, intelligence
    "ArmedGroup": "REB INS UAF SEP IMG",  # rebels, insurgents, unidentified armed forces, separatists, militant groups
    "InternationalOrganization": "IGO",
    "Organization": "NGO NGM MNC BUS MED EDU HLH LAB PTY OPP ENV HRI DEV REL CHR MUS MOS JEW HIN BUD BAH",
    "Collective": "CVL REF AGR PPL CRM RAD",  # civilians, refugees, farmers, people, criminals, radicals
}
CLASS_OF_ROLE = {code: cls for cls, codes in AGENT_CLASSES.items() for code in codes.split()}
# Words that make a Countries-file entry without a "CountryInfo" note an organisation, not a person.
ORG_WORDS = frozenset(
    "administration agency army assembly authority bank brigade brigades bundesrat bureau cabinet command commission "
    "committee congress council court department directorate forces front government guard house intelligence "
    "league ministry movement office organization palace parliament party police politburo presidency "
    "senate service street union".split())


# ---------------------------------------------------------------- CAMEO code -> kg relation


@dataclass(frozen=True)
class CameoProperty:
    """A kg relation property with its CAMEO codes, whether it has a PLOVER class, and its super-properties."""

    name: str
    codes: frozenset[str]
    plover: bool
    supers: frozenset[str]


def load_cameo_properties(ttl: Path = ONTOLOGY) -> list[CameoProperty]:
    """The ``owl:ObjectProperty`` terms of the kg ontology that carry ``kgo:cameoCode``.

    ``kgo:claimedResponsibilityFor`` is left out: it links an actor to an event.
    """
    g = rdflib.Graph().parse(ttl, format="turtle")
    props = []
    for p in sorted(set(g.subjects(RDF.type, OWL.ObjectProperty))):
        name = str(p).removeprefix(str(KGO))
        codes = frozenset(str(c) for c in g.objects(p, KGO.cameoCode))
        if codes and name not in EXCLUDED_PROPERTIES:
            supers = frozenset(str(s).removeprefix(str(KGO)) for s in g.objects(p, RDFS.subPropertyOf))
            props.append(CameoProperty(name, codes, (p, KGO.ploverClass, None) in g, supers))
    return props


def predicate_for(code: str, props: list[CameoProperty]) -> str | None:
    """The kg relation of a CAMEO code: the property whose cameoCode is its longest prefix.

    Ties go to (a) a property with a PLOVER class, then (b) one that is no
    sub-property of another tied candidate, then (c) the alphabetically first.
    None when no cameoCode is a prefix of the code.
    """
    best = max((len(c) for p in props for c in p.codes if code.startswith(c)), default=0)
    tied = [p for p in props if any(len(c) == best and code.startswith(c) for c in p.codes)]
    if not tied:
        return None
    names = {p.name for p in tied}
    ranked = sorted(tied, key=lambda p: (not p.plover, bool(p.supers & names), p.name))
    return ranked[0].name


# ---------------------------------------------------------------- rows


def _pattern_rows(block: pf.Block, synsets: dict, props: list[CameoProperty], skipped: Counter) -> list[tuple]:
    """Rows of a block's patterns, each applied to every verb of the block."""
    rows = []
    for line, body in block.patterns:
        try:
            pattern = pf.parse_pattern(body, synsets)
        except pf.ParseSkip as e:
            skipped[str(e)] += 1
            continue
        predicate = predicate_for(pattern.code, props)
        if predicate is None:
            skipped["code of no kg relation"] += 1
            continue
        for verb in block.verbs:
            if verb.particle != "-" and pattern.particle != "-":
                continue  # a phrasal verb under a pattern with a particle of its own
            particle = pattern.particle if verb.particle == "-" else verb.particle
            rows += [(verb.lemma, particle, noun, pattern.prep, pattern.code, predicate, f"CAMEO.2.0.txt:{line}")
                     for noun in pattern.nouns]
    return rows


def _verb_rows(block: pf.Block, props: list[CameoProperty], skipped: Counter) -> list[tuple]:
    """Rows of a block's verbs alone: noun and preposition ``-``, the verb's code or the block's."""
    rows = []
    for verb in block.verbs:
        try:
            code = pf.first_code(verb.code if verb.code is not None else block.code)
        except pf.ParseSkip as e:
            skipped[f"verb: {e}"] += 1
            continue
        predicate = predicate_for(code, props)
        if predicate is None:
            skipped["verb: code of no kg relation"] += 1
            continue
        rows.append((verb.lemma, verb.particle, "-", "-", code, predicate, f"CAMEO.2.0.txt:{verb.line}"))
    return rows


def verb_rows(vd: pf.VerbDictionary, props: list[CameoProperty]) -> tuple[list[tuple], Counter]:
    """All verbs.tsv rows, deduplicated on (lemma, particle, noun, prep, predicate) keeping the first, sorted.

    Returns
    -------
    rows : list of tuple
        (lemma, particle, noun, prep, code, predicate, origin).
    skipped : Counter
        Lines that gave no row, by reason (the reader's and the mapping's).
    """
    skipped = Counter(vd.skipped)
    seen: dict[tuple, tuple] = {}
    for block in vd.blocks:
        for row in _verb_rows(block, props, skipped) + _pattern_rows(block, vd.synsets, props, skipped):
            seen.setdefault(row[:4] + row[5:6], row)
    return sorted(seen.values()), skipped


def agent_rows(agents: list[pa.Agent]) -> list[tuple]:
    """agents.tsv rows (noun, plural, code, class, origin), first of each (noun, code), sorted."""
    seen: dict[tuple, tuple] = {}
    for a in agents:
        cls = CLASS_OF_ROLE.get(a.code[:3], "Collective")
        seen.setdefault((a.noun, a.code), (a.noun, a.plural, a.code, cls, f"Phoenix.agents.txt:{a.line}"))
    return sorted(seen.values())


def place_code(record: pa.ActorRecord) -> str | None:
    """The code of a country or dependency entry: a country part and no role part.

    The entry's default code is used, else the code of its latest role (an open end
    counts as latest): ``AFGHANISTAN_ [AFG]`` gives AFG, Iraq's ``[IRQ >20060520]``
    gives IRQ, ``GIBRALTAR_ [GBRGIB]`` gives GBRGIB; ``[AFGMIL]`` gives None.
    """
    if record.default is not None:
        code = record.default
    elif record.roles:
        code = max(record.roles, key=lambda r: (r.end is None, r.end or "", r.start or "")).code
    else:
        return None
    country, role = pa.split_code(code)
    return code if country and role is None and len(code) in (3, 6) and code.isalpha() else None


def actor_kind(record: pa.ActorRecord, file_kind: str, label: str) -> str:
    """person, organization or group (countries are found by :func:`place_code`).

    An entry with dated roles in the international or non-state file is a person
    (a secretary-general, a leader). In the countries file an entry is a person
    when noted "CountryInfo" (the leader lists) or named without any of
    :data:`ORG_WORDS` in more than one word.
    """
    if file_kind != "person":
        return "person" if any(r.start or r.end for r in record.roles) else file_kind
    words = label.lower().split()
    if "CountryInfo" in record.note or (len(words) > 1 and not set(words) & ORG_WORDS):
        return "person"
    return "organization"


def slug(label: str) -> str:
    """ASCII lower-case key of a label, words joined by '-'."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_label.lower()).strip("-") or "actor"


def _aliases(record: pa.ActorRecord, label: str) -> list[str]:
    """Title-cased synonyms in file order, without repeats or the label itself."""
    out: list[str] = []
    for s in record.synonyms:
        alias = pf.title_case(s)
        if alias and alias.lower() != label.lower() and alias not in out:
            out.append(alias)
    return out


def actor_object(record: pa.ActorRecord, file_name: str, file_kind: str) -> dict:
    """The actors.jsonl object of an entry (without its key)."""
    label = pf.title_case(record.phrase)
    is_country = file_name == ACTOR_FILES[0][0] and place_code(record) is not None
    roles = []
    for r in record.roles:
        country, role = pa.split_code(r.code)
        roles.append({"code": r.code, "country": country, "role": role, "start": r.start, "end": r.end})
    return {"key": None, "label": label, "aliases": _aliases(record, label),
            "kind": "country" if is_country else actor_kind(record, file_kind, label),
            "code": record.default, "roles": roles, "origin": f"{file_name}:{record.line}"}


def actor_objects(src: Path) -> tuple[list[dict], list[tuple], Counter]:
    """actors.jsonl objects (sorted by key) and countries.tsv rows of the three actor files.

    Keys are label slugs, made unique with "-2", "-3"... in file order. Every entry
    of the countries file with a :func:`place_code` is of kind "country"; countries.tsv
    has one row per code, from the entry that has it as default code, else the first.
    """
    objects, candidates, skipped, keys = [], {}, Counter(), Counter()
    for file_name, file_kind in ACTOR_FILES:
        records, file_skipped = pa.parse_actor_file(src / file_name)
        skipped.update(file_skipped)
        for record in records:
            obj = actor_object(record, file_name, file_kind)
            base = slug(obj["label"])
            keys[base] += 1
            obj["key"] = base if keys[base] == 1 else f"{base}-{keys[base]}"
            objects.append(obj)
            if obj["kind"] == "country":
                code = place_code(record)
                aliases = ",".join(a for a in obj["aliases"] if "," not in a)
                candidates.setdefault(code, []).append((record.default != code, record.line,
                                                        (code, obj["label"], aliases, obj["origin"])))
    countries = sorted(min(c)[2] for c in candidates.values())
    return sorted(objects, key=lambda o: o["key"]), countries, skipped


# ---------------------------------------------------------------- output


def header(what: str, columns: list[str]) -> list[str]:
    """Comment lines heading a TSV file: contents, columns, source and licence."""
    return [f"# {what}", f"# columns: {' | '.join(columns)}", f"# {SOURCE}",
            "# Licence: MIT, Copyright (c) 2014 Open Event Data Alliance; see LICENSE in this directory."]


VERB_DOC = [
    "# lemma: base form of the verb; particle: of a phrasal verb ('beef up') or of the pattern ('set OUT'), '-' if none.",
    "# noun: head of the pattern's object noun (singular; synsets expanded), '-' for the verb alone or none.",
    "# prep: first preposition after the verb in the pattern ('* SANCTIONS (ON)' -> on), '-' if none;",
    "#   the words after it (the preposition's own object) are not kept.",
    "# code: CAMEO code (first side of a two-sided code); predicate: kg relation (kgo:) the code maps to,",
    "#   by longest cameoCode prefix in ontology/kg.ttl; origin: file:line of the verb or pattern line.",
]


def write_tsv(path: Path, comments: list[str], rows: list[tuple]) -> None:
    """Write comment lines, then tab-separated rows, with LF line ends."""
    lines = comments + ["\t".join(str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def write_license(src: Path, out: Path) -> None:
    """Copy the MIT notice of the input, preceded by a line on where the files come from."""
    notice = (src / "LICENSE").read_text(encoding="utf-8").strip("\n")
    (out / "LICENSE").write_text(f"{SOURCE}\n\n{notice}\n", encoding="utf-8", newline="\n")


def _summary(name: str, rows: int, skipped: Counter) -> str:
    """One line: rows written and lines skipped, with the reasons."""
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{name}: {rows} rows written, {sum(skipped.values())} lines skipped" + (f" ({reasons})" if reasons else "")


def convert(src: Path, out: Path, ontology: Path = ONTOLOGY) -> list[str]:
    """Convert the dictionaries in ``src`` into ``out``; return one summary line per file."""
    out.mkdir(parents=True, exist_ok=True)
    write_license(src, out)
    verbs, verb_skipped = verb_rows(pf.parse_verb_dictionary(src / "CAMEO.2.0.txt"), load_cameo_properties(ontology))
    write_tsv(out / "verbs.tsv", header("Verb patterns of the CAMEO verb dictionary mapped to kg relations.",
                                        ["lemma", "particle", "noun", "prep", "code", "predicate", "origin"])
              + VERB_DOC, verbs)
    agents, agent_skipped = pa.parse_agents(src / "Phoenix.agents.txt")
    agent_table = agent_rows(agents)
    classes = "; ".join(f"{c}: {codes}" for c, codes in AGENT_CLASSES.items())
    write_tsv(out / "agents.tsv", header("Generic agent nouns of the Phoenix agent dictionary.",
                                         ["noun", "plural", "code", "class", "origin"])
              + [f"# class (kgo:) by the first three letters of code, others Collective: {classes}"], agent_table)
    actors, countries, actor_skipped = actor_objects(src)
    with (out / "actors.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        f.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in actors)
    write_tsv(out / "countries.tsv", header("Countries (CAMEO code of three letters) and dependencies (six: GBRGIB) "
                                            "of the Phoenix countries actor file.", ["code", "label", "aliases", "origin"])
              + ["# aliases: comma-separated; those with a comma of their own are only in actors.jsonl."], countries)
    return [_summary("verbs.tsv", len(verbs), verb_skipped), _summary("agents.tsv", len(agent_table), agent_skipped),
            _summary("actors.jsonl", len(actors), actor_skipped), _summary("countries.tsv", len(countries), Counter())]


def main(argv: list[str] | None = None) -> int:
    """Command line: ``import_petrarch.py [PETRARCH_DIR] [-o OUT] [--ontology KG_TTL]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("petrarch_dir", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--ontology", type=Path, default=ONTOLOGY, help="kg ontology with kgo:cameoCode")
    args = parser.parse_args(argv)
    for line in convert(args.petrarch_dir, args.output, args.ontology):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
