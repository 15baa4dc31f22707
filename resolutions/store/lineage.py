"""The writer of agreed language (``resolutions.models.lineage``): series steps, paragraph links, signatures.

Derived data, recomputed from the paragraphs: ``lineage_refresh`` after an import (the resolutions it
wrote, their series' neighbours, and the series of their body), ``lineage_rebuild`` for the whole archive
(``manage.py lineage rebuild``). Each write is one transaction, so a reader sees the old lineage or the new,
never half of one.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
from collections.abc import Collection, Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import connection, transaction
from django.db.models import F

from resolutions.lineage.align import Alignment, align
from resolutions.lineage.near import signature
from resolutions.lineage.series import Member, Step, series_steps
from resolutions.models import (
    Citation,
    Paragraph,
    ParagraphLink,
    ParagraphSignature,
    Resolution,
    SeriesStep,
    WordingBand,
)

logger = logging.getLogger(__name__)

_COPY = "COPY {table} (paragraph_id, text_hash, bands, words, wording, characters) FROM STDIN"
SIGNATURE_BATCH = 2_000  # paragraphs a worker signs at a time


@dataclass
class LineageTally:
    """What a refresh or rebuild wrote, for its report."""

    series: int = 0
    steps: int = 0
    aligned: int = 0
    links: int = 0
    signatures: int = 0
    relations: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        relations = ", ".join(f"{count} {name}" for name, count in sorted(self.relations.items()))
        return (
            f"{self.series} series of {self.steps} resolutions; {self.aligned} resolutions aligned with their "
            f"predecessor ({self.links} paragraph links: {relations or 'none'}); {self.signatures} signatures"
        )


# ---------------------------------------------------------------- the services


def lineage_rebuild(*, workers: int | None = None, progress=None) -> LineageTally:
    """Recompute every series, every paragraph link and every signature of the archive."""
    tally = LineageTally()
    _signatures_rebuild(tally, workers=workers or min(2, os.cpu_count() or 1), progress=progress)
    steps = _steps_write(_members(), tally)
    with transaction.atomic():
        transaction.on_commit(_lineage_version_advance)
        ParagraphLink.objects.all().delete()
        for step in steps:
            if step.predecessor is not None:
                _links_write(step.member.id, step.predecessor.id, tally)
    return tally


def lineage_refresh(*, resolution_ids: Collection[int]) -> LineageTally:
    """After an import: the signatures of the resolutions written, the series of their bodies, and the links
    of every resolution whose predecessor, own text or predecessor's text changed."""
    tally = LineageTally()
    if not resolution_ids:
        return tally
    with transaction.atomic():
        # Pages show a paragraph's history: the version that keys cached pages moves on after this commits.
        transaction.on_commit(_lineage_version_advance)
        _signatures_refresh(resolution_ids, tally)
        bodies = set(Resolution.objects.filter(pk__in=resolution_ids).values_list("body_id", flat=True))
        before = dict(
            SeriesStep.objects.filter(resolution__body_id__in=bodies).values_list("resolution_id", "predecessor_id")
        )
        steps = _steps_write(_members(body_ids=bodies), tally, body_ids=bodies)
        for step in steps:
            member, predecessor = step.member.id, step.predecessor.id if step.predecessor else None
            changed = before.get(member) != predecessor
            if changed or member in resolution_ids or predecessor in resolution_ids:
                _links_delete("p.resolution_id = %s", [member])
                if predecessor is not None:
                    _links_write(member, predecessor, tally)
        # Resolutions that left every series keep no links.
        in_series = {step.member.id for step in steps}
        _links_delete(
            "p.resolution_id IN (SELECT id FROM resolutions_resolution WHERE body_id = ANY(%s))"
            " AND NOT p.resolution_id = ANY(%s)",
            [list(bodies), list(in_series)],
        )
    return tally


