"""The results contract, on whichever database the suite runs (SQLite and PostgreSQL in CI)."""

import pytest

from search.engine import PAGE_SIZE, search
from tests.factories import ArticleFactory, FilmFactory, publish


def urls(results):
    return [hit.url for hit in results.hits]


def article_url(article):
    return f"/articles/{article.slug}/"


pytestmark = pytest.mark.django_db


class TestRanking:
    def test_exact_film_title_puts_its_explainer_first_then_the_film(self, site):
        found = urls(search("Miracle in Cell No. 7"))
        assert found[:2] == [article_url(site["miracle"]), "/films/miracle-2019/"]
        # An article that only mentions the film in its text comes after both.
        assert found.index(article_url(site["mentions"])) > 1

    def test_original_title_counts_as_the_film_title(self, site):
        assert urls(search("7. Koğuştaki Mucize"))[0] == article_url(site["miracle"])

    def test_title_match_ranks_above_body_match(self, site):
        found = urls(search("lantern"))
        assert found.index(article_url(site["lantern"])) < found.index(
            article_url(site["mentions"])
        )

    def test_every_word_must_match(self, site):
        found = urls(search("lantern sisters"))
        assert found == [article_url(site["lantern"])]


class TestTolerance:
    @pytest.mark.parametrize(
        "typed",
        [
            "miracle in cel 7",  # a word cut short
            "Koguştaki",  # ğ typed as g
            "koğuştaki",
            "Iynemli",  # plain I for the Turkish dotted İ
            "iynemli",
            "İYNEMLİ",
            "mirakle",  # a typo, corrected from the titles' words
            "who is Yusuf Aga",  # common words do not have to match
        ],
    )
    def test_finds_the_article(self, site, typed):
        assert article_url(site["miracle"]) in urls(search(typed)), typed

    def test_dotless_i_matches_i(self, site):
        assert article_url(site["lantern"]) in urls(search("Kirmizi"))
        assert article_url(site["lantern"]) in urls(search("KIRMIZI"))

    def test_korean(self, site):
        assert article_url(site["mentions"]) in urls(search("서울의"))

    def test_stemming(self, site):
        # "remakes" is in the Miracle standfirst, "remake" in Lantern Road's.
        found = urls(search("remake"))
        assert article_url(site["miracle"]) in found and article_url(site["lantern"]) in found
        found = urls(search("remakes"))
        assert article_url(site["miracle"]) in found and article_url(site["lantern"]) in found

    def test_a_correction_is_reported(self, site):
        results = search("mirakle")
        assert results.corrected == "miracle"

    def test_nothing_close_finds_nothing(self, site):
        results = search("zzyzzx")
        assert results.total == 0 and results.hits == [] and not results.corrected


class TestPagination:
    @pytest.fixture
    def many(self, db):
        film = FilmFactory(title="Paging Film", slug="paging-film")
        for n in range(PAGE_SIZE + 5):
            publish(ArticleFactory(film=film, title=f"Is paginated story {n} true?"))

    def test_pages(self, many):
        first = search("paginated")
        assert (first.total, first.pages, len(first.hits), first.page) == (PAGE_SIZE + 5, 2, 20, 1)
        second = search("paginated", page=2)
        assert len(second.hits) == 5 and second.first_number == PAGE_SIZE + 1
        assert not set(urls(first)) & set(urls(second))

    @pytest.mark.parametrize("page, expected", [("99", 2), ("0", 1), ("-3", 1), ("abc", 1)])
    def test_out_of_range_pages_are_clamped(self, many, page, expected):
        assert search("paginated", page=page).page == expected


class TestHighlighting:
    def test_the_searched_words_are_marked_in_the_excerpt(self, site):
        hit = next(h for h in search("ova").hits if h.kind == "article")
        assert "<mark>Ova</mark>" in hit.excerpt_html

    def test_a_film_found_by_its_cast_shows_the_cast(self, site):
        hit = next(h for h in search("iynemli").hits if h.kind == "film")
        assert "<mark>İynemli</mark> (Memo)" in hit.excerpt_html

    def test_title_is_highlighted(self, site):
        hit = search("lantern").hits[0]
        assert hit.title_html.startswith("Is <mark>Lantern</mark> Road")

    def test_prefix_and_accents_are_marked_on_the_whole_word(self, site):
        hit = next(h for h in search("koguştaki").hits if h.kind == "film")
        assert "<mark>Koğuştaki</mark>" in hit.title_html

    def test_text_is_escaped(self, db):
        publish(
            ArticleFactory(
                title="Is <b>Bold</b> Escape true?", standfirst="<script>x</script> Escape"
            )
        )
        hit = search("escape").hits[0]
        assert "<script>" not in hit.excerpt_html and "&lt;script&gt;" in hit.excerpt_html
        assert "<b>" not in hit.title_html

    def test_results_show_film_year_verdict_and_updated_date(self, site):
        hit = search("lantern road").hits[0]
        assert hit.film_label == "Lantern Road (2019)"
        assert hit.verdict_label == "No, it is fiction"
        assert hit.updated is not None


class TestBadQueries:
    @pytest.mark.parametrize("raw", ["", "   ", '"', "*", "-", "()", "'", ":*", "&|!"])
    def test_nothing_to_search(self, site, raw):
        results = search(raw)
        assert results.query.problem and results.hits == []

    @pytest.mark.parametrize(
        "raw",
        ['"miracle', "miracle*", "NEAR(miracle", "OR OR", "miracle -cell", "a'b", "x" * 1000,
         "miracle " * 200, "NOT AND", "title:miracle", "^miracle", "miracle\x00"],
    )  # fmt: skip
    def test_operators_are_plain_words(self, site, raw):
        results = search(raw)  # must not raise a database error
        assert not results.query.problem

    def test_long_query_is_cut_and_says_so(self, site):
        results = search("miracle " * 200)
        assert results.query.notice
        assert article_url(site["miracle"]) in urls(results)
