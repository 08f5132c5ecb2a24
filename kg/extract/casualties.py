"""An attack's casualties as numbers: killed N, wounded M.

"Gunmen stormed a hotel, killing five people and wounding 12": the attack is the
storming, and the killing and the wounding are what it resulted in, not attacks
of their own. A verb that counts casualties (``lexicon/casualties.tsv``: kill ->
killed, wound -> wounded) gives its count from the number on its object ("five
people", "at least 20", "12 of them"), or on its subject when it is passive ("12
people were killed in the attack"). Number words are data (``lexicon/numbers.tsv``).

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> rd = parse("Gunmen stormed a hotel, killing five people and wounding 12 others.")
>>> casualties(rd.doc[1], load_lexicon())
(5, 12)
>>> number_of("1,200", load_lexicon()), number_of("twenty-five", load_lexicon())
(1200, 25)
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import Lexicon

__all__ = ["casualties", "counts_casualties", "number_of"]

#: How a casualty verb hangs on the attack it results from ("stormed ..., killing five").
_RESULT_DEPS = frozenset({"advcl", "conj", "xcomp"})


def number_of(text: str, lex: Lexicon) -> int | None:
    """The value of a number as written: digits ("1,200") or words ("twenty-five", "two dozen")."""
    plain = text.replace(",", "")
    if plain.isdigit():
        return int(plain)
    total, current = 0, 0
    for word in text.lower().replace("-", " ").split():
        value = lex.numbers.get(word)
        if value is None:
            return None
        if value in (100, 1000, 12) and word != "twelve":  # "two hundred", "two dozen"
            current = max(current, 1) * value
            if value == 1000:
                total, current = total + current, 0
        else:
            current += value
    return total + current or None


def _count(noun: Token, lex: Lexicon) -> int | None:
    """The number a noun phrase counts: "five people", "at least 20 civilians", "12"."""
    if noun.like_num:
        return number_of(noun.text, lex)
    nums = [c for c in noun.children if c.dep_ == "nummod" and c.like_num]
    if not nums:
        return None
    words = " ".join(t.text for c in nums for t in sorted((c, *(g for g in c.children if g.like_num)),
                                                          key=lambda t: t.i))
    return number_of(words, lex)


def counts_casualties(verb: Token, lex: Lexicon) -> str | None:
    """"killed" or "wounded" for a verb that counts casualties, else ``None``."""
    return lex.casualties.get(verb.lemma_.lower())


def _counted(verb: Token, lex: Lexicon) -> int | None:
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    deps = {"nsubjpass"} if passive else {"dobj", "obj"}
    return next((n for c in verb.children if c.dep_ in deps for n in (_count(c, lex),) if n is not None), None)


def casualties(anchor: Token, lex: Lexicon) -> tuple[int | None, int | None]:
    """The people an attack killed and wounded, from its trigger (verb or noun): the
    casualty verbs it governs or is governed by, with their counts."""
    verbs = [c for c in anchor.children if c.dep_ in _RESULT_DEPS and counts_casualties(c, lex)]
    verbs += [g for v in list(verbs) for g in v.children if g.dep_ == "conj" and counts_casualties(g, lex)]
    if counts_casualties(anchor, lex):
        verbs.insert(0, anchor)
    head = anchor.head
    if anchor.dep_ == "pobj" and head.dep_ == "prep" and counts_casualties(head.head, lex):
        verbs.append(head.head)  # "12 people were killed in the attack"
    found: dict[str, int] = {}
    for verb in verbs:
        kind, n = counts_casualties(verb, lex), _counted(verb, lex)
        if n is not None and kind not in found:
            found[kind] = n
    return found.get("killed"), found.get("wounded")
