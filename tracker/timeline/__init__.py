"""Timelines: the developments projection, its queries and its commands.

develop.py     pure: event facts, compatibility, the fold that makes a development
tables.py      the projection's tables
members.py     the events each development holds, their facts read back from the log
memory.py      the developments an event may join, kept between batches
projection.py  the projection the runner in events/ applies, batch by batch
query.py       filtered timelines, current or as of a past time
changes.py     developments that moved between two log positions (the digest's)
"""
