"""Agreed language, pure: how a resolution's paragraphs descend from its predecessor's in a series.

``text`` normalises wording for comparison, ``series`` groups resolutions into series, ``align`` matches
the paragraphs of two resolutions by text (verbatim, edited, moved, split, merged, new, dropped), ``diff``
gives the word-level changes of an edited paragraph, and ``near`` the MinHash signatures and scores that
find a wording used before. Nothing here touches the database: ``resolutions.store.lineage`` writes what
these compute, ``resolutions.web.selectors.lineage`` reads it.
"""
