"""The curators' admin: they edit titles, dates, metadata and a source pin; the rest is shown read-only, named in words."""

import re

import pytest

from resolutions.ingest.document import SourceInfo
from resolutions.ingest.document import Vote as ParsedVote
from resolutions.models import Resolution
from resolutions.store.load import load_resolution
from resolutions.store.outcomes import SOURCE_ADDED, UPDATED
from tests.conftest import make_resolution

pytestmark = pytest.mark.django_db
# The inline formsets of the resolution form (each posts its management form).
INLINE_PREFIXES = ("sources", "paragraphs", "footnotes", "citations", "votes", "sponsors", "paragraph_versions")

LONG_TITLE = "Promoting social integration through social inclusion, " * 4
VOTES = [
    ParsedVote("Afghanistan", "Y"),
    ParsedVote("Albania", "N"),
    ParsedVote("Algeria", "A"),
    ParsedVote("Andorra", ""),
]


@pytest.fixture
def resolution():
    load_resolution(make_resolution(title=LONG_TITLE.strip(), votes=VOTES))
    return Resolution.objects.get(symbol="A/RES/70/126")


def change_form(admin_client, resolution):
    return admin_client.get(f"/admin/resolutions/resolution/{resolution.pk}/change/").content.decode()


def test_bodies_are_named_in_good_english(admin_client, resolution):
    index = admin_client.get("/admin/").content.decode()
    assert "Bodies" in index and "Bodys" not in index
    assert "Recorded votes" in index


def test_curators_edit_their_fields_only(admin_client, resolution):
    page = change_form(admin_client, resolution)
    editable = set(re.findall(r'<(?:input|textarea|select)[^>]* name="([a-z_]+)"', page)) - {"csrfmiddlewaretoken"}
    editable = {
        name for name in editable if not name.startswith(("paragraphs-", "footnotes-", "citations-", "votes-", "_"))
    }
    assert editable == {
        "title",
        "adopted_on",
        "meeting",
        "report",
        "agenda_item",
        "committee",
        "metadata",
        "source_pin",
    }
    for label in ("Session order", "Content hash", "Source SHA-256", "Source file", "Session, in words"):
        assert f"<label>{label}:</label>" in page


def test_a_post_cannot_change_internal_fields(admin_client, resolution):
    data = {
        "title": "A curated title",
        "adopted_on": "2015-12-17",
        "meeting": "",
        "report": "",
        "agenda_item": "",
        "committee": "Third Committee",
        "metadata": "{}",
        "source_pin": "",
        "session_sort": "999",
        "content_hash": "forged",
        "source_sha256": "forged",
        **{
            f"{prefix}-{field}": value
            for prefix in INLINE_PREFIXES
            for field, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
        },
    }
    response = admin_client.post(f"/admin/resolutions/resolution/{resolution.pk}/change/", data)
    assert response.status_code == 302
    resolution.refresh_from_db()
    assert resolution.title == "A curated title" and resolution.committee == "Third Committee"
    assert (
        resolution.session_sort == 70 and resolution.content_hash != "forged" and resolution.source_sha256 == "0" * 64
    )


def test_a_bad_source_pin_is_refused_with_a_message(admin_client, resolution):
    data = {
        "title": resolution.title,
        "metadata": "{}",
        "source_pin": "not a hash",
        **{f"{prefix}-{field}": "0" for prefix in INLINE_PREFIXES for field in ("TOTAL_FORMS", "INITIAL_FORMS")},
    }
    response = admin_client.post(f"/admin/resolutions/resolution/{resolution.pk}/change/", data)
    assert response.status_code == 200
    assert "Give the source&#x27;s SHA-256" in response.content.decode()


def test_a_pinned_source_keeps_the_text_and_the_list_flags_a_pin_not_yet_applied(admin_client, resolution):
    Resolution.objects.filter(pk=resolution.pk).update(source_pin="0" * 64)
    assert "A/RES/70/126" in admin_client.get("/admin/resolutions/resolution/?pinned=kept").content.decode()
    later = make_resolution(
        title="Promoting social integration", source=SourceInfo(name="later.txt", format="ods-text", sha256="1" * 64)
    )
    assert load_resolution(later).outcome == SOURCE_ADDED  # the pin wins: the later source is kept, not applied
    assert Resolution.objects.get(pk=resolution.pk).source_sha256 == "0" * 64
    assert "A/RES/70/126" in admin_client.get("/admin/resolutions/resolution/?pinned=kept").content.decode()
    Resolution.objects.filter(pk=resolution.pk).update(source_pin="1" * 64)  # the curator pins the later source
    flagged = admin_client.get("/admin/resolutions/resolution/?pinned=changed").content.decode()
    assert "A/RES/70/126" in flagged and 'alt="False"' in flagged
    assert load_resolution(later).outcome == UPDATED  # imported again, the pinned source gives the text
    assert "A/RES/70/126" in admin_client.get("/admin/resolutions/resolution/?pinned=kept").content.decode()
    assert Resolution.objects.get(pk=resolution.pk).source_pin == "1" * 64  # an import never touches the pin


