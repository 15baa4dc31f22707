from django.urls import path, re_path

from resolutions.web.page_cache import cached_page
from resolutions.web.views import basket, browse, bulk, cite, documents, exports, languages, lineage, record, search

# First path segments the symbol catch-all below never takes: our own pages and
# those of other apps, wherever they are routed (a symbol starts with capitals).
RESERVED_PREFIXES = (
    "search",
    "api",
    "cite",
    "admin",
    "static",
    "media",
    "healthz",
    "livez",
    "sitemap.xml",
    "robots.txt",
    "opensearch.xml",
    "feeds",
    "bodies",
    "resolutions",
    "states",
    "sdgs",
    "subjects",
    "favicon.ico",
    "basket",
    "bulk",
    "compare",
    "agreed-language",
)
RESERVED = "|".join(prefix.replace(".", r"\.") for prefix in RESERVED_PREFIXES)

urlpatterns = [
    # Browse pages, like the documents below, depend only on the data and the address: cached.
    path("", cached_page(browse.home), name="home"),
    path("bodies/", cached_page(browse.body_list), name="body-list"),
    path("bodies/<str:code>/", cached_page(browse.body_detail), name="body-detail"),
    path("bodies/<str:code>/<str:session>/", cached_page(browse.session_detail), name="session-detail"),
    path("resolutions/", cached_page(browse.resolution_list), name="resolution-list"),
    path("states/", cached_page(record.state_list), name="state-list"),
    path("states/<str:code>/", cached_page(record.state_detail), name="state-detail"),
    path("sdgs/<int:number>/", cached_page(record.goal_detail), name="goal-detail"),
    path("subjects/<slug:slug>/", cached_page(record.subject_detail), name="subject-detail"),
    path("cite/", cite.cite, name="cite"),
    path("search/", search.search_page, name="search"),
    # Every hit of a search, streamed (resolutions.web.views.exports).
    re_path(r"^search/export\.(?P<extension>csv|jsonl)$", exports.search_export, name="search-export"),
    path("basket/", basket.basket_page, name="basket"),
    re_path(r"^basket/export\.(?P<extension>docx|md)$", basket.basket_export, name="basket-export"),
    path("bulk/", bulk.bulk_index, name="bulk"),
    # Agreed language (resolutions.web.views.lineage): tracked changes between two resolutions, earlier uses.
    path("compare/", cached_page(lineage.compare), name="lineage-compare"),
    path("agreed-language/", lineage.used_before_page, name="lineage-used-before"),
    re_path(r"^bulk/(?P<name>[A-Za-z0-9_.-]+)$", bulk.bulk_file, name="bulk-file"),
    # A resolution's or paragraph's citation file: /A/RES/70/126/cite.bib, /A/RES/70/126/op5/cite.ris.
    re_path(
        rf"^(?!(?:{RESERVED})(?:/|$))(?P<rest>.+)/cite\.(?P<extension>bib|ris|json)$",
        cached_page(exports.citation_file),
        name="citation-file",
    ),
    # Two languages of a resolution, paragraph by aligned paragraph: /A/RES/70/126/side-by-side/?left=fr&right=ar.
    re_path(
        rf"^(?!(?:{RESERVED})(?:/|$))(?P<rest>.+)/side-by-side/$",
        cached_page(languages.side_by_side),
        name="side-by-side",
    ),
    # Last: /A/RES/70/126/ and /A/RES/70/126/op5/, and every other spelling of them.
    re_path(rf"^(?!(?:{RESERVED})(?:/|$))(?P<rest>.+)$", cached_page(documents.document), name="document"),
]
