"""`appeal serve`: the same tool as a local web page (FastAPI, server-rendered pages, htmx).

Only the serve command imports this package, so `appeal --help` never loads a web library.
"""
