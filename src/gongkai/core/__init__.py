"""gongkai.core — the pure-Python domain core: formats as data, the report model, parsing,
checks, renderers, the working-day calendar, deadlines and fees. No Django here
(import-linter enforces it)."""
