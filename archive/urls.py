import os

from django.contrib import admin
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template.loader import render_to_string
from django.urls import include, path

from archive import health

ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"


def page_not_found(request, exception=None):
    """Static: needs no database, so it answers even when PostgreSQL does not."""
    return HttpResponseNotFound(render_to_string("errors/404.html"))


def server_error(request):
    return HttpResponseServerError(render_to_string("errors/500.html"))


handler404 = page_not_found
handler500 = server_error

urlpatterns = [
    path("livez", health.livez, name="livez"),
    path("healthz", health.healthz, name="healthz"),
    path(ADMIN_PATH, admin.site.urls),
    path("", include("resolutions.urls")),
]
