"""Admin hooks for the dashboard's panels per role."""
