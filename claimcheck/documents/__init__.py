"""Documents: reading a file, its publication date, its prose, paragraphs and sentences."""

from claimcheck.documents.loading import read_document
from claimcheck.documents.model import Document, Sentence

__all__ = ["Document", "Sentence", "read_document"]
