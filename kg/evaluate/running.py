"""Running kg over gold sentences, and :func:`evaluate`: read, run, score."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from .gold import detect_scheme, read_gold
from .records import GoldSentence, Prediction, Report
from .schemes import SCHEMES
from .scoring import score

__all__ = ["evaluate", "predict"]


#: A gold id that numbers a sentence of a document: ``"<document id>:<n>"`` (the shared sets).
_SENTENCE_ID = re.compile(r"^(?P<doc>.+):(?P<n>\d+)$")


def _documents(sentences: Iterable[GoldSentence], context: str) -> Iterator[list[GoldSentence]]:
    """Group gold sentences into the documents kg reads them in.

    With ``context="document"``, consecutive sentences whose ids number the sentences of one
    document (``"D:0"``, ``"D:1"``...) are read together, as kg reads an article, so that
    "we", "the group" or a title can refer back to an earlier sentence; any other sentence
    is a document of its own. With ``context="sentence"`` every sentence stands alone.

    >>> ids = ["a:0", "a:1", "b:0", "x", "a:2"]
    >>> [[s.id for s in d] for d in _documents([GoldSentence(i, "...") for i in ids], "document")]
    [['a:0', 'a:1'], ['b:0'], ['x'], ['a:2']]
    """
    group: list[GoldSentence] = []
    last: tuple[str, int] | None = None
    for sent in sentences:
        m = _SENTENCE_ID.match(sent.id) if context == "document" else None
        here = (m["doc"], int(m["n"])) if m else None
        if group and not (here and last and here[0] == last[0] and here[1] > last[1]):
            yield group
            group = []
        group.append(sent)
        last = here
    if group:
        yield group


def predict(sentences: Iterable[GoldSentence], *, model: str | None = None,
            batch_size: int = 64, context: str = "sentence") -> Iterator[tuple[str, list[Prediction]]]:
    """Run kg over the sentences and yield ``(id, predictions)`` for each.

    With ``context="document"``, sentences of one document (see :func:`_documents`) are
    joined by line breaks into one
    :class:`~kg.model.Document` (a line break always starts a sentence in kg), and each
    relation is given back to the gold sentence its evidence lies in; an actor's names are
    its label, its aliases and its surface forms in that sentence. The documents go to
    :func:`kg.pipeline.process` as one lazy stream, so the model is loaded once and spaCy
    parses them in batches. Negated relations (kept by kg as statements that do *not*
    hold) assert nothing and are left out. Alleged relations (what an accuser says
    someone did: no direct triple in kg's RDF) are predictions: the gold sets annotate
    the act an accusation names ("accused X of attacking Y": X attacked Y), and leaving
    them out costs two right pairs on kg's gold set for one wrong pair less on PLOVER dev.

    Examples
    --------
    >>> sid, preds = next(predict([GoldSentence("s", "Iran condemned Israel.")]))
    >>> sid, [(p.subject, p.predicate, p.object) for p in preds]
    ('s', [('iran', 'condemned', 'israel')])
    """
    from ..model import Document
    from ..pipeline import process

    if context not in {"document", "sentence"}:
        raise ValueError(f"context is 'document' or 'sentence', not {context!r}")
    groups: list[list[tuple[GoldSentence, int, int]]] = []

    def docs() -> Iterator[Document]:
        for n, group in enumerate(_documents(sentences, context)):
            placed, offset = [], 0
            for sent in group:
                placed.append((sent, offset, offset + len(sent.text)))
                offset += len(sent.text) + 1
            groups.append(placed)
            yield Document(f"{n}", "\n".join(sent.text for sent in group))

    for result in process(docs(), model=model, batch_size=batch_size):
        yield from _sentence_predictions(result, groups[int(result.document.id)])


def _sentence_predictions(result, placed: list[tuple[GoldSentence, int, int]]
                          ) -> Iterator[tuple[str, list[Prediction]]]:
    """The predictions of each gold sentence placed in one document kg read: the relations
    whose evidence starts in the sentence, negated ones left out."""
    entities = {e.key: e for e in result.entities}
    for sent, start, end in placed:
        surfaces: dict[str, list[str]] = defaultdict(list)
        for mention in result.mentions:
            if start <= mention.start < end:
                surfaces[mention.entity].append(mention.text)

        def names(key: str) -> tuple[str, ...]:
            ent = entities.get(key)
            base = (ent.label, *ent.aliases) if ent else (key.replace("-", " "),)
            return tuple(dict.fromkeys((*base, *surfaces.get(key, ()))))

        preds = [Prediction(r.subject, r.predicate, r.object, names(r.subject), names(r.object), r.rule,
                            _within_one_name(r), r.plover)
                 for r in result.relations
                 if not getattr(r, "negated", False) and start <= r.evidence.start < end]
        yield sent.id, preds


#: Rules that read a relation from the parts of one name: "the government of Iraq"
#: (Iraqi government partOf Iraq), "Iraqi President Fuad Masum" (leaderOf Iraq).
_WITHIN_ONE_NAME = ("resolve.", "role:title:")


def _within_one_name(rel) -> bool:
    return rel.rule.startswith(_WITHIN_ONE_NAME)


def evaluate(path: str | os.PathLike[str], *, model: str | None = None,
             scheme: str | None = None, batch_size: int = 64,
             context: str = "sentence") -> tuple[Report, list[GoldSentence]]:
    """Read a gold file, run kg over its sentences and score the result.

    ``context`` says whether every sentence is read alone (``"sentence"``, the default) or
    sentences numbered as one document's (``"D:0"``, ``"D:1"``) together (``"document"``, as
    kg reads an article).
    Returns the report and the gold sentences (for printing errors).
    """
    gold = read_gold(path)
    chosen = SCHEMES[scheme] if scheme else detect_scheme(gold)
    preds = dict(predict(gold, model=model, batch_size=batch_size, context=context))
    return score(gold, preds, scheme=chosen), gold
