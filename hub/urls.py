"""The hub's routes, inside the language prefixes (``/en/catalogue/``…)."""

from django.urls import path

from . import views

app_name = "hub"

urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/a-reutiliser/", views.reusable, name="reusable"),
]
