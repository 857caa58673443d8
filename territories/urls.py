"""The public side of invitations: the page a link in an invitation email opens."""

from django.urls import path

from . import views

app_name = "invitations"

urlpatterns = [
    # Before the token's pattern, which would match it too.
    path("accepter/", views.accept_invitation, name="accept_pending"),
    path("<str:token>/", views.open_invitation, name="accept"),
]
