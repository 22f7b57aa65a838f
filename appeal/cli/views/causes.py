"""The catalogue as text or JSON for `appeal causes`."""

from __future__ import annotations

import json
from typing import Any

from appeal.core.catalogue import PARTS, load_catalogue

_CHANNEL = {
    "en": {
        "vtr": "category-level: VTR appeals e-mail (amazon.com, amazon.co.uk), else Seller Central",
        "account": "Seller Central: Reactivate your account",
    },
    "zh": {
        "vtr": "品类级：发邮件至 VTR 申诉邮箱（美国站、英国站），其他站点走卖家后台",
        "account": "卖家后台：账户状况 > 重新激活账户（Reactivate your account）",
    },
}
_LABELS = {
    "en": {
        "metric": "metric",
        "target": "target",
        "channel": "channel",
        "root_causes": "root causes",
        "corrective_actions": "actions",
        "preventive_measures": "prevention",
    },
    "zh": {
        "metric": "指标",
        "target": "目标",
        "channel": "申诉渠道",
        "root_causes": "根本原因",
        "corrective_actions": "已采取的措施",
        "preventive_measures": "预防措施",
    },
}


def catalogue_text(lang: str) -> str:
    """A readable listing of every cause and its items."""
    catalogue = load_catalogue()
    labels = _LABELS[lang]
    lines: list[str] = []
    for cause in catalogue.causes.values():
        metric = cause.metric
        lines.append(f"{cause.id}: {cause.title(lang)}")
        lines.append(
            f"  {labels['metric']}: {metric.zh if lang == 'zh' else metric.en} "
            f"({labels['target']} {metric.target_text}, {metric.window})"
        )
        lines.append(f"  {labels['channel']}: {_CHANNEL[lang][cause.channel]}")
        for part in PARTS:
            lines.append(f"  {labels[part]}:")
            for item in cause.items(part):
                lines.append(f"    {item.id}: {item.zh if lang == 'zh' else item.en}")
        lines.append("")
    return "\n".join(lines).rstrip()


def catalogue_json() -> str:
    """The whole catalogue as JSON (both languages)."""
    catalogue = load_catalogue()
    out: list[dict[str, Any]] = []
    for cause in catalogue.causes.values():
        metric = cause.metric
        entry: dict[str, Any] = {
            "id": cause.id,
            "title": {"en": cause.title_en, "zh": cause.title_zh},
            "metric": {
                "id": metric.id,
                "name": metric.en,
                "target": metric.target,
                "better": metric.better,
                "window": metric.window,
            },
            "channel": cause.channel,
            "channel_rule": _CHANNEL["en"][cause.channel],
        }
        for part in PARTS:
            entry[part] = [
                {k: v for k, v in vars(item).items() if v is not None} for item in cause.items(part)
            ]
        out.append(entry)
    return json.dumps(out, ensure_ascii=False, indent=2)
