"""The background daemon (tracker.daemon.service) and its cross-process claims (tracker.daemon.claims)."""
