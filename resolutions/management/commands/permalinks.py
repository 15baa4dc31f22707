"""``manage.py permalinks``: the permalink list of the fixtures, and a proof that a database's permalinks hold.

``--snapshot FILE`` writes every paragraph address the database answers, with
the SHA-256 of its text; after any imports, ``--verify FILE`` reads each one
as the paragraph view does (following moves, as a browser follows the 301)
and fails, naming them, when one no longer answers with the same text.
"""

import html
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from resolutions.ingest import fixture_json
from resolutions.ingest.document import ParseError, SourceInfo
from resolutions.models import Paragraph, ParagraphVersion, Resolution
from resolutions.reference.permalinks import (
    PERMALINKS_HEADER,
    paragraph_url,
    permalinks_tsv,
    read_permalinks_tsv,
    text_hash,
)

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "resolutions.json"
PERMALINKS = Path(settings.BASE_DIR) / "fixtures" / "permalinks.tsv"


PARAGRAPH_TEXT = re.compile(r'<p class="para-text" id="paragraph-text">(.*?)</p>', re.S)
FOOTNOTE_MARKER = re.compile(r'<sup class="fn-ref">.*?</sup>', re.S)


def shown_paragraph_text(page: str) -> str | None:
    """A paragraph's text as a reader sees it on its page, footnote markers left out; None when the page shows none."""
    found = PARAGRAPH_TEXT.search(page)
    if found is None:
        return None
    return html.unescape(re.sub(r"<[^>]+>", "", FOOTNOTE_MARKER.sub("", found.group(1))))


def answered_texts(urls: list[str]) -> dict[str, str | None]:
    """The text each paragraph address answers with, None for a 404 (redirects followed).

    Reads every address as the paragraph view does (``views.read_address``,
    then the live paragraph, else ``ParagraphVersion.objects.address_answer``:
    the key its text moved to, or its earlier text), one query per
    resolution, so a corpus of 100,000 addresses is checked in minutes; the
    pages themselves showing that text is what tests/test_views_permalinks.py
    proves.
    """
    from resolutions.web.addresses import read_address

    by_symbol: dict[str, list[tuple[str, str]]] = {}
    for url in urls:
        address = read_address(url.lstrip("/"))
        by_symbol.setdefault(address.symbol_text, []).append((url, address.key))
    answered: dict[str, str | None] = {}
    for symbol, addresses in by_symbol.items():
        resolution = Resolution.objects.filter(symbol=symbol).first()
        live = dict(resolution.paragraphs.values_list("key", "text")) if resolution else {}
        for url, key in addresses:
            if resolution is None or not key:
                answered[url] = None
            elif key in live:
                answered[url] = live[key]
            else:
                moved_to, version = ParagraphVersion.objects.address_answer(resolution, key, set(live))
                answered[url] = live[moved_to] if moved_to else (version.text if version else None)
    return answered


def database_permalinks_tsv() -> str:
    rows = Paragraph.objects.order_by("resolution__symbol", "order").values_list("resolution__symbol", "key", "text")
    return PERMALINKS_HEADER + "".join(
        f"{paragraph_url(symbol, key)}\t{text_hash(text)}\n" for symbol, key, text in rows.iterator()
    )


class Command(BaseCommand):
    help = (
        "The list of every paragraph permalink of fixtures/resolutions.json with a hash of its text "
        "(no database). Prints it; --write updates fixtures/permalinks.tsv; --check fails when that file differs."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--write", action="store_true", help=f"write {PERMALINKS.name}")
        group.add_argument("--check", action="store_true", help=f"fail if {PERMALINKS.name} differs from a fresh list")
        group.add_argument(
            "--snapshot", type=Path, metavar="FILE", help="write every paragraph address of the database"
        )
        group.add_argument(
            "--verify",
            type=Path,
            metavar="FILE",
            help="fail unless every address of a snapshot answers 200 with the same text",
        )

    def handle(self, *args, write: bool, check: bool, snapshot: Path | None, verify: Path | None, **options):
        if snapshot:
            text = database_permalinks_tsv()
            snapshot.write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {snapshot} ({text.count(chr(10)) - 2} permalinks)")
            return
        if verify:
            self._verify(verify)
            return
        try:
            document = fixture_json.parse(FIXTURE.read_bytes(), SourceInfo(FIXTURE.name, fixture_json.FORMAT, ""))
        except (OSError, ParseError) as error:
            raise CommandError(str(error)) from None
        text = permalinks_tsv(document.resolutions)
        if check:
            if not PERMALINKS.exists() or PERMALINKS.read_text(encoding="utf-8") != text:
                raise CommandError(
                    f"{PERMALINKS} differs from the fixture's paragraphs: a permalink or a paragraph text changed. "
                    "If that is intended, run `python manage.py permalinks --write` and commit it."
                )
            self.stdout.write("permalink list is up to date")
        elif write:
            PERMALINKS.write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {PERMALINKS} ({text.count(chr(10)) - 2} permalinks)")
        else:
            self.stdout.write(text, ending="")

    def _verify(self, path: Path) -> None:
        try:
            listed = read_permalinks_tsv(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error}") from None
        failures = []
        answered = answered_texts([url for url, _ in listed])
        for url, expected in listed:
            text = answered[url]
            if text is None:
                failures.append(f"{url}: HTTP 404")
            elif text_hash(text) != expected:
                failures.append(f"{url}: the text changed")
        for failure in failures[:50]:
            self.stderr.write(failure)
        if failures:
            raise CommandError(f"{len(failures)} of {len(listed)} permalinks no longer answer 200 with the same text")
        self.stdout.write(f"all {len(listed)} permalinks answer 200 with the same text")
