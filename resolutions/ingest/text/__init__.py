"""What the text importers share: from classified lines to a ParsedResolution.

Every text format (ODS plain text, Markdown, a commission's plain text, text
extracted from a PDF) does the same few things once its own furniture is
gone: read metadata lines ("Resolution adopted by the General Assembly on …",
"[on the report of the Third Committee (A/68/448)]", "80th plenary meeting"),
join lines and page breaks into paragraphs, undo line-end hyphenation, number
paragraphs into stable keys, take footnote markers out of the text (keeping
their offsets) and find each paragraph's opening phrase. A format module
turns its source into ``Segment``s (blocks of content or metadata, with the
line they start on) and ``RawFootnote``s, and hands them to a
``ResolutionBuilder``. The words and formulae are the language's
(``resolutions.reference.languages``): this package holds none.

Nothing is dropped silently: a segment that is neither metadata nor content
(an advertisement, a URL, text after the closing formula) becomes a warning
naming its line.

Keys are built by ``resolutions.reference.paragraph_keys``, the scheme every importer
shares: roman items directly under a paragraph are ``op3-i``; numbered items
inside a paragraph ("Approves the following agenda:" 1., 2.) are
``op11-1``; and a declaration adopted in the text itself ("Adopts the
following political declaration:" then its title and numbered paragraphs)
is read like an annex, in the ``annex-`` namespace.
"""
