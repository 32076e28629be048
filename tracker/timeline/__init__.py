"""Timelines: the developments projection, its queries and its commands.

develop.py     pure: event facts, compatibility, the fold that makes a development
tables.py      the projection's tables
projection.py  the projection the runner in events/ applies, batch by batch
query.py       filtered timelines, current or as of a past time
"""
