"""The request's language from its address (``archive.languages``)."""

import pytest


@pytest.mark.parametrize("prefix", ["zh", "zh-cn", "ZH", "zh-CN", "zh-hans-cn"])
def test_the_chinese_prefixes_readers_type_lead_to_the_archives(client, prefix):
    response = client.get(f"/{prefix}/A/RES/70/126/op5/?utm=1")
    assert response.status_code == 301
    assert response["Location"] == "/zh-hans/A/RES/70/126/op5/?utm=1"
    assert client.get(f"/{prefix}/")["Location"] == "/zh-hans/"


@pytest.mark.django_db
def test_other_addresses_are_not_redirected(client):
    assert client.get("/zhx/").status_code == 404  # not a language: the resolution address it is, and none is held
    assert client.post("/zh/search/").status_code != 301  # a form's POST is never redirected
