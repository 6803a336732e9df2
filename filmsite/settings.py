"""
Settings for filmsite, read from the environment (see .env.example).

The same module runs on a laptop (SQLite, local-memory cache) and in
production (PostgreSQL via DATABASE_URL, Redis via REDIS_URL); only the
environment changes.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# Required when DEBUG is off. The check lives in filmsite/serving.py, run by
# wsgi.py and asgi.py, so commands that sign nothing (makemigrations, check)
# still work without it; Django itself refuses an empty key on first use.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-only-used-when-DEBUG-is-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public name and address of the site, used in bylines, feeds and
# structured data where no request is at hand.
SITE_NAME = os.environ.get("SITE_NAME", "filmsite")
# The home page's description, and the fallback for pages without their own.
SITE_DESCRIPTION = (
    "Spoiler-safe film explainers: is it a true story, what happens, and how the ending works."
)
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Search lookups (trigram similarity) when DATABASE_URL is PostgreSQL; inert on SQLite.
    "django.contrib.postgres",
    "markdownx",
    "writing",
    "images",
    "films",
    "articles",
    "topics",
    "sitepages",
    "faq",
    "corrections",
    "demo",
    "search",
    "transfer",
    "pagecache",
    # Two-factor sign-in for staff (staff/two_factor.py). Before "staff", whose
    # admin module replaces their device admins with a logged reset.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "staff",
    "axes",
]

MIDDLEWARE = [
    # Security headers first, so pages from the page cache get them too.
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get frame denial and the policy too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "filmsite.headers.PermissionsPolicyMiddleware",
    "filmsite.request_size.RequestSizeLimitMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304 Not Modified from the ETag / Last-Modified the page cache sets.
    "django.middleware.http.ConditionalGetMiddleware",
    # Scheduled go-lives, then the shared page cache: a hit stops here, before
    # the session, CSRF and authentication middleware (see pagecache/).
    "articles.middleware.PromoteDueRevisionsMiddleware",
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which device, if any, verified this session (request.user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff finish signing in (set up or enter a code) before anything else.
    "staff.middleware.TwoFactorMiddleware",
    # Last, as django-axes asks: turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "filmsite.urls"
WSGI_APPLICATION = "filmsite.wsgi.application"

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
                "filmsite.context_processors.site",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "var"))

DATABASES = {
    # An empty DATABASE_URL (as in .env.example) means the default SQLite file.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'filmsite.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Connections are kept between requests (CONN_MAX_AGE) as for PostgreSQL:
    # opening one costs milliseconds (the pragmas below), more than a cached
    # page's whole answer, and an idle connection in autocommit holds no lock.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url: str) -> dict:
    """The cache settings for a Redis at ``url`` (tests point one at a closed port)."""
    return {
        # A Redis that is down makes pages slower, never failing (filmsite/cache.py).
        "BACKEND": "filmsite.cache.ForgivingRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "filmsite",
        # Give up on a Redis that does not answer within a second, so a hung
        # server slows requests down instead of holding workers indefinitely.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "filmsite",
            # Each worker keeps its own copy; this bounds its memory (pages are
            # ~30-60 kB each).
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LOCMEM_MAX_ENTRIES", "2000"))},
        }
    }

# Rendered fragments are keyed by what they show, so a change never serves
# stale HTML; the timeout only bounds memory.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "86400"))
# The shared page cache for anonymous readers (pagecache/): pages stay until a
# publish or an edit touches them; the timeout only bounds memory. With the
# local-memory cache, the workers of one machine learn of touches through a
# small memory-mapped file (PAGE_CACHE_CLOCK_FILE); with REDIS_URL, through
# Redis, shared by every instance.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "86400"))
PAGE_CACHE_CLOCK_FILE = os.environ.get("PAGE_CACHE_CLOCK_FILE") or str(
    DATA_DIR / "page-cache.clock"
)
# With a shared cache (Redis), each worker also keeps the pages it served
# lately, up to this many bytes, checked against the clock on every hit.
PAGE_CACHE_RECENT_BYTES = int(os.environ.get("PAGE_CACHE_RECENT_BYTES", str(32 * 1024 * 1024)))
# How long browsers and CDNs may keep a public page (never past the next known
# scheduled go-live), and serve it stale while they fetch a fresh one.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))
PUBLIC_CACHE_STALE_SECONDS = int(os.environ.get("PUBLIC_CACHE_STALE_SECONDS", "300"))

# Search results are kept this long (seconds) per query, by browsers, CDNs
# and the cache above; publishing retires the cached ones at once.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "60"))

# Reader corrections: at most CORRECTIONS_RATE_LIMIT per client per window
# (seconds), counted in the cache above. The client is REMOTE_ADDR unless
# CLIENT_IP_HEADER names a header your proxy sets (e.g. X-Forwarded-For with
# CLIENT_IP_PROXY_COUNT trusted proxies appending to it); see README.
CORRECTIONS_RATE_LIMIT = int(os.environ.get("CORRECTIONS_RATE_LIMIT", "5"))
CORRECTIONS_RATE_WINDOW = int(os.environ.get("CORRECTIONS_RATE_WINDOW", "3600"))
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
CLIENT_IP_PROXY_COUNT = int(os.environ.get("CLIENT_IP_PROXY_COUNT", "1"))

# --- Auth -------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    # First: refuses a sign-in while its account or address is locked out.
    "axes.backends.AxesStandaloneBackend",
    "filmsite.auth.DemoAccountAwareBackend",
]

# Sign-in throttling (django-axes; see staff/lockout.py and README "Security").
# After LOGIN_FAILURE_LIMIT failures, signing in pauses for LOGIN_LOCKOUT_MINUTES,
# per client address and per account. The address follows CLIENT_IP_HEADER,
# the same trusted-proxy rule as the corrections rate limit.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = "staff.lockout.lockout_parameters"
AXES_CLIENT_IP_CALLABLE = "filmsite.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "staff.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# A lock ends LOGIN_LOCKOUT_MINUTES after it began, however often it is tried.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Keep no passwords or form data in the failure records.
AXES_SENSITIVE_PARAMETERS = ["password"]
# No version banner on every management command and worker start.
AXES_VERBOSE = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        # Staff passwords guard what every reader sees: a passphrase length.
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# Two-factor sign-in (staff/two_factor.py, README "Security"): every staff
# account needs an authenticator app (TOTP) and gets single-use backup codes.
# On by default in production; off with DEBUG so `make run`'s demo accounts
# sign in with their password alone.
REQUIRE_STAFF_2FA = env_bool("REQUIRE_STAFF_2FA", not DEBUG)
# The name authenticator apps show next to the account.
OTP_TOTP_ISSUER = SITE_NAME
# Wrong codes pause further tries for 1, 2, 4, 8… seconds (django-otp's
# per-device throttling); a right code resets it.
OTP_TOTP_THROTTLE_FACTOR = OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# The review workflow: a moderator may approve their own submission only
# when this is on (for one-person sites). Off by default: four eyes.
FILMSITE_ALLOW_SELF_APPROVAL = env_bool("FILMSITE_ALLOW_SELF_APPROVAL", False)

# Where-to-watch lines and ratings older than this go on the desk's "facts to
# re-check" list.
FILMSITE_FACTS_MAX_AGE_DAYS = int(os.environ.get("FILMSITE_FACTS_MAX_AGE_DAYS", "90"))


def _checklist_levels(text: str) -> dict[str, str]:
    levels = {}
    for entry in filter(None, (part.strip() for part in text.split(","))):
        name, _, level = entry.partition("=")
        if level.strip() not in {"required", "recommended", "off"}:
            raise ImproperlyConfigured(
                f"FILMSITE_PREPUBLISH_CHECKLIST: “{entry}” should be name=required, "
                "name=recommended or name=off."
            )
        levels[name.strip()] = level.strip()
    return levels


# The pre-publish checklist (articles/checklist.py): item=level pairs that
# override its defaults, e.g. "hero_image=required,faq=off".
FILMSITE_PREPUBLISH_CHECKLIST = _checklist_levels(
    os.environ.get("FILMSITE_PREPUBLISH_CHECKLIST", "")
)

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Let Django serve MEDIA_ROOT itself: on with DEBUG, and for a one-machine
# site without an object store or a web server in front that serves files.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# Uploaded images (see images/ and README "Images"). Locally a directory; with
# MEDIA_S3_BUCKET set, an S3-compatible object store through django-storages
# (pip install "django-storages[s3]"), so every instance sees the same files.
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            # The CDN's host name; URLs are frozen into revisions, so keep them stable.
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
            # Names are content hashes: a name never gets new bytes.
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Markdown (one renderer for preview and publishing) ---------------------

MARKDOWNX_MARKDOWNIFY_FUNCTION = "writing.markdown.render_markdown"
MARKDOWNX_URLS_PATH = "/markdownx/markdownify/"
MARKDOWNX_UPLOAD_URLS_PATH = "/markdownx/upload/"
# The largest request body accepted (413 beyond it): an image upload at its
# limit (IMAGES_MAX_UPLOAD_BYTES, 20 MB by default) plus the form's other fields.
MAX_REQUEST_BYTES = int(os.environ.get("MAX_REQUEST_BYTES", 21 * 1024 * 1024))
# Uploads from the editor go to images.views.markdownx_upload (checked, re-encoded).
# Limits on uploads (see images/processing.py): IMAGES_MAX_UPLOAD_BYTES,
# IMAGES_MAX_PIXELS and IMAGES_MAX_SIDE may be set here to change them.

# --- Security ---------------------------------------------------------------

# Every response carries these (see README "Security"; .env.example has the
# production values). Permissions-Policy comes from filmsite/headers.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# HTTPS. Off by default so a laptop serves plain HTTP; production turns it on.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# Load balancers probe /health/ over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
if env_bool("BEHIND_TLS_PROXY", False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = []
if not SECURE_HSTS_PRELOAD:
    # security.W021: preloading is an opt-in. Browsers ship the preload list,
    # so leaving it takes months; set SECURE_HSTS_PRELOAD=1 (and submit the
    # domain) only once every subdomain serves HTTPS for good.
    SILENCED_SYSTEM_CHECKS.append("security.W021")
if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
    # security.W005: a choice made by setting SECURE_HSTS_INCLUDE_SUBDOMAINS=0,
    # for a domain with subdomains that still serve plain HTTP.
    SILENCED_SYSTEM_CHECKS.append("security.W005")

# Cookies: only staff have sessions (readers never sign in). The session
# cookie is HttpOnly; the CSRF cookie is not, as Django intends: it holds no
# secret an attacker could use (README "Security").
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Staff sessions end after STAFF_SESSION_HOURS, and when the browser closes.
SESSION_COOKIE_AGE = int(float(os.environ.get("STAFF_SESSION_HOURS", "10")) * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *env_list("CSP_EXTRA_IMG_SRC")],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# --- E-mail and logging -----------------------------------------------------

# Django 6.1's MAILERS; the console backend prints messages. For SMTP set
# EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and EMAIL_HOST etc.
EMAIL_BACKEND_PATH = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
SMTP_OPTIONS = {
    "host": os.environ.get("EMAIL_HOST", "localhost"),
    "port": int(os.environ.get("EMAIL_PORT", "25")),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": env_bool("EMAIL_USE_TLS", False),
}
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": SMTP_OPTIONS if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "filmsite <noreply@localhost>")

# Background work (e-mail notifications). The immediate backend runs a task
# as soon as it is enqueued; see README "Production" for a queued backend.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"
        )
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
