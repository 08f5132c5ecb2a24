"""Nouns of allies and backers with a state's adjective: "their Russian allies", "its Iranian backers".

The adjective names the state, so the noun stands for it; the possessor (not a person)
gets an ``ally`` or ``backer`` qualifier (the word lists ``lexicon/words/ally.txt`` and
``backer.txt``; rule ``resolve.party-noun:<lemma>``, ``word`` the lemma).

Examples
--------
>>> from kg import parse
>>> rd = parse("Hamas and its Iranian backers condemned the raid.")
>>> rd.actor_at(rd.doc[4])
'iran'
>>> [(q.entity, q.kind, q.other, q.rule) for q in rd.qualifiers]
[('hamas', 'backer', 'iran', 'resolve.party-noun:backer')]
"""

from __future__ import annotations

from .state import Resolution

__all__ = ["party_nouns"]


def party_nouns(st: Resolution) -> None:
    """A state's adjective on a noun of allies or backers names the state, and the possessor
    has it as ally or backer: "Syrian government forces and their Russian allies" (Russia; the
    forces' ally), "Hamas and its Iranian backers" (Hamas's backer Iran)."""
    for tok in st.doc:
        lemma = tok.lemma_.lower()
        kind = ("ally" if lemma in st.lex.word_set("ally")
                else "backer" if lemma in st.lex.word_set("backer") else None)
        if kind is None or tok.pos_ != "NOUN" or tok.i in st.rd.token_actor:
            continue
        states = [e for m in tok.lefts if m.dep_ in {"amod", "compound"} and m.is_title
                  for e in (st.state_of(m),) if e is not None]
        if len(states) != 1 or any(c.dep_ == "appos" for c in tok.children):
            continue  # "his Chinese partner, Fang Yedun": a person, named
        state = states[0]
        st.known(state)
        st.rd.token_actor[tok.i] = state.key
        for poss in (c for c in tok.children if c.dep_ == "poss"):
            owner = st.rd.token_actor.get(poss.i)
            if owner is None and poss.pos_ == "PRON" and tok.dep_ == "conj":
                owner = st.rd.token_actor.get(tok.head.i)  # "Hamas and its Iranian backers": Hamas's
            if owner is not None and owner != state.key and st.rd.entities[owner].type != "Person":
                st.qualify(owner, kind, state.key, poss.i, tok.i + 1, f"resolve.party-noun:{lemma}", word=lemma)
