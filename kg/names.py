"""Pure string functions for names: a matching key and a readable slug.

``normalize_name`` turns any surface form of a name into the key used to
compare names ("the U.S." and "US", "al-Asad" and "El Asad", "Kata'ib
Hizballah" and "Kataib Hezbollah" meet). ``slugify`` turns a name into a
readable ASCII identifier, the part of an IRI minted from it.

Both are deterministic, total (any ``str`` in, a ``str`` out) and import
nothing heavier than the standard library.

Examples
--------
>>> normalize_name("the U.S.") == normalize_name("US")
True
>>> slugify("Kataib Hezbollah")
'kataib-hezbollah'
"""

from __future__ import annotations

import functools

import hashlib
import re
import unicodedata

__all__ = ["normalize_name", "slugify"]

# Latin letters that NFKD does not decompose into a base letter plus a mark.
_LATIN_EXTRA = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ı": "i",
        "ß": "ss",
        "ħ": "h",
        "Ħ": "H",
    }
)

# Quote-like marks (curly quotes, primes, the Arabic 'ayn and hamza of
# scholarly transliteration) all become a plain apostrophe first.
_APOSTROPHES = re.compile(r"[\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u02bd\u02be\u02bf\u0060\u00b4]")
# Every dash and hyphen variant becomes "-".
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad\ufe63\uff0d]")
# Possessive endings: "Iraq's" -> "Iraq", "Martyrs'" -> "Martyrs".
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
# Arabic definite article assimilated to a following "sun letter"
# ("ash-Shabaab", "ad-Dawla", "an-Nusra"), and "el-": all become "al ".
_SUN_ARTICLE = re.compile(r"\b[ae](sh|th|dh|zh|t|d|r|z|s|n)-(?=\1)")
# The Persian/Urdu ezafe written between hyphens ("Lashkar-e-Taiba",
# "Lashkar-i-Taiba"): one form.
_EZAFE = re.compile(r"(?<=\w)-[ie]-(?=\w)")
_NON_WORD = re.compile(r"[\W_]+")
_LEADING_THE = re.compile(r"^the\s+")

# Whole-word spelling variants common in English news: transliterations of
# Arabic and Persian name parts and terms, and British/American spellings.
# Each maps to one arbitrary representative; all are general (none names a
# single actor).
_VARIANTS: dict[str, str] = {
    # Arabic/Persian name parts
    "mohammed": "muhammad",
    "mohammad": "muhammad",
    "muhammed": "muhammad",
    "mohamed": "muhammad",
    "mohamad": "muhammad",
    "mohammod": "muhammad",
    "mehmet": "muhammad",
    "ahmed": "ahmad",
    "hussein": "husayn",
    "husain": "husayn",
    "hussain": "husayn",
    "husein": "husayn",
    "hassan": "hasan",
    "abou": "abu",
    "abdel": "abd al",
    "abdul": "abd al",
    "abdal": "abd al",
    "abdol": "abd al",
    "osama": "usama",
    "omar": "umar",
    "othman": "uthman",
    "osman": "uthman",
    "yousef": "yusuf",
    "youssef": "yusuf",
    "yousif": "yusuf",
    "yusef": "yusuf",
    "qassem": "qasim",
    "qasem": "qasim",
    "kassem": "qasim",
    "qassim": "qasim",
    "sheikh": "shaykh",
    "shaikh": "shaykh",
    "sheik": "shaykh",
    "mahmud": "mahmoud",
    # Arabic terms common in group names
    "hezb": "hizb",
    "hizbollah": "hizbullah",
    "hezbollah": "hizbullah",
    "hizballah": "hizbullah",
    "hezballah": "hizbullah",
    "hizbolla": "hizbullah",
    "hezbolla": "hizbullah",
    "qaeda": "qaida",
    "qaedah": "qaida",
    "kaida": "qaida",
    "kata'ib": "kataib",
    "kataeb": "kataib",
    "kitaib": "kataib",
    "shabaab": "shabab",
    "shebab": "shabab",
    "mujahedin": "mujahidin",
    "mujahedeen": "mujahidin",
    "mujahideen": "mujahidin",
    "daish": "daesh",
    "da'esh": "daesh",
    "jehad": "jihad",
    "tahreek": "tehrik",
    "tehreek": "tehrik",
    "ansarullah": "ansar allah",
    "hashed": "hashd",
    # British / American spellings
    "defence": "defense",
    "programme": "program",
    "centre": "center",
    "labour": "labor",
    "armour": "armor",
    "harbour": "harbor",
    "honour": "honor",
}
_ISATION = re.compile(r"isation(s?)$")


