"""Accounts for tests: ``user_in`` now lives with the other builders (testing/builders.py)."""

from testing import user_in

__all__ = ["user_in"]
