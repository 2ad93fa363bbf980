"""The ``gongkai`` command: thin, over gongkai.core and gongkai.web."""
