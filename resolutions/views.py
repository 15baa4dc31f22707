from django.shortcuts import render

from resolutions.models import Body, Resolution


def home(request):
    """What the archive holds: bodies, their sessions, and each session's resolutions."""
    resolutions = Resolution.objects.select_related("body").order_by(
        "body__order", "-session_sort", "number"
    )
    return render(
        request,
        "resolutions/home.html",
        {"bodies": Body.objects.all(), "resolutions": resolutions, "sessions": Resolution.objects.sessions()},
    )
