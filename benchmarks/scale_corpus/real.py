"""The real corpus the generated resolutions are made from, parsed by the archive's own import pipeline."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from resolutions.ingest.document import ParsedResolution, ParseError, SkippedSource
from resolutions.ingest.pipeline import parse_path, source_paths
from resolutions.store.validation import LoadError, validate


@dataclass
class RealCorpus:
    resolutions: list[ParsedResolution]
    skipped: int  # other languages, by design
    failed: list[str]  # "file: message"
    seconds: float


def _parse_one(path: Path) -> tuple[list[ParsedResolution], str]:
    """One file's resolutions, or why it gave none ("skipped", or its parse error)."""
    try:
        return parse_path(path).resolutions, ""
    except SkippedSource:
        return [], "skipped"
    except ParseError as error:
        return [], str(error)


def read_real_corpus(folder: Path, processes: int = 2) -> RealCorpus:
    """Every resolution of ``folder`` parsed by the import pipeline (``parse_path``), in file order."""
    started = time.perf_counter()
    paths = [p for p in source_paths([folder]) if p.suffix.lower() == ".xml"]
    resolutions: list[ParsedResolution] = []
    skipped, failed = 0, []
    with ProcessPoolExecutor(max_workers=processes) as pool:
        for _path, (parsed, problem) in zip(paths, pool.map(_parse_one, paths, chunksize=16), strict=False):
            if problem == "skipped":
                skipped += 1
            elif problem:
                failed.append(problem)
            resolutions.extend(parsed)
    return RealCorpus(resolutions, skipped, failed, time.perf_counter() - started)


def loadable(parsed: ParsedResolution) -> str:
    """Why ``parsed`` cannot be loaded ("" when it can): the loader's own checks, invariants and lengths."""
    try:
        validate(parsed)
    except LoadError as error:
        return str(error)
    return ""
