"""Exports: what a researcher takes away, one module per format.

Each module turns what the selectors read (resolutions, paragraphs, search hits) into text or bytes, and
writes nothing to the archive: citations (``cited``, ``styles``, ``bibtex``, ``ris``, ``csl_json``, chosen
by name in ``citation_formats``), rows of search hits (``search_rows``, written by ``tabular``), the
citation basket (``basket_docx``, ``basket_markdown``), the bulk files (``bulk``) and a resolution as Akoma
Ntoso XML (``akn``). The web views and the
API call them; so can anything else that needs the same format.
"""
