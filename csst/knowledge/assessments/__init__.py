"""Self-assessments: an organisation diagnoses itself against a framework; gaps become needs."""
