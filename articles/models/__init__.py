from .articles import Article, Section, SiteSettings, Verdict
from .films import Author, Availability, Credit, Film, Rating
from .revisions import Revision, Submission

__all__ = [
    "Article",
    "Author",
    "Availability",
    "Credit",
    "Film",
    "Rating",
    "Revision",
    "Section",
    "SiteSettings",
    "Submission",
    "Verdict",
]
