"""Admin hooks for putting a site in preparation online."""
