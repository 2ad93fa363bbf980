"""Bundled data files of gongkai.core (the working-day calendar)."""
