"""What other machines read: sitemaps, the Atom feed, robots.txt, OpenSearch.

Every address comes from ``resolutions.reference.permalinks`` (the canonical URLs). ``/sitemap.xml`` is a
sitemap index of parts of at most 50,000 addresses (``/sitemap-paragraphs.xml?p=2``), each part and the
index with ``lastmod`` (the latest change of what they list, one aggregate query per section) and kept in the
page cache until the data changes (``archive/urls.py``), so a crawler costs a cache read.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from resolutions.models import Paragraph, Resolution
from resolutions.reference.permalinks import paragraph_url, resolution_url

FEED_SIZE = 50


class ResolutionSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.8
    limit = 10_000

    def items(self):
        return Resolution.objects.order_by("id").only("symbol", "updated_at")

    def location(self, resolution):
        return resolution_url(resolution.symbol)

    def lastmod(self, resolution):
        return resolution.updated_at

    def get_latest_lastmod(self):
        """For the index: one aggregate, not a walk over every item (Django's default)."""
        return Resolution.objects.aggregate(latest=Max("updated_at"))["latest"]


class ParagraphSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.5
    limit = 50_000

    def items(self):
        return Paragraph.objects.order_by("id").values_list(
            "resolution__symbol", "key", "resolution__updated_at", named=True
        )

    def location(self, row):
        return paragraph_url(row.resolution__symbol, row.key)

    def lastmod(self, row):
        return row.resolution__updated_at

    def get_latest_lastmod(self):
        return Resolution.objects.filter(paragraphs__isnull=False).aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {"resolutions": ResolutionSitemap, "paragraphs": ParagraphSitemap}


class RecentResolutionsFeed(Feed):
    """Atom feed of the resolutions most recently added to the archive."""

    feed_type = Atom1Feed
    title = "Resolutions Archive: recently added resolutions"
    subtitle = "UN social-development resolutions as they are added to the archive."

    def link(self):
        return reverse("home")

    def items(self):
        return Resolution.objects.select_related("body").order_by("-created_at", "-id")[:FEED_SIZE]

    def item_title(self, resolution):
        return f"{resolution.symbol}: {resolution.title}"

    def item_description(self, resolution):
        adopted = f", adopted on {resolution.adopted_on:%-d %B %Y}" if resolution.adopted_on else ""
        return f"{resolution.body.name} resolution {resolution.number}{adopted}."

    def item_link(self, resolution):
        return resolution_url(resolution.symbol)

    def item_pubdate(self, resolution):
        return resolution.created_at

    def item_updateddate(self, resolution):
        return resolution.updated_at


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("django.contrib.sitemaps.views.index"))
    lines = [
        "User-agent: *",
        "Disallow: /search/",
        "Disallow: /api/",
        "Disallow: /cite/",
        "Allow: /",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def opensearch_description(request):
    """Lets browsers offer the archive's search from the address bar."""
    search = request.build_absolute_uri(reverse("search"))
    api = request.build_absolute_uri(reverse("search-api"))
    home = request.build_absolute_uri(reverse("home"))
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>Resolutions Archive</ShortName>
  <Description>Search UN social-development resolutions paragraph by paragraph</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Url type="text/html" method="get" template="{search}?q={{searchTerms}}"/>
  <Url type="application/json" method="get" template="{api}?q={{searchTerms}}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="{request.build_absolute_uri()}"/>
  <moz:SearchForm xmlns:moz="http://www.mozilla.org/2006/browser/search/">{home}</moz:SearchForm>
</OpenSearchDescription>
"""
    return HttpResponse(body, content_type="application/opensearchdescription+xml; charset=utf-8")
