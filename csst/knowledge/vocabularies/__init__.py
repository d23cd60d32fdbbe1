"""Shared vocabularies: themes and the SDG goals, targets and indicators."""
