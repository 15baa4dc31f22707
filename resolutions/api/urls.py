"""The API's addresses: ``/api/v1/`` (resolutions by symbol, paragraphs by key, citations, Member States by ISO
code, search, the
OpenAPI description), and the first search endpoint and description address, which keep answering."""

from __future__ import annotations

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from resolutions.api import views

SYMBOL = r"(?P<symbol>[A-Za-z0-9][A-Za-z0-9./()_-]*)"  # 'A/RES/70/126', 'A/RES/75/101_A': slashes included
CODE = r"(?P<code>[A-Za-z]{3})"  # a Member State's ISO 3166-1 alpha-3 code: 'FRA' (any case)
KEY = r"(?P<key>[a-z0-9][a-z0-9.-]*)"  # 'op5', 'annex-sec-guideline-5-op1' (resolutions.reference.paragraph_keys)

v1 = [
    path("resolutions/", views.ResolutionList.as_view(), name="api-resolution-list"),
    re_path(rf"^resolutions/{SYMBOL}/paragraphs/$", views.ParagraphList.as_view(), name="api-paragraph-list"),
    re_path(
        rf"^resolutions/{SYMBOL}/paragraphs/{KEY}/$",
        views.ParagraphDetail.as_view(),
        name="api-paragraph-detail",
    ),
    re_path(rf"^resolutions/{SYMBOL}/cites/$", views.Cites.as_view(), name="api-cites"),
    re_path(rf"^resolutions/{SYMBOL}/cited-by/$", views.CitedBy.as_view(), name="api-cited-by"),
    re_path(rf"^resolutions/{SYMBOL}/$", views.ResolutionDetail.as_view(), name="api-resolution-detail"),
    path("states/", views.MemberStateList.as_view(), name="api-state-list"),
    re_path(rf"^states/{CODE}/$", views.MemberStateDetail.as_view(), name="api-state-detail"),
    re_path(rf"^states/{CODE}/votes/$", views.MemberStateVotes.as_view(), name="api-state-votes"),
    re_path(rf"^states/{CODE}/sponsorships/$", views.MemberStateSponsorships.as_view(), name="api-state-sponsorships"),
    path("search", views.Search.as_view(), name="api-search"),
    path("schema", SpectacularJSONAPIView.as_view(), name="api-schema"),
]

urlpatterns = [
    path("v1/", include(v1)),
    path("search", views.search_api, name="search-api"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    re_path(r"^", views.no_such_address),  # anything else under /api/: a 404 in JSON, not the HTML page
]