def test_the_vote_list_shows_the_states_not_the_title(admin_client, resolution):
    page = admin_client.get("/admin/resolutions/vote/").content.decode()
    rows = re.findall(r"<tr>.*?</tr>", page[page.index('id="result_list"') :], re.S)
    assert len(rows) == 1 + len(VOTES)
    header = rows[0]
    assert [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r'<div class="text">(.*?)</div>', header)] == [
        "Member State",
        "Vote",
        "Resolution",
        "Adopted on",
    ]
    assert "Afghanistan" in rows[1] and "Yes" in rows[1] and "A/RES/70/126" in rows[1]
    assert "Promoting social integration" not in page[page.index('id="result_list"') :]
    assert admin_client.get("/admin/resolutions/vote/add/").status_code == 403


def test_the_resolution_list_keeps_titles_short(admin_client, resolution):
    page = admin_client.get("/admin/resolutions/resolution/").content.decode()
    (title,) = re.findall(r'<td class="field-short_title">(.*?)</td>', page)
    assert len(title) <= 80 and title.endswith("…") and title.startswith("Promoting social integration")


def test_bodies_cannot_be_edited(admin_client, resolution):
    body = resolution.body
    assert admin_client.get("/admin/resolutions/body/add/").status_code == 403
    page = admin_client.get(f"/admin/resolutions/body/{body.pk}/change/").content.decode()
    assert 'name="symbol_prefix"' not in page


def test_votes_read_on_the_resolution_too(admin_client, resolution):
    page = change_form(admin_client, resolution)
    assert "Recorded votes" in page and "Albania" in page and 'name="votes-0-member_state"' not in page


def upload(admin_client, name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    source = SimpleUploadedFile(name, data, content_type="application/json")
    return admin_client.post("/admin/resolutions/resolution/import/", {"source": source}, follow=True)


def test_an_upload_names_each_resolution_it_loaded(admin_client):
    from resolutions.ingest import fixture_json
    from resolutions.models import ResolutionSource

    response = upload(admin_client, "one.json", fixture_json.dumps([make_resolution()]).encode())
    assert response.redirect_chain[-1][0].endswith("/admin/resolutions/resolution/")
    assert "A/RES/70/126: created (4 paragraphs)" in response.content.decode()
    assert ResolutionSource.objects.get().origin == "admin upload by admin"


def test_an_upload_that_fails_says_why_on_the_form(admin_client):
    response = upload(admin_client, "empty.txt", b"   \n")
    assert response.status_code == 200 and not response.redirect_chain
    assert "Import a source" in response.content.decode() and not Resolution.objects.exists()


def curated_fields(resolution, **changes):
    data = {
        "title": resolution.title,
        "adopted_on": "2015-12-17",
        "meeting": resolution.meeting,
        "report": "",
        "agenda_item": "",
        "committee": "",
        "metadata": "{}",
        "source_pin": "",
        **{f"{prefix}-{field}": "0" for prefix in INLINE_PREFIXES for field in ("TOTAL_FORMS", "INITIAL_FORMS")},
    }
    return {**data, **changes}


def test_a_pin_chosen_in_the_admin_gives_the_text_at_once(admin_client, resolution):
    later = make_resolution(source=SourceInfo(name="later.txt", format="pdf", sha256="1" * 64))
    later.paragraphs[1].text = "Takes note with appreciation of the report;"
    load_resolution(later)  # a PDF outranks the ODS text: it gives the text
    page = change_form(admin_client, resolution)
    assert "later.txt (pdf, imported" in page and "test.txt (ods-text, imported" in page  # sources named, not hashes
    response = admin_client.post(
        f"/admin/resolutions/resolution/{resolution.pk}/change/", curated_fields(resolution, source_pin="0" * 64)
    )
    assert response.status_code == 302
    resolution.refresh_from_db()
    assert resolution.source_sha256 == "0" * 64
    assert resolution.paragraphs.get(key="op1").text == "Takes note of the report;"
    followed = admin_client.get(response["Location"]).content.decode()
    assert "text from test.txt (ods-text): updated" in followed


def test_a_curator_corrects_a_paragraph_from_the_admin(admin_client, resolution):
    page = change_form(admin_client, resolution)
    address = f"/admin/resolutions/resolution/{resolution.pk}/correct/"
    assert address in page
    form = admin_client.get(address + "?paragraph=op1").content.decode()
    assert "Takes note of the report;</textarea>" in form
    refused = admin_client.post(address, {"paragraph": "op1", "text": "Takes note of the report;", "reason": "x"})
    assert refused.status_code == 200 and "the text is unchanged" in refused.content.decode()
    response = admin_client.post(
        address, {"paragraph": "op1", "text": "Takes note of the reports;", "reason": "checked against the PDF"}
    )
    assert response.status_code == 302
    resolution.refresh_from_db()
    assert resolution.paragraphs.get(key="op1").text == "Takes note of the reports;"
    assert resolution.source_format == "correction" and resolution.source_pin == resolution.source_sha256
    assert resolution.votes.count() == len(VOTES)  # the correction keeps what the sources gave


def test_the_correction_page_of_no_resolution_is_refused(admin_client):
    response = admin_client.get("/admin/resolutions/resolution/999999/correct/")
    assert response.status_code == 302
