"""Django itself: the apps, the middleware, templates, the secret key and host names."""

import warnings

from django.core.exceptions import ImproperlyConfigured

from archive.environment import PROJECT_DIR, read_environment

ENV = read_environment()
BASE_DIR = PROJECT_DIR

DEBUG = ENV.debug

SECRET_KEY = ENV.secret_key
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
    SECRET_KEY = "development-only-not-secret-" + "x" * 40

ALLOWED_HOSTS = ENV.allowed_hosts
CSRF_TRUSTED_ORIGINS = ENV.csrf_trusted_origins
ADMIN_PATH = ENV.admin_path

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "axes",  # the admin's login locked after repeated wrong passwords (archive/settings/login.py)
    "resolutions",
]

MIDDLEWARE = [
    "archive.observability.RequestIdMiddleware",
    "archive.request_deadline.RequestDeadlineMiddleware",
    # Where this request's reads go (a caught-up replica or the primary); before anything that reads.
    "archive.db_router.ReplicaReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "archive.request_guard.RejectControlCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "archive.cdn.SharedCacheHeadersMiddleware",  # public s-maxage on cached pages (outside GZip: sees its Vary)
    "corsheaders.middleware.CorsMiddleware",
    # Long resolutions are 300-450 KB of HTML, 50-75 KB compressed. Above
    # ConditionalGet, so ETags are computed on the page itself (then weakened).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The interface's language from the address's prefix (/fr/…); archive/settings/languages.py.
    "archive.languages.PathLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "archive.health.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

BROWSE_PAGE_SIZE = 50  # resolutions a page of the browse lists shows

TIME_ZONE = "UTC"
USE_TZ = True

# The embedded server's library warns when it runs without a login session (containers, CI).
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
