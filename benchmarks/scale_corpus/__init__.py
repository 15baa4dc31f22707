"""A corpus at scale for the benchmarks: real resolutions plus generated ones, bulk-loaded.

``real`` parses the real corpus; ``recombine`` generates resolutions from
real ones; ``build`` writes both with the archive's bulk load
(``resolutions.store.bulk.load.bulk_load``) and measures the result
(``measure``). ``benchmarks/build_scale_corpus.py`` runs it.
"""
