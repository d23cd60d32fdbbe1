"""Admin of solutions (imported by knowledge/admin.py)."""
