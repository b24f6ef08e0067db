"""claimcheck: a rule-based fact-checking and claim-consistency linter for news drafts.

The pipeline, one sub-package per stage: documents -> grammars (temporal, numeric,
attribution) -> resolution -> linking -> rules (engine) -> reports.
"""

__version__ = "0.1.0"
