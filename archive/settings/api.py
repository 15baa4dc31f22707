"""The read API (``/api/v1/``): Django REST framework, its OpenAPI description, rate limits and CORS.

The API only reads: JSON out, no sessions, no authentication; anonymous clients are limited to
``API_ANON_RATE`` requests (DRF's ``AnonRateThrottle``, counted in the ``throttle`` cache of each
process). Cross-origin reads are allowed from anywhere for GET and HEAD (django-cors-headers), on every
public address but the admin, so a page elsewhere can read a permalink's JSON.
"""

import re

from archive.settings.core import ADMIN_PATH, ENV

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["resolutions.api.throttling.AnonymousReads"],
    "DEFAULT_THROTTLE_RATES": {"anon": ENV.api_anon_rate},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": [],
    "EXCEPTION_HANDLER": "resolutions.api.errors.json_errors",
    "DEFAULT_PAGINATION_CLASS": "resolutions.api.pagination.BySymbol",
    "PAGE_SIZE": ENV.api_page_size,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Resolutions Archive API",
    "DESCRIPTION": "Read the UN resolutions of the archive: resolutions, paragraphs, footnotes, citations both ways, "
    "recorded votes, and the paragraph search. Lists are cursor-paginated; every answer has an ETag.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # enums named (drf-spectacular's own hook), then no empty query values, as the request guard refuses them
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "resolutions.api.description.no_empty_query_values",
    ],
    "ENUM_NAME_OVERRIDES": {
        "CitationKindEnum": "resolutions.models.Citation.KIND_CHOICES",
        "ParagraphKindEnum": "resolutions.models.Paragraph.KIND_CHOICES",
    },
}

CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_URLS_REGEX = rf"^/(?!{re.escape(ADMIN_PATH)}).*$"
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "Link"]
