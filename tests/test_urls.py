"""The app's URL configuration: the catch-all for document addresses takes no other page's path."""

import pytest
from django.urls import resolve

from resolutions.web.views import documents


@pytest.mark.parametrize(
    "path",
    [
        "/search/",
        "/api/v1/resolutions/",
        "/cite/",
        "/admin/",
        "/static/css/site.css",
        "/healthz",
        "/livez",
        "/sitemap.xml",
        "/robots.txt",
        "/feeds/latest/",
        "/bodies/",
        "/resolutions/",
    ],
)
def test_symbol_routes_do_not_swallow_other_paths(path):
    try:
        match = resolve(path)
    except Exception:  # Resolver404: nobody has claimed the path (yet), and neither do we
        return
    assert match.func is not documents.document