def _fold(text: str) -> str:
    """Decompose, drop combining marks and map the remaining Latin extras."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_LATIN_EXTRA)


def _variant(word: str) -> str:
    word = _VARIANTS.get(word, word)
    return _ISATION.sub(r"ization\1", word)


@functools.lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Return the matching key of a name.

    The key ignores what news spellings of one name differ in: case,
    diacritics, dots in abbreviations, quote and dash styles, a leading
    "the", a possessive "'s", the Arabic article's forms ("al-", "al ",
    "el-", "ash-"...), the ezafe ("-e-"/"-i-"), common transliteration
    variants of Arabic and Persian words, and British/American spelling.
    Characters outside the Latin script are kept (casefolded).

    Parameters
    ----------
    text : str
        Any surface form of a name.

    Returns
    -------
    str
        Lowercase words separated by single spaces; ``""`` only when the
        text has no letter or digit at all.

    Examples
    --------
    >>> normalize_name("U.S.") == normalize_name("US") == "us"
    True
    >>> {normalize_name(s) for s in ["al-Asad", "Al Asad", "el-Asad", "Al-Asad"]}
    {'al asad'}
    >>> normalize_name("Kata’ib Hizballah") == normalize_name("Kataib Hezbollah")
    True
    >>> normalize_name("The Popular Mobilisation Forces' leaders")
    'popular mobilization forces leaders'
    >>> normalize_name("Iraq's  Prime-Minister")
    'iraq prime minister'
    >>> normalize_name("ash-Shabaab") == normalize_name("al-Shabab")
    True
    """
    s = _fold(text)
    s = _APOSTROPHES.sub("'", s)
    s = _DASHES.sub("-", s)
    s = s.casefold()
    s = _SUN_ARTICLE.sub("al ", s)
    s = _EZAFE.sub(" e ", s)
    s = _POSSESSIVE.sub("", s)
    s = s.replace("&", " and ")
    s = s.replace(".", "")
    words = []
    for raw in s.split():
        # Variants may carry an apostrophe ("kata'ib"); look them up first.
        raw = _VARIANTS.get(raw, raw)
        for word in _NON_WORD.sub(" ", raw.replace("'", "")).split():
            if word == "el":
                word = "al"
            words.append(_variant(word))
    key = " ".join(" ".join(words).split())
    return _LEADING_THE.sub("", key)


def slugify(text: str) -> str:
    """Return a readable ASCII slug of a name, never empty.

    Lowercase ASCII letters and digits joined by single hyphens. Dots and
    apostrophes inside words are dropped ("U.S." -> "us", "Kata'ib" ->
    "kataib"), diacritics removed, "&" spelled "and". Text with no Latin
    letter or digit gets ``"x-"`` and the first 8 hex digits of the SHA-1 of
    its NFC form, so it is still stable across runs and machines.

    Parameters
    ----------
    text : str
        A name (normally an entity's canonical label).

    Returns
    -------
    str
        The slug.

    Examples
    --------
    >>> slugify("Kataib Hezbollah")
    'kataib-hezbollah'
    >>> slugify("U.S. forces")
    'us-forces'
    >>> slugify("Popular Mobilisation Forces")
    'popular-mobilisation-forces'
    >>> slugify("Côte d’Ivoire")
    'cote-divoire'
    >>> slugify("حزب الله")
    'x-e4f4670e'
    """
    nfc = unicodedata.normalize("NFC", text)
    s = _fold(nfc)
    s = _APOSTROPHES.sub("'", s)
    s = s.lower().replace("&", " and ")
    s = re.sub(r"['.]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if s:
        return s
    digest = hashlib.sha1(nfc.encode("utf-8")).hexdigest()[:8]
    return f"x-{digest}"
