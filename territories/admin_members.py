"""Admin hooks for the territory's accounts and invitations screens."""
