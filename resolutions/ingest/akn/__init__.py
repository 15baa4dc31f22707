"""The UN's Akoma Ntoso XML (AKN4UN) for General Assembly resolutions.

What the markup holds, and what becomes of it:

- ``coverPage``: symbol, session, agenda item, the report the resolution was
  adopted on (``docProponent``); ``preface``: number and title;
  ``conclusions``: meeting and adoption date. FRBR metadata gives the
  language and, when the conclusions lack it, the adoption date.
- ``preamble/container``: preambular paragraphs ``pp1``… (the ``name``
  attribute is the opening phrase); a ``blockList`` inside or after one gives
  its lettered items (``pp3a``). ``formula`` ("The General Assembly,") and
  ``decoration`` ("* * *") are furniture.
- ``mainBody``: operative paragraphs keyed by their PRINTED number, from
  ``num`` or, where the UN's editors left the number in the text, from the
  text ("(a)\tTo cooperate…"); ``list``/``point``/``sublist`` give
  sub-paragraphs (``op2a``, ``op2a-ii``). Section numerals and subheadings
  become the ``heading`` of the paragraph that follows. Unnumbered operative
  paragraphs are ``op1``, ``op2``… by position in a part printed without
  numbers (single-paragraph resolutions), ``p1``, ``p2``… among numbered ones
  (text between sections), as ``resolutions.reference.paragraph_keys`` says for every
  importer. When sections restart their numbering,
  keys carry the section (``sec-ii-a-op1``); ``crossHeading``s marked as
  preamble inside a section are that section's preambular paragraphs.
  Tables become one paragraph per row, cells separated by " | ".
- ``attachments/attachment/doc[@name=annex]``: annexes, in the annex key
  namespace (``annex-op5``, ``annex-pp1``; ``annex-i-``… when there are
  several).
- ``authorialNote``: footnotes, taken out of the text with their marker and
  its offset; ``<sup>3</sup>`` repeats the marker of a footnote printed once
  and is taken out too, its offset kept as one of that footnote's further
  places.
- ``<a href="https://undocs.org/en/SYMBOL">``: the UN's own citations, kept
  with their spans in the plain text; the citation finder adds what the
  editors did not link, without duplicates.
- ``documentCollection`` with ``components``: several resolutions in one
  file (``A/RES/75/101 A`` and ``A/RES/75/101 B``).

``meta`` gives recorded votes per Member State (``analysis/voting``), the
adoption type, SDGs and UNBIS subjects (``classification``) and the drafting
workflow. A line of ``metadata/NN.jsonl`` (committee, agenda item, votes,
sponsors, SDGs, subjects) is merged by ``enrich_from_path`` when the file
sits in the corpus layout (``NN/English/file.xml`` beside ``metadata/``); the
XML's own votes win over the line's, with a warning when they differ.

Only English is imported for now: other languages raise ``SkippedSource``.
XML with a DTD or entity declarations is refused (no entity expansion).
"""

from resolutions.ingest.akn.corpus_metadata import enrich_from_path, is_companion
from resolutions.ingest.akn.parse import FORMAT, detect, parse

__all__ = ["FORMAT", "detect", "enrich_from_path", "is_companion", "parse"]
