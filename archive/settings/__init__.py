"""Settings for the Resolutions Archive, split by concern and read from the environment.

Each module below holds one concern; every environment variable is read, typed, in
``archive/environment.py``. Development defaults are safe for a laptop (DEBUG on, a local secret key,
embedded PostgreSQL); production sets ``DJANGO_DEBUG=0``, ``DJANGO_SECRET_KEY`` and
``DJANGO_ALLOWED_HOSTS`` (README.md, "Deployment"). Application code reads ``settings.NAME`` inside the
function that needs it, so tests change a value with ``override_settings`` or pytest-django's
``settings`` fixture.
"""

from archive.settings.api import *  # noqa: F403
from archive.settings.core import *  # noqa: F403
from archive.settings.database import *  # noqa: F403
from archive.settings.exports import *  # noqa: F403
from archive.settings.languages import *  # noqa: F403
from archive.settings.login import *  # noqa: F403
from archive.settings.logs import *  # noqa: F403
from archive.settings.search import *  # noqa: F403
from archive.settings.security import *  # noqa: F403
from archive.settings.static import *  # noqa: F403
