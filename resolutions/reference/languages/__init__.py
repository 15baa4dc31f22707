"""Languages as data: what the importers need to read resolutions printed in one language, one module a language."""
