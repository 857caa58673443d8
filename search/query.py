"""What people type in the search box, turned into words and phrases the backends accept.

Only letters and digits reach a backend: SQL, FTS5 or tsquery operators, stray quotes and
control characters are separators here, so no input can make a search fail. Text between
double quotes (or « guillemets ») is searched as a phrase.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer
from wagtail.search.query import And, Phrase, PlainText

MAX_QUERY_LENGTH = 200
# A search for more words than this is no longer a search: the rest is dropped.
MAX_TERMS = 10
WORD_RE = re.compile(r"[^\W_]+")
QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})


@dataclass(frozen=True)
class SearchTerms:
    text: str  # the query as understood, to show back in the search box
    words: tuple = ()
    phrases: tuple = ()
    shortened: bool = False

    def __bool__(self):
        return bool(self.words or self.phrases)

    @property
    def all_words(self):
        return self.words + tuple(word for phrase in self.phrases for word in phrase.split())

    def as_query(self):
        """The backend query: every word, and every phrase, must match."""
        parts = [PlainText(" ".join(self.words))] if self.words else []
        parts += [Phrase(phrase) for phrase in self.phrases]
        return parts[0] if len(parts) == 1 else And(parts)

    def as_autocomplete_text(self):
        return " ".join(self.all_words)


def _words(text):
    # Single letters are mostly elided articles (l’, d’) that carry no meaning.
    return [word for word in WORD_RE.findall(text) if len(word) > 1 or word.isdigit()]


def parse(raw):
    """The SearchTerms of a raw query string, whatever it holds."""
    printable = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw or ""
    )
    text = " ".join(printable.split())
    shortened = len(text) > MAX_QUERY_LENGTH
    if shortened:
        # Cut before the word the limit falls in, not through it.
        text = text[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0] if " " in text else text
        text = text[:MAX_QUERY_LENGTH].strip()
    segments = text.translate(QUOTES).split('"')
    if len(segments) % 2 == 0:
        # An unclosed quote: what follows it is plain words.
        segments[-2:] = [segments[-2] + " " + segments[-1]]
    words, phrases, seen, count = [], [], set(), 0
    for position, segment in enumerate(segments):
        segment_words = _words(segment)
        if position % 2 and len(segment_words) > 1:
            kept = segment_words[: MAX_TERMS - count]
            if len(kept) > 1:
                phrases.append(" ".join(kept))
            count += len(kept)
            shortened |= len(kept) < len(segment_words)
            continue
        for word in segment_words:
            if word.casefold() in seen:
                continue
            if count >= MAX_TERMS:
                shortened = True
                break
            seen.add(word.casefold())
            words.append(word)
            count += 1
    return SearchTerms(text=text, words=tuple(words), phrases=tuple(phrases), shortened=shortened)


@lru_cache(maxsize=20_000)
def fold(word):
    """Lowercase, without accents: "Équipe" → "equipe". Cached: an excerpt folds every word
    up to its first match, and prose repeats its words."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def _stemmer():
    return snowballstemmer.stemmer("french")


@lru_cache(maxsize=20_000)
def stem(word):
    """The French Snowball stem of a word without accents, as PostgreSQL's french_unaccent
    computes it: "signalé" and "signaler" both give "signal"."""
    return _stemmer().stemWord(fold(word))


def stemmed_text(text):
    """``text`` as the French stems of its words, separated by spaces: what SQLite's FTS5
    index holds instead of the title and body (search/sqlite.py), so that "allocations"
    finds "allocation" there as PostgreSQL's french_unaccent finds it."""
    if text is None:
        return None
    return " ".join(stem(word) for word in WORD_RE.findall(text))


class Matcher:
    """Tells whether a word of a text is one of the searched words, by stem.

    A stem is a prefix of the word without accents, so only the words that start like a
    searched stem are stemmed: a long text costs a few string comparisons per word.
    """

    def __init__(self, words):
        self.stems = {stem(word) for word in words}
        self.prefixes = tuple({word_stem[:2] for word_stem in self.stems})

    def __call__(self, word):
        return fold(word).startswith(self.prefixes) and stem(word) in self.stems