def _links_delete(condition: str, params: list) -> None:
    """Delete the paragraph links of the paragraphs ``condition`` (on ``p``, the paragraph) names: one join,
    not Django's "IN (subquery)", which on tables whose statistics lag a large import took minutes."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM resolutions_paragraphlink AS l USING resolutions_paragraph AS p"
            f" WHERE l.paragraph_id = p.id AND {condition}",
            params,
        )


# Agreed language's version (migration 0024), as the page cache reads it beside the search data version
# (``resolutions.web.page_cache._versions``): every write of series, links and signatures advances it. Not the
# search data version: the search index holds no agreed language, and would look stale (searches refused until
# it is rebuilt) if these writes moved that one.
LINEAGE_VERSION_COLUMNS = "lineage_version.last_value, lineage_version.is_called"


def lineage_version_of(value: int, called: bool) -> int:
    return value if called else 0  # a new sequence reads 1 before its first advance and after it


def _lineage_version_advance() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('resolutions_lineage_version')")


def lineage_after_import(*, resolution_ids: Collection[int]) -> None:
    """The import service's call: refresh the lineage of what it wrote. The import itself is committed by
    then, so a failure here is logged (naming the command that repairs it) rather than undoing it."""
    try:
        lineage_refresh(resolution_ids=resolution_ids)
    except Exception:
        logger.exception("agreed language not refreshed after an import; run `manage.py lineage rebuild`")


# ---------------------------------------------------------------- series


def _number_order(symbol: str) -> tuple[int, str]:
    numbers = re.findall(r"\d+", symbol)
    return (int(numbers[-1]) if numbers else 0, symbol)


def _members(*, body_ids: Iterable[int] | None = None) -> tuple[list[Member], list[tuple[int, int]]]:
    resolutions = Resolution.objects.all()
    citations = Citation.objects.filter(kind=Citation.RESOLUTION, target__isnull=False)
    if body_ids is not None:
        resolutions = resolutions.filter(body_id__in=body_ids)
        citations = citations.filter(resolution__body_id__in=body_ids)
    members = [
        Member(pk, symbol, body, session, _number_order(symbol), title)
        for pk, symbol, body, session, title in resolutions.values_list(
            "pk", "symbol", "body__code", "session_sort", "title"
        ).order_by()
    ]
    pairs = list(citations.exclude(target_id=F("resolution_id")).values_list("resolution_id", "target_id").distinct())
    return members, pairs


def _steps_write(
    found: tuple[list[Member], list[tuple[int, int]]], tally: LineageTally, *, body_ids=None
) -> list[Step]:
    members, citations = found
    steps = series_steps(members, citations)
    with transaction.atomic():
        stale = SeriesStep.objects.all()
        if body_ids is not None:
            stale = stale.filter(resolution__body_id__in=body_ids)
        stale.delete()
        SeriesStep.objects.bulk_create(
            SeriesStep(
                resolution_id=step.member.id,
                series=step.series,
                position=step.position,
                predecessor_id=step.predecessor.id if step.predecessor else None,
                joined_by=step.joined_by,
            )
            for step in steps
        )
    tally.steps += len(steps)
    tally.series += len({step.series for step in steps})
    return steps


# ---------------------------------------------------------------- paragraph links


def aligned_paragraphs(earlier: list[Paragraph], later: list[Paragraph]) -> Alignment:
    """The alignment of two resolutions' paragraphs (in document order), by text."""
    return align([p.text for p in earlier], [p.text for p in later])


def _links_write(member_id: int, predecessor_id: int, tally: LineageTally) -> None:
    earlier = list(Paragraph.objects.filter(resolution_id=predecessor_id).only("id", "text").order_by("order"))
    later = list(Paragraph.objects.filter(resolution_id=member_id).only("id", "text").order_by("order"))
    alignment = aligned_paragraphs(earlier, later)
    rows = [
        ParagraphLink(
            paragraph_id=later[j].id,
            predecessor_id=earlier[i].id if link.old else None,
            relation=link.relation,
            moved=link.moved,
            similarity=round(max(0.0, min(1.0, link.similarity)), 4),
        )
        for link in alignment.links
        for j in link.new
        for i in (link.old or (None,))
    ]
    ParagraphLink.objects.bulk_create(rows)
    tally.aligned += 1
    tally.links += len(rows)
    for row in rows:
        tally.relations[row.relation] = tally.relations.get(row.relation, 0) + 1


# ---------------------------------------------------------------- signatures


SignatureRow = tuple[int, int, list[int], int, str, int]


