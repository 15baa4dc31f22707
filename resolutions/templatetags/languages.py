"""Template helpers for the six languages: ``{% load languages %}``.

``{% language_switch %}`` lists the page in every interface language (the current one marked);
``{% language_alternates %}`` gives the ``hreflang`` links of a page that exists in every language (a
document page gives those of the languages it holds instead).
"""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

from resolutions.web import languages
from resolutions.web.page_cache import known_parameters
from resolutions.web.selectors.languages import record_language

register = template.Library()


@register.inclusion_tag("resolutions/_language_switch.html", takes_context=True)
def language_switch(context):
    request = context.get("request")
    path = _path_with_known_parameters(request) if request is not None else "/"
    current = translation.get_language()
    return {
        "choices": [
            {
                "code": code,
                "lang": languages.html_lang(languages.text_code(code)),
                "name": name,
                "url": languages.path_in_language(path, code),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    }


def _path_with_known_parameters(request) -> str:
    """The page's path and the query parameters some page reads (a junk ``?utm=`` is not carried into the
    links of every language)."""
    known = known_parameters()
    query = urlencode([(name, value) for name, values in request.GET.lists() if name in known for value in values])
    return f"{request.path}?{query}" if query else request.path


@register.inclusion_tag("resolutions/_language_alternates.html", takes_context=True)
def language_alternates(context):
    request = context.get("request")
    if request is None:
        return {"alternates": []}
    path = request.path
    return {
        "alternates": [
            (
                languages.html_lang(languages.text_code(code)),
                request.build_absolute_uri(languages.path_in_language(path, code)),
            )
            for code, _ in settings.LANGUAGES
        ],
        "default": request.build_absolute_uri(languages.unprefixed(path)),
    }


@register.filter
def text_language(code: str) -> languages.TextLanguage:
    """{{ 'ar'|text_language }}: its ``lang``, ``dir`` and name."""
    return languages.TextLanguage(code)


@register.filter
def interface_lang(code: str) -> str:
    """{{ LANGUAGE_CODE|interface_lang }}: the ``lang`` attribute of an interface language ('zh-hans' -> 'zh-Hans')."""
    return languages.html_lang(languages.text_code(code))


@register.filter
def attr(value, name: str):
    """{{ language|attr:'lang' }}: an attribute of an object (the templates' lookups cannot take a variable)."""
    return getattr(value, name, "")


@register.filter
def shown_title(resolution) -> str:
    """{{ resolution|shown_title }}: the resolution's title in the page's text language where the archive holds it
    (``selectors.languages.with_titles_shown``), else the record's (English), marked ``lang``/``dir`` when it is not the
    page's language, so a screen reader and a browser's fonts read it as what it is."""
    shown = getattr(resolution, "shown_title", None)
    if shown is None:
        shown = languages.ShownTitle(resolution.title, languages.TextLanguage(record_language(resolution)))
    text, language = shown.text, shown.language
    if language.code == languages.current_text_language():
        return text  # escaped by the template, as any value
    return format_html('<span lang="{}" dir="{}">{}</span>', language.lang, language.dir, text)
