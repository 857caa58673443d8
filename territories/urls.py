"""The public side of invitations: the page a link in an invitation email opens."""

from django.urls import path

from . import views

app_name = "invitations"

urlpatterns = [
    path("<str:token>/", views.accept_invitation, name="accept"),
]
