"""The words Amazon's notices use (domain.md section 6a), as patterns for the notice reader.

Matched against the text after NFKC folding (full-width digits, `％` and `：` become ASCII).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _spaced(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """The pattern with each space matching any run of white space (notices wrap anywhere)."""
    return re.compile(pattern.replace(" ", r"\s+"), flags)


# What kind of message it is.
CORRECTION = re.compile(
    r"\bcorrection\b|\bcorrected notice\b|sent (?:to you )?in error|please disregard|"
    r"disregard (?:our|the|this|that) (?:previous|earlier|last)|更正|请忽略",
    _I,
)
REPLY_CONTEXT = re.compile(
    r"thank you for (?:your|submitting|sending|the)\b|we (?:have )?(?:reviewed|received) your|"
    r"after (?:reviewing|review of) your|(?:your|the) (?:plan of action|appeal|POA)\b.{0,40}?"
    r"\b(?:has been|was|is|does|did)\b|您的申诉|您提交的(?:行动计划|申诉|计划)|我们已审核",
    _I | re.DOTALL,
)
REPLY_OUTCOMES = (
    (
        "more_info",
        re.compile(
            r"greater detail|more (?:information|detail)|additional (?:information|detail)|"
            r"(?:please|kindly) (?:provide|send|explain)|更多信息|更详细|补充",
            _I,
        ),
    ),
    (
        "rejected",
        re.compile(
            r"not a valid plan|not (?:been )?accepted|unable to accept|cannot accept|denied|"
            r"rejected|insufficient|未通过|不予通过|被拒",
            _I,
        ),
    ),
    (
        "accepted",
        re.compile(
            r"\baccepted\b|reinstated|restored|reactivated|已通过|已恢复|恢复了您的",
            _I,
        ),
    ),
)
REMOVAL = _spaced(
    r"(?:we|amazon) (?:have |has )?(?:temporarily )?"
    r"(?:removed|deactivated|suspended|restricted|blocked|revoked)|"
    r"(?:has|have) been (?:deactivated|suspended|removed|restricted|revoked)|"
    r"(?:is|are) (?:now )?(?:deactivated|suspended)\b|"
    r"(?:you )?may no longer (?:sell|fulfil|offer|list)|"
    r"you (?:currently )?may not (?:sell|fulfil|offer|list)|"
    r"(?:are|is) (?:temporarily )?unable to (?:sell|fulfil|offer|list)|"
    r"removed your (?:selling|fulfil{1,2}ment) privileges|no longer (?:able|permitted) to|"
    r"已被停用|已被暂停|已被移除|已移除|已暂停|已停用|将被停售|已被停售|已被限制|已取消您的",
    _I,
)
WARNING = re.compile(
    r"at risk of|if this (?:continues|persists|does not improve)|"
    r"(?:may|could|might) (?:lead to|result in)|"
    r"we (?:may|might|could) (?:deactivate|remove|suspend|restrict)|"
    r"(?:may|will) be (?:deactivated|removed|suspended|restricted)|"
    r"before we (?:deactivate|remove|suspend)|risk of (?:deactivation|suspension|removal)|"
    r"有被停用的风险|可能会被(?:停用|暂停|移除)|可能导致|如果.{0,10}(?:继续|持续)",
    _I,
)

# What was removed.
CATEGORY_SCOPE = re.compile(r"categor(?:y|ies)\b|product (?:line|type)s?\b|品类|类目|分类", _I)
ACCOUNT_SCOPE = re.compile(
    r"selling account|your account|seller account|all (?:of )?your (?:merchant|seller|self)|"
    r"(?:seller|merchant)[- ]fulfil{1,2}ed (?:offers|listings|orders)|selling privileges|"
    r"账户|账号|所有自配送|全部自配送|自配送商品",
    _I,
)

# Metric id -> the words notices use for it (abbreviations only in capitals).
METRICS: dict[str, re.Pattern[str]] = {
    "valid_tracking_rate": _spaced(
        r"(?i:valid[- ]tracking[- ]rate|not providing valid tracking|"
        r"valid tracking (?:numbers?|ids?|information)|有效(?:追踪|跟踪)率|有效追踪编码)|\bVTR\b"
    ),
    "late_shipment_rate": _spaced(
        r"(?i:late (?:shipment|dispatch) rate|rate of late shipments|shipped late|"
        r"迟发率|延迟发货率)|\bLSR\b"
    ),
    "cancellation_rate": _spaced(
        r"(?i:pre-?fulfil{1,2}ment cancel(?:lation)? rate|cancel(?:lation)? rate|"
        r"rate of (?:order )?cancellations|配送前取消率|取消率)|\bCR\b"
    ),
    "order_defect_rate": _spaced(
        r"(?i:order defect rate|defect rate of your orders?|订单缺陷率)|\bODR\b"
    ),
    "on_time_delivery_rate": _spaced(
        r"(?i:on-?\s?time delivery rate|non-receipt and late-receipt complaints|"
        r"late-receipt complaints|准时送达率|准时交货率)|\bOTDR\b"
    ),
}
# Wording that points at a cause beyond the metric's usual one.
CAUSE_WORDS = (
    (
        "invalid_tracking",
        _spaced(
            r"invalid tracking|tracking (?:ids?|numbers?) (?:\w+ ){0,3}(?:were|was|are|is) "
            r"(?:invalid|missing|wrong)|valid tracking numbers|无效(?:追踪|跟踪)|有效追踪编码",
            _I,
        ),
    ),
    (
        "untrackable_shipments",
        _spaced(
            r"no (?:physical )?carrier scans?|non-integrated carrier|without (?:any )?scans?", _I
        ),
    ),
    ("late_shipment", _spaced(r"late shipments?|shipped late|迟发|延迟发货", _I)),
    ("late_delivery", _spaced(r"late deliver(?:y|ies)|delivered late|延迟送达", _I)),
    ("cancellations", _spaced(r"cancell?ations|取消订单", _I)),
    ("feedback_claims", _spaced(r"negative feedback|a-to-z|chargebacks?|差评|索赔", _I)),
)

PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b)", _I)
# A percentage is Amazon's threshold, not the seller's figure, when these come right before it...
TARGET_BEFORE = re.compile(
    r"(?:(?:target|goal|requirement|threshold|standard|limit|minimum|maximum)"
    r"(?:\s+\w+){0,3}?\s*(?:of|is|:)?\s*(?:less than|lower than|under|below|above|over|"
    r"more than|at least|greater than)?|(?:less|lower|fewer|greater|higher|more)\s+than|"
    r"(?:under|below|above|over|exceeds?|exceeding|at least|at most|no more than|"
    r"no less than|beneath)(?:\s+(?:the|our|amazon's|an?))?(?:\s+(?:required|target|"
    r"minimum|maximum|policy))?|[<>≥≤]=?|"
    r"低于|高于|超过了?|不低于|不超过|小于|大于|至少|目标(?:值)?(?:为|是)?|要求(?:为|是)?|"
    r"标准(?:为|是)?)\s*(?:的\s*)?$",
    _I,
)
# ... or right after it.
TARGET_AFTER = re.compile(
    r"^\s*(?:target|goal|requirement|threshold|standard|minimum|maximum|limit|"
    r"的(?:目标|要求|标准|指标|最低要求)|(?:目标|要求|标准))",
    _I,
)
WINDOW_DAYS = re.compile(
    r"(?:in|over|during|for|within)\s+the\s+(?:past|last|previous|preceding)\s+(\d{1,3})\s+"
    r"days|(\d{1,3})[- ]day\s+(?:period|window)|过去\s*(\d{1,3})\s*天",
    _I,
)
DEADLINE_DAYS = re.compile(
    r"within\s+(\d{1,2})\s+(?:calendar\s+|business\s+)?days|"
    r"(?<!过去)(?<!过去\s)(?<!\d)(\d{1,2})\s*(?:个工作日|天|日)内",
    _I,
)

# Amazon's category names that contain a comma (so a comma alone does not split them).
CATEGORIES_WITH_COMMAS = (
    "Clothing, Shoes & Jewelry",
    "Arts, Crafts & Sewing",
    "Patio, Lawn & Garden",
    "Health, Household & Baby Care",
    "Shoes, Handbags & Sunglasses",
    "Home, Garden & Tools",
    "Sports, Fitness & Outdoors",
    "Movies, Music & Games",
    "Books, Music & Video",
    "Lighting, Fans & Ceiling Fans",
    "Beauty, Health & Personal Care",
)
