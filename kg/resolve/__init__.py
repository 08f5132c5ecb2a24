"""Mentions to canonical entities, one document at a time.

:func:`resolve` reads a parsed spaCy ``Doc`` and decides which actor each
mention denotes. It merges spelling variants and aliases through the
gazetteer, learns acronyms ("Popular Mobilisation Forces (PMF)") and
names introduced by the text ("a group called X, also known as Y"), keeps
kinds apart (a state, its forces, its officials), links a surname back to
the full name and a definite description ("the group") or a pronoun
("he") to the one antecedent that fits, leaving it alone when unsure.

Resolution only resolves: it makes no relation. What the wording of a mention
states about its entity ("Iraqi officials" are Iraq's, "the U.S. Embassy in
Baghdad" is in Baghdad, "the Iraqi prime minister" holds an office of Iraq) it
records as a :class:`Qualifier`; extraction makes the relation of its kind
(``ontology/lexicon/qualifiers.tsv``, :func:`kg.extract.roles.role_relations`).

The passes, in the order :data:`PASSES` runs them, each a function of the
shared :class:`~kg.resolve.state.Resolution`:

1. :func:`~kg.resolve.names.named_entities` -- the tagger's names: gazetteer
   entries, capitals acting for their state, demonyms, surnames; a unit's number
   ("the 10th Mountain Division"); a place in a facility's name (``place``
   qualifier); a name that names its owner ("Iran's Revolutionary Guards":
   ``owner`` qualifier, added with every mention).
2. :func:`~kg.resolve.units.unit_names` -- unit names, task forces and warships
   the tagger missed ("the 158th Fighter Wing", "Task Force 58", "USS Carney").
3. :func:`~kg.resolve.introductions.introductions` -- acronyms in brackets,
   "called X", "also known as Y", appositives that type an actor or make it a
   state's body (``state`` qualifier).
4. :func:`~kg.resolve.introductions.named_entities_again` -- later bare mentions
   of what was learnt ("the PMF").
5. :func:`~kg.resolve.untagged.untagged_names` -- names the tagger missed that take part
   in a clause ("Police arrested Yusuf Abdi").
6. :func:`~kg.resolve.names.hyphened_demonyms` -- "Turkish-backed": the state.
7. :func:`~kg.resolve.nouns.noun_phrases` -- "U.S. troops", "Iraqi officials"
    (``state`` qualifier), "pro-Russian forces", "Hezbollah guerrillas",
    "Western nations".
8. :func:`~kg.resolve.titles.title_nouns` -- a title standing for its holder
    ("the Iraqi prime minister": ``office`` qualifier; "The Foreign Secretary").
9. :func:`~kg.resolve.coreference.coreference` -- pronouns and definite
    descriptions to their antecedent; then :func:`~kg.resolve.nouns.owned_by_reference`
    reads "the country's junta" as it read "Mali's junta".
10. :func:`~kg.resolve.participants.generic_participants` -- unnamed people and
    forces that take part in a clause ("gunmen", "police", "protesters").
11. :func:`~kg.resolve.sites.unnamed_sites` -- the unnamed hotel, hospital,
    village or ship a clause acts on ("stormed a hotel").
12. :func:`~kg.resolve.pronouns.pronouns_across_sentences` -- "they", "them", "it"
    to the one group or organisation in reach ("Houthi rebels attacked a ship. Iran
    denied arming them.").
13. :func:`~kg.resolve.parties.party_nouns` -- "their Russian allies", "its
    Iranian backers" (``ally``/``backer`` qualifiers).

The result is a :class:`ResolvedDoc`: the entities of the document, a map from
token index to entity key, the mentions, what refers back, and the qualifiers,
which extraction reads.

Examples
--------
>>> from kg.nlp import load_pipeline
>>> from kg.model import Document
>>> text = "The Popular Mobilisation Forces (PMF) met U.S. troops. The PMF left."
>>> rd = resolve(load_pipeline()(text), Document("d", text))
>>> sorted(rd.entities)
['popular-mobilization-forces', 'united-states', 'us-forces']
>>> rd.actor_at(rd.doc[-3])
'popular-mobilization-forces'
>>> [(q.entity, q.kind, q.other, q.rule) for q in rd.qualifiers]
[('us-forces', 'state', 'united-states', 'resolve.state-noun')]
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from ..gazetteer import Gazetteer, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..model import Document
from .coreference import coreference
from .introductions import introductions, named_entities_again
from .names import hyphened_demonyms, named_entities
from .nouns import noun_phrases, owned_by_reference
from .participants import generic_participants, is_participant
from .parties import party_nouns
from .pronouns import pronouns_across_sentences
from .sites import unnamed_sites
from .state import Qualifier, Resolution, ResolvedDoc
from .titles import title_nouns
from .units import unit_names
from .untagged import untagged_names

__all__ = ["PASSES", "Qualifier", "ResolvedDoc", "is_participant", "resolve"]

#: The passes of resolution, in order (see the package docstring).
PASSES: tuple[Callable[[Resolution], None], ...] = (
    named_entities,
    unit_names,
    introductions,
    named_entities_again,
    untagged_names,
    hyphened_demonyms,
    noun_phrases,
    title_nouns,
    coreference,
    owned_by_reference,
    generic_participants,
    unnamed_sites,
    pronouns_across_sentences,
    party_nouns,
)


def resolve(
    doc: Doc,
    document: Document,
    *,
    offset: int = 0,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
) -> ResolvedDoc:
    """Resolve the mentions of one parsed document (or segment of it).

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The parsed text, from :func:`kg.nlp.load_pipeline`.
    document : Document
        The document it came from (for provenance).
    offset : int
        Where ``doc`` starts in ``document.text``.
    gazetteer, lexicon : optional
        Replace the shipped data.

    Returns
    -------
    ResolvedDoc
        The document's entities, token-to-entity map, mentions, references back and
        qualifiers, after every pass of :data:`PASSES`.
    """
    state = Resolution(doc, document, offset, gazetteer or load_gazetteer(), lexicon or load_lexicon())
    for run in PASSES:
        run(state)
    return state.rd
