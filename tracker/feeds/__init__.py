"""Feeds: fetch a feed over HTTP (or file://), parse it, and say which stored article each entry is.

    fetch.py     async HTTP with conditional GET, redirects, size/time limits (the facade)
    client.py    the poll's httpx client, per-host limits, a feed's GET past AsyncClient.send
    transport.py a few keep-alive connections per host, on httpcore's HTTP/1.1 code
    sockets.py   asyncio streams under httpcore (its anyio ones cost a sixth of a 304 cycle)
    schedule.py  Retry-After, backoff after failures, interval hints (pure)
    parse.py     bytes -> ParsedFeed of plain, picklable entries (safe to run in a process pool)
    identity.py  canonical links, guid revisions, entry keys, content hashes, the matching rule

No database and no CLI here: the poll orchestrator owns both and calls these
modules. Import the submodules directly; this package re-exports nothing so
that importing it stays cheap.
"""
