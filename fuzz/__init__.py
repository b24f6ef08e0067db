"""A fuzzing harness for claimcheck, for runs longer than CI allows: ``python -m fuzz``.

See ``fuzz/README.md``.
"""
