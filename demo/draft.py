"""An unfinished article, so moderators have a working copy that was never published.

It stays a draft on purpose: the comparison still needs checking against both
films, and the demo has no facts for that beyond DESIGN.md §2.
"""

from .films import ORIGINAL_SLUG

DRAFT = {
    "slug": "miracle-in-cell-no-7-2013-vs-2019-turkish-remake",
    "film": ORIGINAL_SLUG,
    "title": "Miracle in Cell No. 7 (2013) vs. the 2019 Turkish remake",
    "standfirst": (
        "The 2019 Turkish Miracle in Cell No. 7 remakes a 2013 South Korean "
        "comedy-drama. Here is how the two versions compare, spoiler-free."
    ),
    "meta_description": (
        "How the 2013 South Korean Miracle in Cell No. 7 compares with its 2019 Turkish "
        "remake, spoiler-free."
    ),
    "verdict": "no",
    "verdict_explanation": (
        "Both films are fiction. The Turkish film remakes the South Korean one."
    ),
}

DRAFT_SECTIONS = [
    {
        "heading": "The two films at a glance",
        "body": """\
|              | 2013                  | 2019                 |
|--------------|-----------------------|----------------------|
| Country      | South Korea           | Turkey               |
| Director     | Lee Hwan-kyung        | Mehmet Ada Öztekin   |
| Language     | Korean                | Turkish              |
| Genre        | comedy-drama          | drama                |

Lee Hwan-kyung's earlier films include *Champ* and *Lump Sugar*. The story has also
been remade in the Philippines (2019) and Indonesia (2022).""",
    },
    {
        "heading": "How the stories differ",
        "body": (
            "*Editor's note: still to write. Compare the two plots only after checking "
            "them against both films; not ready for review yet.*"
        ),
    },
]
