from django.urls import path

from . import views

app_name = "sitepages"

urlpatterns = [
    path("<slug:slug>/", views.SitePageView.as_view(), name="page"),
]
