"""Benchmarks of the archive at scale, and the generator of the corpus they run on."""
