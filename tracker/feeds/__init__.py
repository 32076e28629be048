"""Feeds: fetch a feed over HTTP (or file://), parse it, and say which stored article each entry is.

    fetch.py     async HTTP with conditional GET, redirects, size/time limits, backoff hints
    transport.py one small connection pool per host (httpcore's pool scan is quadratic)
    parse.py     bytes -> ParsedFeed of plain, picklable entries (safe to run in a process pool)
    identity.py  canonical links, guid revisions, entry keys, content hashes, the matching rule

No database and no CLI here: the poll orchestrator owns both and calls these
modules. Import the submodules directly; this package re-exports nothing so
that importing it stays cheap.
"""
