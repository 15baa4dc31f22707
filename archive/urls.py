from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template.loader import render_to_string
from django.urls import include, path

from archive import health
from resolutions.web import syndication
from resolutions.web.page_cache import cached_page


def page_not_found(request, exception=None):
    """Static: needs no database, so it answers even when PostgreSQL does not."""
    return HttpResponseNotFound(render_to_string("errors/404.html"))


def server_error(request):
    return HttpResponseServerError(render_to_string("errors/500.html"))


handler404 = page_not_found
handler500 = server_error

urlpatterns = [
    path("livez", health.livez, name="livez"),
    path("healthz", health.healthz, name="healthz"),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("api/", include("resolutions.api.urls")),
    path("robots.txt", syndication.robots_txt, name="robots-txt"),
    path("opensearch.xml", syndication.opensearch_description, name="opensearch"),
    path("feeds/recent.atom", syndication.RecentResolutionsFeed(), name="feed-recent"),
    path(
        "sitemap.xml",
        cached_page(sitemap_views.index),
        {"sitemaps": syndication.SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="django.contrib.sitemaps.views.index",
    ),
    path(
        "sitemap-<section>.xml",
        cached_page(sitemap_views.sitemap),
        {"sitemaps": syndication.SITEMAPS},
        name="sitemap-section",
    ),
    # The pages, in English at their addresses and in the other five languages under a prefix (/fr/...).
    *i18n_patterns(path("", include("resolutions.urls")), prefix_default_language=False),
]
