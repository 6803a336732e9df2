"""Every change to the published record goes through these functions.

They are keyword-only, atomic, check the acting user's permissions
themselves (so no view or admin action can skip the check), and are the
only code that creates revisions or changes their state.

The only way to go live is submit → approve:

- ``submit``: an editor freezes the working copy into a *pending* revision;
- ``approve``: a moderator makes it live now or at a future time;
- ``request_changes``: a moderator sends it back with a comment;
- ``unpublish``: a moderator takes the article off the site (nothing deleted);
- ``restore``: a moderator makes an earlier revision's content live again,
  as a new revision;
- ``film_changed``: a new film was added, or the demo loader wrote one, and
  ``author_changed`` an author (changes to an existing film or author are
  held for review and applied by reference_workflow.py, which calls them);
- ``publish_import_directly``: an administrator moving a site here makes an
  imported article live at once, keeping the dates it had on the old site
  (a one-time migration; everyday imports are submitted for review).

- ``promote_due``: a scheduled revision whose time has come goes live (run
  by the first request after its time; no cron job).
- ``rebuild_publication_state``: a site loaded row by row from an archive
  (``import_site``) gets its publication state from its revisions, by the
  same rule every approval applies.

Each of them keeps the site search exact in the same transaction (see
search/index.py): readers find what they can read, and nothing else. Each
stores what readers see of the article afterwards (its live revision and
public dates, ``Publication``) and touches the cached pages that show it, so
every worker serves the new state at once.

An imported article keeps its original "Published" and "Updated" dates:
``submit`` freezes them with the content (``original_dates``) and ``approve``
uses them for the article's first publication. From then on the usual rule
holds: every later non-minor approval moves "Updated".

Staff are told by e-mail after the transaction commits (see notifications.py).

The package's modules follow these steps: common.py (permissions, the
error, locks, content checks), editing.py (``submit``), review.py (the
moderators' actions), imports.py (original dates, direct publication),
references.py (films and authors), publication_state.py (what readers see,
scheduled go-lives), invariants.py (``check_invariants``) and
notifications.py (the e-mails). Callers import from ``articles.workflow``.
"""

from .common import (
    APPROVE_PERMISSION,
    PERMISSIONS_BACKEND,
    SUBMIT_PERMISSION,
    UNPUBLISH_PERMISSION,
    Status,
    User,
    WorkflowError,
    frozen_content,
    may_approve,
    require_permission,
    same_content,
    self_approval_allowed,
)
from .editing import Submitted, submit
from .imports import OriginalDates, publish_import_directly
from .invariants import check_invariants
from .notifications import admin_link, approvers_for, is_first_publication, moderators_to_notify
from .publication_state import GO_LIVE_GRACE, promote_due, rebuild_publication_state
from .references import author_changed, film_changed
from .review import approve, request_changes, restore, unpublish

# require_permission and admin_link are shared with reference_workflow.py.
__all__ = [
    "APPROVE_PERMISSION",
    "GO_LIVE_GRACE",
    "PERMISSIONS_BACKEND",
    "SUBMIT_PERMISSION",
    "UNPUBLISH_PERMISSION",
    "OriginalDates",
    "Status",
    "Submitted",
    "User",
    "WorkflowError",
    "admin_link",
    "approve",
    "approvers_for",
    "author_changed",
    "check_invariants",
    "film_changed",
    "frozen_content",
    "is_first_publication",
    "may_approve",
    "moderators_to_notify",
    "promote_due",
    "publish_import_directly",
    "rebuild_publication_state",
    "request_changes",
    "require_permission",
    "restore",
    "same_content",
    "self_approval_allowed",
    "submit",
    "unpublish",
]
