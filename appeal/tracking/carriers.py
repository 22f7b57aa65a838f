"""What a row's carrier-code and carrier-name come to: the Amazon carrier code the shipment is
for (Amazon's list of 377 codes, `data/carrier-codes.txt`), whether 'Other' was used for a
carrier that has its own code, and which number formats we can check for it.

Amazon reads a carrier's scans only when the carrier is one it integrates with (a code on its
list); 'Other' is right only for a listed carrier missing from the drop-down (domain.md 2, 6a).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from appeal.packaged import data_text
from appeal.tracking.formats import FAMILIES, Matcher, matchers_by_length
from appeal.tracking.kinds import NOT_INTEGRATED, USE_CODE

# carrier-code values that mean Other in the languages of Amazon's marketplaces (Otro, Andere
# and Sonstige are on Amazon's list itself; the others are how sellers' templates spell it).
OTHER_CODES = frozenset(
    {
        "other",
        "others",
        "otro",
        "otros",
        "outro",
        "outros",
        "andere",
        "anderer",
        "sonstige",
        "sonstiges",
        "autre",
        "autres",
        "altro",
        "altri",
        "overig",
        "overige",
        "inne",
        "inny",
        "diğer",
        "annat",
        "övrigt",
        "övriga",
        "その他",
        "其他",
        "其它",
        "أخرى",
    }
)

# Codes Seller Central's upload templates accept that the feed schema's list lacks (domain.md 6).
EXTRA_CODES = ("EMS",)

# Formats we check per carrier (keys are codes lower-cased without spaces or punctuation), and
# whether those formats are all of the carrier's numbers ("complete"). For a complete carrier a
# number of no known shape is unrecognised (a finding); for the others it is "not checked". A
# carrier absent here has no public format: every number is "not checked" (neither usable nor
# unusable), e.g. 4PX, Yanwen, SF Express, Yamato, Sagawa, Japan Post, GLS, Hermes.
# National posts: UPU S10 numbers are checked; their other (domestic) numbers are not.
_POSTAL_PART: tuple[tuple[str, ...], bool] = (("postal",), False)
CHECKS: dict[str, tuple[tuple[str, ...], bool]] = {
    "usps": (("usps", "postal"), True),
    "ups": (("ups",), True),
    "upsmi": (("usps", "ups"), False),
    "upsmailinnovations": (("usps", "ups"), False),
    "fedex": (("fedex",), True),
    "fedexsmartpost": (("fedex", "usps"), True),
    "fedexjp": (("fedex",), False),
    "dhl": (("dhl",), True),
    "dhlexpress": (("dhl",), True),
    "dhlecommerce": (("dhl", "usps", "postal"), False),
    "dhlglobalmail": (("dhl", "usps", "postal"), False),
    "ontrac": (("ontrac",), True),
    "lasership": (("ontrac",), True),  # one company since the merger; both take both formats
    "canadapost": (("canada_post", "postal"), True),
    "royalmail": (("postal",), True),
    "rmlgb": (("postal",), True),
    "chinapost": (("postal",), True),
    "eub": (("postal",), True),
    "ems": (("postal",), True),
    "dpd": (("dpd",), True),
    "yodel": (("yodel",), True),
    "yunexpress": (("yunexpress",), True),
    "amazonshipping": (("amazon",), True),
    "amzl": (("amazon",), True),
    "amzluk": (("amazon",), True),
    **dict.fromkeys(
        (
            "parcelforce",
            "deutschepost",
            "laposte",
            "colissimo",
            "coliposte",
            "hongkongpost",
            "singaporepost",
            "indiapost",
            "australiapost",
            "aussiepost",
            "postnl",
            "posteitaliane",
            "correos",
            "correios",
            "swisspost",
            "schweizerpost",
            "bpost",
            "postnord",
            "polishpost",
            "atpost",
            "emiratespost",
            "jerseypost",
        ),
        _POSTAL_PART,
    ),
}

FAMILY_NAMES = {
    "usps": "USPS",
    "postal": "a national post (UPU S10)",
    "ups": "UPS",
    "fedex": "FedEx",
    "dhl": "DHL",
    "ontrac": "OnTrac/LaserShip",
    "canada_post": "Canada Post",
    "dpd": "DPD",
    "yodel": "Yodel",
    "yunexpress": "YunExpress",
    "amazon": "Amazon Logistics",
}


def carrier_key(text: str) -> str:
    """A code or name compared without case, width, spaces or punctuation: 'Yun Express',
    'YunExpress' and 'ＹＵＮ-EXPRESS' are one key."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if ch.isalnum())