def _signature_row(item: tuple[int, str]) -> SignatureRow:
    pk, text = item
    found = signature(text)
    return pk, found.text_hash, found.bands, found.words, found.wording, len(found.wording)


def _signature_rows(items: list[tuple[int, str]]) -> list[SignatureRow]:
    return [_signature_row(item) for item in items]


def _signatures_refresh(resolution_ids: Collection[int], tally: LineageTally) -> None:
    with connection.cursor() as cursor:  # one join, as in _links_delete
        cursor.execute(
            "DELETE FROM resolutions_paragraphsignature AS s USING resolutions_paragraph AS p"
            " WHERE s.paragraph_id = p.id AND p.resolution_id = ANY(%s)",
            [list(resolution_ids)],
        )
    items = Paragraph.objects.filter(resolution_id__in=resolution_ids).values_list("id", "text").order_by()
    rows = _signature_rows(list(items))
    ParagraphSignature.objects.bulk_create(
        ParagraphSignature(paragraph_id=pk, text_hash=h, bands=bands, words=n, wording=w, characters=c)
        for pk, h, bands, n, w, c in rows
    )
    _wording_bands_add({(band, c, h) for _, h, bands, _, _, c in rows for band in bands})
    tally.signatures += len(rows)


_BANDS_TABLE = WordingBand._meta.db_table


def _wording_bands_add(rows: set[tuple[int, int, int]]) -> None:
    """The bands (band, characters, text hash) of the wordings a refresh wrote, unless another paragraph's
    same wording has them already. Those of wordings no paragraph has any more are left (a candidate without
    a signature is dropped by the lookup; ``lineage_rebuild`` writes the bands afresh): finding them would
    take an index on the text hash over every band, for rows that cost nothing but their room."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_BANDS_TABLE} (band, characters, text_hash)"
            " SELECT * FROM unnest(%s::bigint[], %s::integer[], %s::bigint[]) ON CONFLICT DO NOTHING",
            [[row[i] for row in rows] for i in range(3)],
        )


@contextmanager
def _pool(workers: int):
    """Processes to sign paragraphs on (forked: they inherit the loaded code); in-process for one worker."""
    if workers <= 1:
        yield SimpleNamespace(map=map)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        yield pool


def _signatures_rebuild(tally: LineageTally, *, workers: int, progress=None) -> None:
    """Every paragraph's signature, computed on ``workers`` processes and written by COPY, a chunk of
    paragraphs at a time (read by id); the text-hash index is dropped for the load and built once after it
    (much faster than maintained row by row). Then the bands of every distinct wording, in one sorted insert
    (the btree written in order)."""
    index = next(i for i in ParagraphSignature._meta.indexes if i.name == "paragraph_signature_hash")
    table = ParagraphSignature._meta.db_table
    chunk = SIGNATURE_BATCH * workers * 4
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses while deferred checks are pending
            cursor.execute(f"TRUNCATE {table}, {_BANDS_TABLE}")
        with connection.schema_editor() as editor:
            editor.remove_index(ParagraphSignature, index)
        last = 0
        with _pool(workers) as pool:
            while items := list(Paragraph.objects.filter(pk__gt=last).order_by("pk").values_list("id", "text")[:chunk]):
                last = items[-1][0]
                batches = [items[k : k + SIGNATURE_BATCH] for k in range(0, len(items), SIGNATURE_BATCH)]
                with connection.cursor() as cursor, cursor.copy(_COPY.format(table=table)) as copy:
                    for rows in pool.map(_signature_rows, batches):
                        for row in rows:
                            copy.write_row(row)
                tally.signatures += len(items)
                if progress:
                    progress(len(items))
        with connection.schema_editor() as editor:
            editor.add_index(ParagraphSignature, index)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {table}")
            cursor.execute("SET LOCAL work_mem = '256MB'")  # one sort of every band, in memory
            cursor.execute(
                f"INSERT INTO {_BANDS_TABLE} (band, characters, text_hash) SELECT DISTINCT band, characters, text_hash"
                f" FROM (SELECT DISTINCT ON (text_hash) text_hash, characters, bands FROM {table}) AS w,"
                " unnest(w.bands) AS band ORDER BY 1, 2, 3"
            )
            cursor.execute(f"ANALYZE {_BANDS_TABLE}")
