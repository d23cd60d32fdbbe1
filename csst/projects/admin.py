"""Admin of projects (status changes only through services)."""
