"""Parents' and children's own words (search_queries.yml, 150+ queries over every topic and the
three seed schools) typed into each school's search box in Chromium: at least 90% find an
answer in the first five results and none finds nothing; with one typing mistake each, at
least 80% still do. The hit rates are printed."""
import pathlib

import pytest
import yaml

from conftest import SITE
from search_support import QUERIES, answer_pages, open_a_to_z, search, with_a_typing_mistake, within_school

TOPICS = [t["id"] for t in yaml.safe_load((pathlib.Path(__file__).resolve().parents[2] / "Content/topics.yml").read_text())]
ALL = [(school, item["q"], item["answers"]) for school, items in QUERIES.items() for item in items]


def test_the_queries_cover_every_topic_and_school():
    assert len(ALL) >= 150
    assert len(QUERIES) >= 3 and all(len(items) >= 40 for items in QUERIES.values())
    answered = {a.split("/", 1)[1] for _, _, answers in ALL for a in answers if a.startswith("topics/")}
    assert not set(TOPICS) - answered, f"no query answered by the topics {sorted(set(TOPICS) - answered)}"
    assert len({q for _, q, _ in ALL}) > 0.9 * len(ALL), "queries should be different"


@pytest.mark.parametrize("school,query,answers", ALL, ids=[f"{s}:{q}" for s, q, _ in ALL])
def test_each_answer_is_a_page_of_its_school(school, query, answers):
    assert (SITE / school / "a-z" / "index.html").is_file(), f"no school {school}"
    missing = [a for a in answers if a not in answer_pages(school, answers)]
    assert not missing, f"{school}: '{query}' names answers the school does not have: {missing}"


def run_all(driver, base_url, mistake):
    """Each query in its school's box (one page per school); the misses and empty results."""
    misses, empty = [], []
    for school, items in QUERIES.items():
        open_a_to_z(driver, base_url, school)
        for item in items:
            query = with_a_typing_mistake(item["q"]) if mistake else item["q"]
            results, status, _ = search(driver, query)
            top = [within_school(school, href) for href in results[:5]]
            if not results:
                empty.append(f"{school}: '{query}' ({status})")
            if not set(top) & set(item["answers"]):
                misses.append(f"{school}: '{query}' wants {item['answers']}, top 5: {top}")
    return misses, empty


def report(capsys, label, misses, empty):
    rate = 1 - len(misses) / len(ALL)
    with capsys.disabled():
        print(f"\nsearch, {label}: {len(ALL) - len(misses)} of {len(ALL)} queries answered in the top 5 ({rate:.1%}); "
              f"{len(empty)} with no results")
        for miss in misses:
            print(f"  missed: {miss}")
    return rate


def test_families_words_find_an_answer_in_the_first_five(driver, base_url, capsys):
    misses, empty = run_all(driver, base_url, mistake=False)
    rate = report(capsys, "families' words", misses, empty)
    assert not empty, f"{len(empty)} queries found nothing although the school covers them: {empty}"
    assert rate >= 0.9, f"{len(misses)} misses: " + "\n".join(misses)


def test_one_typing_mistake_still_finds_the_answer(driver, base_url, capsys):
    misses, empty = run_all(driver, base_url, mistake=True)
    rate = report(capsys, "with one typing mistake each", misses, empty)
    assert rate >= 0.8, f"{len(misses)} misses: " + "\n".join(misses)


def test_the_typing_mistakes_are_real_and_fixed():
    # Each query gets exactly one mistake, the same every run.
    changed = [(q, with_a_typing_mistake(q)) for _, q, _ in ALL]
    assert all(a != b for a, b in changed if any(len(w) > 2 for w in a.split()))
    assert with_a_typing_mistake("my child is being bullied") == with_a_typing_mistake("my child is being bullied")
