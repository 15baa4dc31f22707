"""The data version that keys cached pages moves past any a reader saw while an import was writing."""

import psycopg
import pytest

from resolutions.store import load as loading
from resolutions.store.load import load_resolution
from tests.conftest import database_url, make_resolution

VERSION_SQL = "SELECT last_value FROM resolutions_search_data_version"


@pytest.mark.django_db(transaction=True)
def test_a_version_read_before_the_commit_is_never_the_one_after_it(monkeypatch):
    """A reader between the writes and the commit sees the new version with the old rows; after the commit
    the version must be newer still, so a page cached by that reader is never served."""
    seen_during_write = []
    real_resolve = loading.citation_targets_resolve

    def resolve_then_look(**options):
        real_resolve(**options)  # the last write of the transaction: every trigger has fired
        with psycopg.connect(database_url(), autocommit=True) as reader:
            seen_during_write.append(reader.execute(VERSION_SQL).fetchone()[0])

    monkeypatch.setattr(loading, "citation_targets_resolve", resolve_then_look)
    load_resolution(make_resolution("A/RES/70/126"))
    with psycopg.connect(database_url(), autocommit=True) as reader:
        after_commit = reader.execute(VERSION_SQL).fetchone()[0]
    assert seen_during_write and after_commit > seen_during_write[0]
