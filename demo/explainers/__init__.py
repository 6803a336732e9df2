"""The demo's further explainers, one module per film, in the project's own words.

Each module holds the films it needs (originals before their remakes), the
article (``ARTICLE``, with ``FILM`` naming its film), its ``SECTIONS`` and
``QUESTIONS`` as first published, and ``UPDATE``: what a later, approved
revision added, with its change summary. Every statement is one we are sure
of; anything uncertain (running times, box office, where to watch, ratings)
is left out rather than guessed. Spoiler-free fields never give the ending
away.
"""

from . import apollo_13, conjuring, fargo, psycho, ringu, titanic

EXPLAINERS = [apollo_13, titanic, psycho, conjuring, fargo, ringu]
