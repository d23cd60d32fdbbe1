"""Triangular projects: partners in SSTC roles, modality rule, lifecycle, activities, results."""
