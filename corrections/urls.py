from django.urls import path

from . import views

app_name = "corrections"

urlpatterns = [
    path(
        "articles/<slug:slug>/suggest-a-correction/",
        views.suggest_correction,
        name="suggest",
    ),
    path(
        "articles/<slug:slug>/suggest-a-correction/thanks/",
        views.thanks,
        name="thanks",
    ),
]
