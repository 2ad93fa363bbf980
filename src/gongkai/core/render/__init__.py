"""Renderers: a :class:`~gongkai.core.report.Report` printed back in the shapes agencies publish.

``text`` prints the flattened text shapes (one cell per line, `` | `` rows, one cell per
paragraph); ``synthetic`` builds consistent reports from numbers, for examples, tests and benchmarks.
"""
