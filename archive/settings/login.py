"""The curators' login (Django's admin): locked after repeated wrong passwords, by django-axes.

``AXES_FAILURE_LIMIT`` wrong passwords from one client address lock that address out of the login for
``AXES_COOLOFF_TIME`` — the right password included — with a 429; the attempts are kept in the database
(shared by every web machine) and listed in the admin. ``manage.py axes_reset`` lifts a lockout.
"""

from datetime import timedelta

from archive.settings.core import ENV

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out client before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = ENV.login_failure_limit
AXES_COOLOFF_TIME = timedelta(minutes=ENV.login_lockout_minutes)
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
if ENV.client_ip_header:  # the address the proxy in front names, as for the per-client limits
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_" + ENV.client_ip_header.upper().replace("-", "_"), "REMOTE_ADDR"]
