"""Entities component (being split by stage)."""

from newsfacts.entities.component import EntityComponent, make_entities

__all__ = ["EntityComponent", "make_entities"]
