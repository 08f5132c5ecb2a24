"""A person's state role on the document's date, from the event coders' actor dictionaries.

"President Jacques Chirac said ..." in an article of March 2004: the Phoenix
actor dictionary (:mod:`kg.rolebook`) says Chirac was in France's government from
May 1995 to May 2007, so he is ``partOf`` France, and with a leader's title before
his name (``lexicon/titles.tsv``) ``leaderOf`` France. The same sentence in a 2010
article states neither; an undated document states neither. The rule of each such
relation names the dictionary line (``role:dated:FRAGOV@Phoenix.Countries.actors.txt:16086``).

The state need not be named in the text: it is the gazetteer's entry for the
role's country, which the pipeline adds to the document's entities.

Examples
--------
>>> import datetime
>>> from kg import Document, parse
>>> text = "President Jacques Chirac spoke in Berlin."
>>> rd = parse(text, document=Document("d", text, datetime.date(2004, 3, 1)))
>>> [(r.subject, r.predicate, r.object) for r in dated_role_relations(rd)]
[('jacques-chirac', 'leaderOf', 'france')]
>>> rd = parse(text, document=Document("d", text, datetime.date(2010, 3, 1)))
>>> list(dated_role_relations(rd))
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..gazetteer import load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from ..rolebook import DatedRole, RoleBook, load_rolebook
from .records import evidence

__all__ = ["dated_role_relations"]

#: Roles whose holder, titled as a leader, leads the state (not its army or its courts).
_LEADING_ROLES = frozenset({"GOV"})
#: Confidence of a role read from the dictionary rather than the sentence.
_CONFIDENCE = 0.7


def dated_role_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None,
                         rolebook: RoleBook | None = None) -> Iterator[Relation]:
    """Yield ``partOf`` / ``leaderOf`` between each person named in a dated document and
    the states the actor dictionary gives them a role in on that date."""
    day = rd.document.date
    if day is None or not any(e.type == "Person" for e in rd.entities.values()):
        return
    lex = lexicon or load_lexicon()
    book = rolebook or load_rolebook()
    first: dict[str, Token] = {}
    for tok in rd.doc:
        key = rd.actor_at(tok)
        if key is not None and key not in first and rd.entities[key].type == "Person" and tok.i not in rd.coreferent:
            first[key] = tok
    for key, tok in first.items():
        person = rd.entities[key]
        for role in book.roles_at((person.label, *person.aliases), day):
            state = _state_key(book, role)
            if state is None or state == key:
                continue
            pred = "leaderOf" if role.role in _LEADING_ROLES and _leader_title(rd, tok, lex) else "partOf"
            yield Relation(key, pred, state, _CONFIDENCE,
                           evidence(rd, tok.sent, subject=tok), f"role:dated:{role.code}@{role.origin}")


def _state_key(book: RoleBook, role: DatedRole) -> str | None:
    label = book.country_label(role.country)
    entry = load_gazetteer().lookup(label) if label else None
    return entry.key if entry is not None and entry.type == "State" else None


def _leader_title(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> bool:
    """Whether the words just before a person's name, or the title the resolver took into the
    name, make a leader's title ("President", "Prime Minister"; not "Vice President")."""
    key = rd.actor_at(tok)
    words: list[str] = []
    i = tok.i - 1
    while i >= 0 and rd.actor_at(rd.doc[i]) is None and rd.doc[i].is_alpha and len(words) < 4:
        words.insert(0, rd.doc[i].lower_)
        i -= 1
    j, title_words = tok.i, _title_words(lex)
    while j < len(rd.doc) and rd.actor_at(rd.doc[j]) == key and rd.doc[j].lower_ in title_words:
        words.append(rd.doc[j].lower_)
        j += 1
    for n in range(len(words)):
        pred = lex.titles.get(" ".join(words[n:]))
        if pred is not None:
            return pred == "leaderOf"
    return False


def _title_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(w for title in lex.titles for w in title.split())
