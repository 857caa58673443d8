"""Public routes of email subscriptions. Tokens travel in the query string (``?cle=``), never
in the path: the access log omits query strings."""

from django.urls import path

from . import views

app_name = "subscriptions"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("confirmer/", views.confirm, name="confirm"),
    path("desabonner/", views.unsubscribe, name="unsubscribe"),
]
