"""The real corpus the scale corpus is made from (``benchmarks.scale_corpus.real``)."""

import shutil

import pytest

from benchmarks.scale_corpus.real import loadable, read_real_corpus
from benchmarks.scale_corpus.recombine import Recombiner
from resolutions.store.validation import validate
from tests.store.bulk.hand_made import templates


def test_real_resolutions_that_cannot_load_are_named():
    too_long = templates(1)[0]
    too_long.paragraphs[0].opening_phrase = "x" * 300
    assert "opening_phrase is 300 characters, more than the 200" in loadable(too_long)
    assert loadable(templates(1)[0]) == ""


@pytest.mark.corpus
def test_real_corpus_files_recombine(corpus, tmp_path):
    sources = sorted((corpus / "unxml-ga" / "78" / "English").glob("*.xml"))[:12]
    for source in sources:
        shutil.copy(source, tmp_path / source.name)
    real = read_real_corpus(tmp_path, processes=1)
    assert not real.failed and len(real.resolutions) >= len(sources)
    generated = list(Recombiner(real.resolutions, seed=0).resolutions(3_000))
    real_symbols = {r.symbol.upper() for r in real.resolutions}
    for resolution in generated:
        validate(resolution)
        assert resolution.symbol.upper() not in real_symbols
        texts = {p.key: p.text for p in resolution.paragraphs}
        for citation in resolution.citations:
            if citation.paragraph_key:
                assert texts[citation.paragraph_key][citation.start : citation.end] == citation.text
