"""Settings profiles: ``base`` (development defaults), ``test`` and ``production``."""
