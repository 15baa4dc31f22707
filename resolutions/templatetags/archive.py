"""Template helpers for links into the archive: ``{% load archive %}``."""

from django import template

from resolutions.reference import permalinks

register = template.Library()


@register.filter
def resolution_url(symbol: str) -> str:
    """{{ resolution.symbol|resolution_url }} -> '/A/RES/70/126/'."""
    return permalinks.resolution_url(symbol)


@register.simple_tag
def paragraph_url(symbol: str, key: str) -> str:
    """{% paragraph_url resolution.symbol paragraph.key %} -> '/A/RES/70/126/op5/'."""
    return permalinks.paragraph_url(symbol, key)


@register.filter
def years(first, last) -> str:
    """{{ first|years:last }} -> '2011–2015', '2015' or ''."""
    if not first:
        return ""
    if not last or last.year == first.year:
        return str(first.year)
    return f"{first.year}–{last.year}"
