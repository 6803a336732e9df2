from .editing import EditingPresence, ReviewComment, SavedVersion
from .publication import Publication
from .reference import ReferenceRevision
from .revisions import Revision, Submission
from .site_settings import SiteSettings
from .working_copy import Article, Section, Verdict

__all__ = [
    "Article",
    "EditingPresence",
    "Publication",
    "ReferenceRevision",
    "ReviewComment",
    "Revision",
    "SavedVersion",
    "Section",
    "SiteSettings",
    "Submission",
    "Verdict",
]
