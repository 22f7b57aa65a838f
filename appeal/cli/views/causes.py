"""How `appeal causes` shows the catalogue: readable text (English or Chinese) or JSON."""

from __future__ import annotations

import json
from typing import Any

import typer

from appeal.core.catalogue import PARTS, Catalogue
from appeal.core.marketplaces import marketplaces

_WORDS = {
    "en": {"metric": "metric", "target": "target", "channel": "channel"},
    "zh": {"metric": "指标", "target": "目标", "channel": "申诉渠道"},
}


def channel_rule(rule: str, lang: str) -> str:
    """The channel rule of a cause in words, with the marketplaces that have a VTR address."""
    with_address = ", ".join(m.domain for m in marketplaces().values() if m.vtr_address)
    if rule == "vtr":
        if lang == "zh":
            return f"品类级：发邮件至 VTR 申诉邮箱（{with_address}），其他站点走卖家后台"
        return f"category-level: VTR appeals e-mail ({with_address}), else Seller Central"
    if lang == "zh":
        return "卖家后台：账户状况 > 重新激活账户（Reactivate your account）"
    return "Seller Central: Reactivate your account"


def catalogue_text(catalogue: Catalogue, lang: str) -> str:
    words = _WORDS[lang]
    lines: list[str] = []
    for cause in catalogue.causes.values():
        metric = cause.metric
        lines.append(f"{cause.id}: {cause.title(lang)}")
        lines.append(
            f"  {words['metric']}: {metric.zh if lang == 'zh' else metric.en} "
            f"({words['target']} {metric.target_text}, {metric.window})"
        )
        lines.append(f"  {words['channel']}: {channel_rule(cause.channel, lang)}")
        for part in PARTS:
            lines.append(f"  {catalogue.part_name(part, lang)}:")
            for item in cause.items(part):
                lines.append(f"    {item.id}: {item.zh if lang == 'zh' else item.en}")
        lines.append("")
    return "\n".join(lines).rstrip()


def catalogue_json(catalogue: Catalogue) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for cause in catalogue.causes.values():
        entry: dict[str, Any] = {
            "id": cause.id,
            "title": {"en": cause.title_en, "zh": cause.title_zh},
            "metric": {
                "id": cause.metric.id,
                "name": cause.metric.en,
                "target": cause.metric.target,
                "better": cause.metric.better,
                "window": cause.metric.window,
            },
            "also_affects": [m.id for m in cause.metrics[1:]],
            "channel": cause.channel,
            "channel_rule": channel_rule(cause.channel, "en"),
        }
        for part in PARTS:
            entry[part] = [item.model_dump(exclude_none=True) for item in cause.items(part)]
        out.append(entry)
    return out


def show_causes(catalogue: Catalogue, *, lang: str, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(catalogue_json(catalogue), ensure_ascii=False, indent=2))
    else:
        typer.echo(catalogue_text(catalogue, lang))
