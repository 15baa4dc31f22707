"""The whole build: the real corpus, generated resolutions up to a number of paragraphs, the bulk load, the measures."""

from __future__ import annotations

import dataclasses
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

from benchmarks.scale_corpus.measure import COMMON_WORDS, database_sizes, word_shares
from benchmarks.scale_corpus.real import RealCorpus, loadable, read_real_corpus
from benchmarks.scale_corpus.recombine import Recombiner
from resolutions.ingest.document import ParsedResolution
from resolutions.reference.languages.official import ENGLISH
from resolutions.store.bulk.load import LoadReport, bulk_load


@dataclass
class ScaleCorpusReport:
    database: str
    paragraphs_wanted: int
    seed: int
    real_resolutions: int
    real_paragraphs: int
    synthetic_resolutions: int
    skipped_sources: int
    failed_sources: list[str]
    parse_seconds: float
    load: LoadReport
    load_seconds: float  # generation + COPY + indexes + VACUUM ANALYZE + the search index
    sizes: dict[str, int] = field(default_factory=dict)  # bytes
    word_shares: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def build(
    corpus: Path | None,
    paragraphs: int,
    *,
    seed: int = 0,
    templates: list[ParsedResolution] | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> ScaleCorpusReport:
    """Real resolutions of ``corpus`` (or the given ``templates``) plus generated ones, to ``paragraphs``."""
    real = _real_corpus(corpus, progress) if templates is None else RealCorpus(templates, 0, [], 0.0)
    real_paragraphs = sum(len(r.paragraphs) for r in real.resolutions)
    progress(f"{len(real.resolutions):,} real resolutions, {real_paragraphs:,} paragraphs ({real.seconds:.1f} s)")

    # A resolution's other languages follow its English text (the loader's order), and resolutions are
    # generated from the paragraphs of one language: the first one's (English, when the corpus has it).
    real.resolutions.sort(key=lambda parsed: parsed.language != ENGLISH)
    first_language = real.resolutions[0].language if real.resolutions else ENGLISH
    recombiner = Recombiner([r for r in real.resolutions if r.language == first_language], seed)
    everything = itertools.chain(real.resolutions, recombiner.resolutions(max(0, paragraphs - real_paragraphs)))
    started = time.perf_counter()
    load = bulk_load(everything, progress=progress)
    load_seconds = time.perf_counter() - started

    return ScaleCorpusReport(
        database=connection.settings_dict["NAME"],
        paragraphs_wanted=paragraphs,
        seed=seed,
        real_resolutions=len(real.resolutions),
        real_paragraphs=real_paragraphs,
        synthetic_resolutions=load.resolutions - len(real.resolutions),
        skipped_sources=real.skipped,
        failed_sources=real.failed,
        parse_seconds=round(real.seconds, 3),
        load=load,
        load_seconds=round(load_seconds, 3),
        sizes=database_sizes(),
        word_shares=word_shares(COMMON_WORDS),
    )


def _real_corpus(corpus: Path | None, progress: Callable[[str], None]) -> RealCorpus:
    """The corpus parsed, less the resolutions the loader would refuse (named among the failures)."""
    if corpus is None:
        raise ValueError("give a corpus folder or templates")
    progress(f"parsing {corpus} …")
    real = read_real_corpus(corpus)
    problems = {id(parsed): loadable(parsed) for parsed in real.resolutions}
    real.failed += [problem for problem in problems.values() if problem]
    real.resolutions = [parsed for parsed in real.resolutions if not problems[id(parsed)]]
    if not real.resolutions:
        raise ValueError(f"no resolutions parsed from {corpus}")
    return real
