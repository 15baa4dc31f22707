# The archive's web service: Python 3.13 slim, non-root, gunicorn.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_DEBUG=0

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml README.md ./
COPY archive/__init__.py archive/__init__.py
COPY resolutions/__init__.py resolutions/__init__.py
RUN pip install --no-cache-dir .

COPY . .
RUN pip install --no-cache-dir --no-deps . \
    && pybabel --quiet compile -d locale -D django \
    && DJANGO_SECRET_KEY=build-only DATABASE_URL=postgresql://build@/build \
       python manage.py collectstatic --noinput --verbosity 0 \
    && groupadd --system --gid 10001 archive && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin archive \
    && mkdir -p /app/var/page-cache /app/var/search-index && chown -R archive:archive /app/staticfiles /app/var

USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/livez', timeout=2).status == 200 else 1)"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "archive.wsgi", "--config", "gunicorn.conf.py", "--bind", "0.0.0.0:8000"]
