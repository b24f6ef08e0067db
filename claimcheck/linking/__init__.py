"""Claim linking: deciding that two claims, in one document or two, are about the same
thing, with a score and the reason, so that rules compare only what should be compared.

``about.py`` describes a claim; ``linker.py`` links and groups; ``syndication.py``
recognises copies of one wire story.
"""

from claimcheck.linking.about import About, describe
from claimcheck.linking.linker import Link, LinkGroup, group_links, link_claims, same_thing

__all__ = ["About", "Link", "LinkGroup", "describe", "group_links", "link_claims", "same_thing"]
