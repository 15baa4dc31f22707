"""Static files, served by WhiteNoise with hashed names (``collectstatic`` writes the manifest)."""

from archive.settings.core import BASE_DIR, ENV

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if ENV.plain_static
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
