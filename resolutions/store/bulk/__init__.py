"""The bulk load: parsed resolutions by the million, written with PostgreSQL COPY (``bulk.load.bulk_load``)."""
