"""The language of a request: the one its address's prefix names (``/fr/A/RES/70/126/``), else English.

Django's ``LocaleMiddleware`` would do the same for prefixed addresses, but it marks every unprefixed
answer ``Vary: Accept-Language`` although those are always English here (``i18n_patterns`` with
``prefix_default_language=False``): a header-chosen language is never used, so shared caches may keep one
copy of each address.

Chinese is ``/zh-hans/`` (simplified characters, as the UN writes it); the prefix a reader is likely to type
instead (``/zh/``, ``/zh-cn/``) is sent there rather than answered with "no such resolution".
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.utils import translation

PREFIX_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans", "zh-hans-cn": "zh-hans"}


class PathLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix, _, rest = request.path_info.lstrip("/").partition("/")
        if prefix.lower() in PREFIX_ALIASES and request.method in {"GET", "HEAD"}:
            query = request.META.get("QUERY_STRING", "")
            target = f"/{PREFIX_ALIASES[prefix.lower()]}/{rest}" + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(request.META.get("SCRIPT_NAME", "") + target)
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
