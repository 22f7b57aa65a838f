"""The letter: case + catalogue -> content (one template) -> formats, the checks on it,
rendering to files, and the submissions history.
"""
