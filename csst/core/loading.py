"""Shared by the reference-data loaders: what one step changed, for progress lines and summaries."""

from dataclasses import dataclass


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    removed: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.removed} removed"
