"""The API's addresses: ``/api/v1/`` (resolutions by symbol, paragraphs by key, citations, search, the
OpenAPI description), and the first search endpoint and description address, which keep answering."""

from __future__ import annotations

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from resolutions.api import views

SYMBOL = r"(?P<symbol>[^?#]+?)"  # 'A/RES/70/126', 'A/RES/75/101_A': slashes included

v1 = [
    path("resolutions/", views.ResolutionList.as_view(), name="api-resolution-list"),
    re_path(rf"^resolutions/{SYMBOL}/paragraphs/$", views.ParagraphList.as_view(), name="api-paragraph-list"),
    re_path(
        rf"^resolutions/{SYMBOL}/paragraphs/(?P<key>[^/]+)/$",
        views.ParagraphDetail.as_view(),
        name="api-paragraph-detail",
    ),
    re_path(rf"^resolutions/{SYMBOL}/cites/$", views.Cites.as_view(), name="api-cites"),
    re_path(rf"^resolutions/{SYMBOL}/cited-by/$", views.CitedBy.as_view(), name="api-cited-by"),
    re_path(rf"^resolutions/{SYMBOL}/$", views.ResolutionDetail.as_view(), name="api-resolution-detail"),
    path("search", views.Search.as_view(), name="api-search"),
    path("schema", SpectacularJSONAPIView.as_view(), name="api-schema"),
]

urlpatterns = [
    path("v1/", include(v1)),
    path("search", views.search_api, name="search-api"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
]
