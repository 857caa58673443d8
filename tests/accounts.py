"""Accounts for tests: a real user in a real group, as the admin's user form makes them."""

from django.contrib.auth import get_user_model


def user_in(group, username):
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(group)
    return user
