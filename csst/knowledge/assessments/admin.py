"""Admin of assessments (imported by knowledge/admin.py)."""
