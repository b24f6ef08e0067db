"""The built-in rules of claimcheck: one rule per function, grouped by claim kind.

Ids: CC0xx document furniture, CC1xx dates, CC2xx figures, CC3xx attributions,
CC4xx reference facts, CC900 a rule that crashed.
"""
