"""Timelines: the developments projection, its queries and its commands.

facts.py       pure: what the timeline reads of an event, decoded from its payload
develop.py     pure: compatibility, and the fold that makes a development of its events
tables.py      the projection's tables
members.py     the events each development holds, their facts read back from the log
memory.py      the developments an event may join, kept between batches
projection.py  the projection the runner in events/ applies, batch by batch
query.py       filtered timelines, current or as of a past time
changes.py     developments that moved between two log positions (the digest's)
details.py     one event with its evidence and its development (events show)
commands.py    timeline, events, rebuild and stats
"""
