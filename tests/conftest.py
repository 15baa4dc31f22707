import datetime as dt
from pathlib import Path

import pytest

from resolutions.ingest.document import ParsedFootnote, ParsedParagraph, ParsedResolution, SourceInfo

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT.parent / "shared" / "corpus"
SOURCES = PROJECT / "fixtures" / "sources"


def database_url(name: str | None = None) -> str:
    """A DATABASE_URL for the database the tests use (or another database on the same server)."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    name = name or db["NAME"]
    if db["HOST"].startswith("/"):
        return f"postgresql://{auth}@/{name}?host={db['HOST']}"
    return f"postgresql://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


def make_resolution(symbol="A/RES/70/126", *, paragraphs=None, **fields) -> ParsedResolution:
    """A small hand-made parsed resolution for tests that do not exercise a parser."""
    session, number = symbol.split("/")[-2], "/".join(symbol.split("/")[-2:])
    defaults = {
        "symbol": symbol,
        "body": "GA",
        "session": session,
        "number": number,
        "title": "Promoting social integration through social inclusion",
        "source": SourceInfo(name="test.txt", format="ods-text", sha256="0" * 64),
        "adopted_on": dt.date(2015, 12, 17),
        "meeting": "80th plenary meeting",
        "paragraphs": paragraphs
        or [
            ParsedParagraph("pp1", "preambular", "", 1, "Recalling its resolution 68/131,", "Recalling"),
            ParsedParagraph("op1", "operative", "1", 2, "Takes note of the report;", "Takes note"),
            ParsedParagraph("op2", "operative", "2", 3, "Calls upon Member States:", "Calls upon"),
            ParsedParagraph("op2a", "operative", "(a)", 4, "To act;", "", parent_key="op2"),
        ],
        "footnotes": [ParsedFootnote("1", "A/70/179.", "op1", 24)],
    }
    defaults.update(fields)
    return ParsedResolution(**defaults)


@pytest.fixture
def parsed_resolution():
    return make_resolution()


@pytest.fixture
def corpus():
    if not CORPUS.exists():
        pytest.skip(f"the shared corpus is absent ({CORPUS}): corpus tests need ../shared/corpus beside the project")
    return CORPUS


@pytest.fixture(scope="session", autouse=True)
def search_index_folder(tmp_path_factory):
    """The tests' search indexes live in a folder of their own, never beside the development index."""
    from django.conf import settings

    settings.SEARCH_INDEX_DIR = str(tmp_path_factory.mktemp("search-index"))
    settings.SEARCH_INDEX_WRITER_MB = 50


@pytest.fixture
def search_index(db):
    """Brings the search index in step with rows a test wrote without the loader (which keeps it in step)."""
    from resolutions.search import index

    def ensure():
        index.ensure()

    ensure()
    return ensure


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Tests render templates without running collectstatic first (hashed names are tested on their own)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def seeded(db, settings):
    """The seed resolutions of fixtures/resolutions.json, imported as ``make run`` imports them."""
    import io

    from django.core.management import call_command

    settings.PAGE_CACHE_SECONDS = 0
    call_command("ingest", str(PROJECT / "fixtures" / "resolutions.json"), "--quiet-warnings", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def fresh_throttle():
    """The API's throttle counts (a per-process cache): each test starts with none."""
    from django.core.cache import caches

    caches["throttle"].clear()
    yield
    caches["throttle"].clear()


@pytest.fixture(autouse=True)
def no_client_limits(settings):
    """Per-client limits on searches and exports off (a test run makes hundreds from one address); the tests
    of the limits turn them on."""
    settings.SEARCH_RATE = ""
    settings.EXPORT_RATE = ""
