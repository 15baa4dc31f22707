"""Exports: what a researcher takes away, one module per format.

Each module turns what the selectors read (resolutions, paragraphs, search hits) into text or bytes, and
writes nothing to the archive: citations (``cited``, ``styles``, ``bibtex``, ``ris``, ``csl_json``, chosen
by name in ``citation_formats``), rows of search hits (``search_rows``, written by ``tabular``), the
citation basket (``basket_docx``, ``basket_markdown``) and the bulk files (``bulk``). The web views and the
API call them; so can anything else that needs the same format.
"""
