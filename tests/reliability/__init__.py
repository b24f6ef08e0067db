"""Reliability and safety (issue 11): hostile input, bounded time, determinism, no writes,
no network, no code run from beside the drafts. What each kind of bad input gets is in
``docs/reliability.md``."""
