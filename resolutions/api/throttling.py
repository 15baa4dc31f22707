"""The API's limit on anonymous clients, counted in a cache of each process's own.

DRF's ``AnonRateThrottle`` counts in Django's default cache, here the file cache every worker shares for
rendered pages: one file write per API request. A per-process count costs nothing and still stops a client
that loops on the API (each worker allows ``API_ANON_RATE``).
"""

from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle


class AnonymousReads(AnonRateThrottle):
    cache = caches["throttle"]
