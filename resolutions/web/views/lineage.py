"""Agreed language pages: two resolutions compared as tracked changes, and "where was this wording used
before" for a pasted wording or a paragraph of the archive."""

from __future__ import annotations

from django.shortcuts import render

from resolutions.search.index import IndexUnavailable
from resolutions.web.filters_lineage import CompareForm, UsedBeforeForm
from resolutions.web.presenters.lineage import (
    compared_page,
    found_paging,
    found_rows,
    history_rows,
    history_summary,
)
from resolutions.web.presenters.resolutions import adopted_text
from resolutions.web.selectors.cited import paragraph_get
from resolutions.web.selectors.lineage import (
    comparison_get,
    paragraph_lineage,
    predecessor_get,
    series_get,
    used_before,
)
from resolutions.web.selectors.resolutions import resolution_get

FOUND_PER_PAGE = 50  # wordings listed a page, best first (the total is always given, and every one can be paged to)


def compare(request):
    """``/compare/?to=A/RES/70/126[&from=A/RES/68/131]``: every paragraph of ``to`` against what it descends
    from in ``from`` (by default its predecessor in its series), word by word."""
    form = CompareForm(request.GET or None)
    if not form.is_bound:  # the empty form, to choose two resolutions
        return _form_page(request, form, status=200)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    later = resolution_get(symbol=form.cleaned_data["to"])
    if later is None:
        return _form_page(
            request, form, status=404, message=f"The archive holds no resolution {form.cleaned_data['to']}."
        )
    earlier_symbol = form.cleaned_data["earlier"]
    earlier = resolution_get(symbol=earlier_symbol) if earlier_symbol else predecessor_get(resolution=later)
    if earlier is None:
        message = (
            f"The archive holds no resolution {earlier_symbol}."
            if earlier_symbol
            else f"{later.symbol} has no predecessor in a series the archive holds: name one to compare it with."
        )
        return _form_page(request, form, status=404, message=message)
    page = compared_page(comparison_get(earlier=earlier, later=later))
    return render(
        request,
        "resolutions/lineage_compare.html",
        {
            "earlier": earlier,
            "later": later,
            "earlier_adopted": adopted_text(earlier),
            "later_adopted": adopted_text(later),
            "page": page,
            "series": series_get(resolution=later),
            "form": form,
        },
    )


def _form_page(request, form, *, status: int, message: str = ""):
    return render(request, "resolutions/lineage_compare.html", {"form": form, "message": message}, status=status)


def used_before_page(request):
    """``/agreed-language/?text=…`` or ``?symbol=A/RES/70/126&key=op5``: every paragraph of the archive with
    the same or nearly the same wording, best first, with its citation, body, date and how it was adopted."""
    form = UsedBeforeForm(request.GET or None)
    context = {"form": form}
    if not form.is_bound:
        return render(request, "resolutions/lineage_used_before.html", context)
    if not form.is_valid():
        return render(request, "resolutions/lineage_used_before.html", context, status=400)
    paragraph = None
    text = form.cleaned_data["text"]
    if form.cleaned_data["symbol"]:
        resolution = resolution_get(symbol=form.cleaned_data["symbol"])
        paragraph = paragraph_get(resolution=resolution, key=form.cleaned_data["key"]) if resolution else None
        if paragraph is None:
            context["message"] = (
                f"The archive holds no paragraph {form.cleaned_data['key']} of {form.cleaned_data['symbol']}."
            )
            return render(request, "resolutions/lineage_used_before.html", context, status=404)
        text = paragraph.text
    if not text:
        return render(request, "resolutions/lineage_used_before.html", context)
    try:
        page = form.cleaned_data["page"] or 1
        found = used_before(text=text, limit=FOUND_PER_PAGE, offset=(page - 1) * FOUND_PER_PAGE, exclude=paragraph)
    except IndexUnavailable as error:
        context["message"] = str(error)
        return render(request, "resolutions/lineage_used_before.html", context, status=503)
    paging = found_paging(total=found.total, page=page, per_page=FOUND_PER_PAGE, query=request.GET)
    if paging is None:
        context["message"] = f"There is no page {page}: {found.total} paragraph(s) found."
        return render(request, "resolutions/lineage_used_before.html", context, status=404)
    context.update(
        {
            "asked": text,
            "paragraph": paragraph,
            "found": found,
            "paging": paging,
            "rows": found_rows(found.found, text, phrase=found.phrase, marks=found.marks),
        }
    )
    return render(request, "resolutions/lineage_used_before.html", context)


def paragraph_lineage_context(paragraph) -> dict:
    """What a paragraph's page shows of its history (``_paragraph_lineage.html``): the paragraph's wording
    through its series, and whether its resolution has a predecessor to compare with."""
    rows = history_rows(paragraph_lineage(paragraph=paragraph), paragraph)
    return {
        "lineage": rows,
        "lineage_summary": history_summary(rows),
        "lineage_compare": predecessor_get(resolution=paragraph.resolution) is not None,
    }
