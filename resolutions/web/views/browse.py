"""The browse pages: home, the bodies, a body's sessions, a session, and the list of all resolutions."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.shortcuts import render
from django.urls import reverse

from resolutions.web.filters import ResolutionFilter
from resolutions.web.filters_lineage import MAX_WORDING
from resolutions.web.selectors import bodies
from resolutions.web.selectors.languages import with_titles_shown
from resolutions.web.selectors.paragraphs import paragraph_count
from resolutions.web.selectors.resolutions import resolution_latest, resolution_rows

LATEST_ON_HOME = 8


def home(request):
    """What the archive holds, per body, with the search, citation and "used before" boxes."""
    held = bodies.body_list(holding_resolutions=True)
    return render(
        request,
        "resolutions/home.html",
        {
            "bodies": held,
            "latest": with_titles_shown(resolution_latest(limit=LATEST_ON_HOME)),
            "resolution_count": sum(body.resolution_count for body in held),
            "paragraph_count": paragraph_count(),
            "used_before_max": MAX_WORDING,
        },
    )


def body_list(request):
    """Every body the archive knows, with its counts and years."""
    return render(request, "resolutions/body_list.html", {"bodies": bodies.body_list()})


def body_detail(request, code):
    """A body's sessions, newest first, each with its number of resolutions and years."""
    body = bodies.body_get(code=code)
    return render(request, "resolutions/body_detail.html", {"body": body, "sessions": bodies.session_list(body=body)})


def session_detail(request, code, session):
    """One session's resolutions: the resolution list with body and session fixed."""
    body = bodies.body_get(code=code)
    label = bodies.session_label(body=body, session=session)
    if label is None:
        return _no_such_session(request, body, session)
    data = request.GET.copy()
    data["body"], data["session"] = body.code, session
    return _resolution_list(request, data, {"body": body, "session_label": label, "session": session})


def _no_such_session(request, body, session):
    return render(
        request,
        "resolutions/message.html",
        {
            "title": "No such session",
            "message": f"The archive holds no resolution of the {body.name} from a session “{session}”.",
            "back": (reverse("body-detail", args=[body.code]), f"Sessions of the {body.name}"),
        },
        status=404,
    )


def resolution_list(request):
    """All resolutions, filtered by body, session, years, committee and title; sorted; paginated."""
    return _resolution_list(request, request.GET, {})


def _resolution_list(request, data, context):
    """The list as ``data`` filters it: 400 when the filters are wrong, 404 for a page it does not have."""
    filterset = ResolutionFilter(data, queryset=resolution_rows())
    context = {**context, "filter": filterset}
    if not filterset.is_valid():
        return render(request, "resolutions/resolution_list.html", {**context, "invalid": True}, status=400)
    paginator = Paginator(filterset.qs, settings.BROWSE_PAGE_SIZE)
    page_number = request.GET.get("page") or 1
    try:
        page = paginator.page(page_number)
    except InvalidPage:
        context["page_error"] = _page_error(page_number, paginator.num_pages)
        return render(request, "resolutions/resolution_list.html", context, status=404)
    page.object_list = with_titles_shown(page.object_list)
    return render(request, "resolutions/resolution_list.html", {**context, "page": page, "paginator": paginator})


def _page_error(page_number, pages: int) -> str:
    return f"There is no page “{str(page_number)[:20]}” of this list: it has {pages} page{'s' if pages != 1 else ''}."
