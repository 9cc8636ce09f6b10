"""The search script's English stemmer (Snowball "Porter2", written in search.js from the
published algorithm) gives the same stems as the pinned reference, PyPI's snowballstemmer, on
every word of the built site and on words chosen for each rule, run in headless Chromium."""
import html
import importlib.metadata
import re

import snowballstemmer

from conftest import PAGES, SITE

# Words that exercise each step and exception of the algorithm.
RULES = """
a at by is it its skis skies sky dying lying tying idly gently ugly early only singly news howe atlas cosmos bias
andes inning innings outing outings canning herring earring proceed proceeded exceed exceeding succeed succeeded
caresses ponies ties cries gas this gaps kiwis consigned agreed feed bleed guaranteed luxuriated hopping hoping
filed filing fizzed failing falling sized hoped tanned tanning controlled conflated troubled troubling sizing
cry by say happy yelled yes youth boy toy played crying ties tied died generously generation generate
communication communities arsenal pastoral universal university later laterally emergency organization organ
relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli
analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti
sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival
allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent
adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll
roll ow owed owing bed bedding beds sing sings singing dogs ours ourselves skiing herrings yearly
apped added inned upped offing bying hying trying evenings proceedly exceedly agreed psychologist biologist
pasted pastes pastoral interfering internal intervals communed organed emerged constructor prototype
""".split()


def site_words():
    words = set()
    for page in PAGES:
        text = re.sub(r"<[^>]+>", " ", (SITE / page).read_text(encoding="utf-8"))
        text = html.unescape(text).lower().replace("'", "").replace("\u2019", "")
        words.update(w for w in re.split(r"[^a-z]+", text) if w)
    return words


# Endings put on every word of the site, so each step meets many more forms than the pages use.
ENDINGS = ["s", "es", "ed", "ing", "ly", "ness", "ful", "ment", "ation", "ise", "ize", "er", "ies", "able", "ive"]


def test_the_stemmer_agrees_with_snowball(driver):
    found = site_words()
    words = sorted(found | set(RULES) | {w + e for w in found for e in ENDINGS})
    assert len(found) > 2000 and len(words) > 20000, f"only {len(found)} words to test"
    driver.get((SITE / next(p for p in PAGES if p.endswith("a-z/index.html"))).as_uri())
    ours = driver.execute_script("return arguments[0].map(window.signpostSearch.stem)", words)
    reference = snowballstemmer.stemmer("english").stemWords(words)
    wrong = [(w, o, r) for w, o, r in zip(words, ours, reference) if o != r]
    version = importlib.metadata.version("snowballstemmer")
    print(f"\nsearch stemmer: {len(words) - len(wrong)} of {len(words)} words stemmed as snowballstemmer {version} does")
    assert not wrong, f"{len(wrong)} of {len(words)} differ (word, ours, snowball): {wrong[:40]}"
