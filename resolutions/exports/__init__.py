"""Exports a researcher can take away: a module per format, each reading through selectors and writing nothing."""
