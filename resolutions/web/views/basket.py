"""The citation basket: the page listing the paragraphs collected (``/basket/?p=…``) and their export,
with their text, as a Word document or Markdown (``/basket/export.docx``, ``/basket/export.md``).

The basket itself lives in the reader's browser (``static/js/basket.js``, localStorage); it sends the
paragraphs' addresses as ``p`` in the query string, or posted from the basket page's form. Addresses that
are not paragraphs, or that the archive does not hold, are named on the page, and refused by the export
with status 400.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from resolutions.exports import basket_docx, basket_markdown
from resolutions.exports.cited import cited
from resolutions.exports.styles import long_date, un_style
from resolutions.reference import permalinks
from resolutions.web.basket_request import Basket, read_basket

FORMATS = {"docx": basket_docx, "md": basket_markdown}


def _values(request) -> list[str]:
    data = request.POST if request.method == "POST" else request.GET
    return data.getlist("p")


def _items(request, basket: Basket) -> list:
    """The basket's paragraphs as citations, with their text and absolute permalinks."""
    return [
        cited(
            paragraph.resolution,
            request.build_absolute_uri(permalinks.paragraph_url(paragraph.resolution.symbol, paragraph.key)),
            paragraph.key,
            paragraph.text,
        )
        for paragraph in basket.paragraphs
    ]


def basket_address(paragraph) -> str:
    """'A/RES/70/126/op5': how the basket names a paragraph."""
    return permalinks.paragraph_url(paragraph.resolution.symbol, paragraph.key).strip("/")


def basket_page(request):
    """The paragraphs the basket names, with their text and citation, and the links that export them."""
    basket = read_basket(request.GET.getlist("p"))
    items = _items(request, basket)
    addresses = [basket_address(paragraph) for paragraph in basket.paragraphs]
    query = urlencode([("p", address) for address in addresses])
    context = {
        "basket": basket,
        "entries": [(item, un_style(item), address) for item, address in zip(items, addresses, strict=True)],
        "export_urls": {name: f"/basket/export.{name}?{query}" for name in FORMATS} if items else {},
    }
    return render(request, "resolutions/basket.html", context, status=400 if basket.errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def basket_export(request, extension: str):
    """The basket's paragraphs with their text, as .docx or Markdown; 400 naming what it cannot export."""
    basket = read_basket(_values(request))
    if basket.refused or not basket.paragraphs:
        return _refused(request, basket)
    module = FORMATS[extension]
    site = request.build_absolute_uri("/").rstrip("/")
    content = module.render(_items(request, basket), site=site, day_text=long_date(dt.date.today()))
    response = HttpResponse(content, content_type=module.MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="citation-basket.{module.EXTENSION}"'
    return response


def _refused(request, basket: Basket):
    messages = list(basket.errors)
    if basket.unknown:
        messages.append("The archive holds no paragraph at: " + ", ".join(basket.unknown) + ".")
    if not messages:
        messages.append("The basket is empty: add paragraphs with the “Add to basket” button beside each one.")
    return render(
        request,
        "resolutions/message.html",
        {"title": "The basket cannot be exported", "message": " ".join(messages), "back": ("/basket/", "The basket")},
        status=400,
    )
