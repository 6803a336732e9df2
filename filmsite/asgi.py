import os

from django.core.asgi import get_asgi_application

from filmsite.serving import refuse_to_serve_without_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filmsite.settings")
application = get_asgi_application()
refuse_to_serve_without_secret_key()
