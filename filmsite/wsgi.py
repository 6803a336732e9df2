import os

from django.core.wsgi import get_wsgi_application

from filmsite.serving import refuse_to_serve_without_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filmsite.settings")
application = get_wsgi_application()
refuse_to_serve_without_secret_key()
