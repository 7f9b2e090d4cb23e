"""`chitieu serve`: the local web page — bring a report in, review what was read, see the findings, take the
documents away — with every commune's history in a database (SQLite by default, PostgreSQL for a shared server).

Only the `serve` and `users` commands import this package, so `chitieu check` starts as fast as before. Every call
into the engine goes through ``service``; ``store`` owns the tables, ``auth`` who may see what, ``app`` the pages.
"""
