"""The typer commands, grouped by the lane they face: each parses its options, calls its lane's
core function with keyword arguments, shows the result with its view, and exits with the
result's exit code. Core modules are imported inside each command, so that `appeal --help`
loads only typer.

No module here has `from __future__ import annotations`: typer reads every parameter's type at
each start, and evaluating string annotations cost 18 ms of it."""