@dataclass(frozen=True)
class Carrier:
    """The carrier of one shipment as the row names it."""

    code: str  # carrier-code as written (trimmed)
    name: str  # carrier-name as written (trimmed); meaningful with Other
    listed: str | None  # the code on Amazon's list this shipment is for; None: not integrated
    other: bool  # carrier-code is Other (in any language)
    families: tuple[str, ...] = ()  # format families we check
    complete: bool = False  # those formats are all of the carrier's numbers
    hyphens: bool = False  # its format has a hyphen (LaserShip's piece suffix): keep them
    bits: int = 0  # the row's carrier findings: USE_CODE or NOT_INTEGRATED (kinds.py)
    # The carrier's formats by length (looked up once per row, so kept at hand).
    by_length: dict[int, tuple[Matcher, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def integrated(self) -> bool:
        """Amazon integrates with the carrier (it reads its scans)."""
        return self.listed is not None

    @property
    def use_code(self) -> str | None:
        """The listed code to select instead of what the row says (Other + a listed name, or a
        carrier-code that is a name for a listed code), else None."""
        if self.listed is None:
            return None
        if self.other or self.listed != self.code:
            return self.listed
        return None

    @property
    def checkable(self) -> bool:
        return bool(self.families)

    @property
    def shown(self) -> str:
        """How the row names the carrier: the code, or Other with its name."""
        if self.other:
            return f"{self.code} ({self.name})" if self.name else self.code
        return self.code


@cache
def _codes() -> dict[str, str]:
    """Amazon's codes by key (the first spelling of codes listed twice, e.g. Royal Mail)."""
    codes: dict[str, str] = {}
    for line in data_text("carrier-codes.txt").splitlines():
        if line and not line.startswith("#"):
            codes.setdefault(carrier_key(line), line)
    for code in EXTRA_CODES:
        codes.setdefault(carrier_key(code), code)
    return codes


def amazon_codes() -> list[str]:
    """Amazon's carrier codes (the list's spellings, each once)."""
    return list(_codes().values())


@cache
def _names() -> tuple[dict[str, str], tuple[tuple[str, bool, str], ...]]:
    """Seller names of listed carriers: by key, and as phrases to find inside longer names
    (longest first; Chinese and Japanese ones compared without spaces)."""
    by_key: dict[str, str] = {}
    phrases: list[tuple[str, bool, str]] = []
    for line in data_text("carrier-names.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        name, code = line.split("\t")
        by_key.setdefault(carrier_key(name), code)
        cjk = any(ord(ch) >= 0x2E80 for ch in name)
        phrases.append((carrier_key(name) if cjk else _words(name), cjk, code))
    phrases.sort(key=lambda item: -len(item[0]))
    return by_key, tuple(phrases)


def _words(text: str) -> str:
    """' royal mail tracked 48 ': lower-case words between single spaces."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return " " + " ".join("".join(ch if ch.isalnum() else " " for ch in folded).split()) + " "


def listed_code(name: str) -> str | None:
    """The code on Amazon's list that a carrier code or name stands for, or None."""
    key = carrier_key(name)
    if not key:
        return None
    codes = _codes()
    if key in codes:
        return codes[key]
    by_key, phrases = _names()
    if key in by_key:
        return by_key[key]
    words = _words(name)
    for phrase, cjk, code in phrases:
        if phrase in (key if cjk else words):
            return code
    return None


def is_other(code: str) -> bool:
    return carrier_key(code) in OTHER_CODES


@lru_cache(maxsize=4096)
def resolve_carrier(code: str, name: str = "") -> Carrier:
    """The carrier a row's carrier-code (and, with Other, carrier-name) names."""
    code, name = code.strip(), name.strip()
    other = is_other(code)
    listed = listed_code(name) if other else listed_code(code)
    exact = _codes().get(carrier_key(code)) if not other else None
    if exact is not None and carrier_key(exact) == carrier_key(code):
        listed = code  # the row's own spelling of a listed code: nothing to change
    families, complete = CHECKS.get(carrier_key(listed), ((), False)) if listed else ((), False)
    carrier = Carrier(code, name, listed, other, families, complete, "ontrac" in families)
    bits = USE_CODE if carrier.use_code else NOT_INTEGRATED if listed is None else 0
    return replace(carrier, bits=bits, by_length=matchers_by_length(families))


# A plain list checked without --carrier: every format will do.
ANY_CARRIER = Carrier("", "", None, False, FAMILIES, True, by_length=matchers_by_length(FAMILIES))
