"""Every question and message of the wizard, in English and simplified Chinese."""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, tuple[str, str]] = {
    "step": ("Step {n} of {total}: {name}", "第 {n} 步（共 {total} 步）：{name}"),
    "step.seller": ("your business", "店铺与联系人"),
    "step.notice": ("Amazon's notice", "亚马逊通知"),
    "step.causes": ("what happened", "问题原因"),
    "step.details": ("root causes, actions, prevention", "根本原因、已采取措施、预防措施"),
    "step.channel": ("where the appeal goes", "申诉渠道与截止日期"),
    "step.review": ("review", "检查"),
    "step.finish": ("save and write the letter", "保存并生成申诉信"),
    "nav": ("Next?", "下一步？"),
    "nav.next": ("Continue to the next step", "继续下一步"),
    "nav.back": ("Go back to the previous step", "返回上一步"),
    "business_name": (
        "Legal business name (as in Seller Central)",
        "公司名称（与卖家后台一致，可写中文并在括号内附英文）",
    ),
    "store_name": ("Store name", "店铺名称"),
    "merchant_token": (
        "Merchant token (Settings > Account Info; Enter to skip)",
        "卖家记号 Merchant Token（设置 > 账户信息；可回车跳过）",
    ),
    "marketplace": ("Marketplace", "站点"),
    "contact_name": ("Your name (signs the letter)", "联系人姓名（信件署名）"),
    "contact_email": (
        "E-mail registered in Seller Central (Enter to skip)",
        "卖家后台注册邮箱（可回车跳过）",
    ),
    "paste_notice": (
        "Paste Amazon's notice if you have it (Esc then Enter to finish; leave empty to skip)",
        "如有亚马逊通知，请粘贴全文（按 Esc 再按 Enter 结束；留空跳过）",
    ),
    "notice_read": ("From the notice: {what}", "已从通知中读取：{what}"),
    "ambiguous": ("The notice writes {raw}: which date is it?", "通知中的日期 {raw} 是哪一天？"),
    "notice_date": ("Date of the notice (YYYY-MM-DD)", "通知日期（YYYY-MM-DD）"),
    "scope": ("What did Amazon remove?", "亚马逊限制了什么？"),
    "scope.category": (
        "Self-shipping in some categories (Valid Tracking Rate)",
        "部分品类的自发货权限（有效追踪率）",
    ),
    "scope.all": ("All self-shipping, or the account", "全部自发货权限或整个账户"),
    "categories": (
        "Categories named in the notice (comma-separated, in English)",
        "通知中列出的品类（英文，用逗号分隔）",
    ),
    "deadline": ("Deadline for the plan (YYYY-MM-DD)", "申诉截止日期（YYYY-MM-DD）"),
    "causes": (
        "Which causes apply? (space to tick, Enter to confirm)",
        "哪些原因适用？（空格勾选，回车确认）",
    ),
    "cause_title": ("Cause {n} of {total}: {title}", "原因 {n}/{total}：{title}"),
    "facts": (
        "What happened, with numbers and dates (e.g. '37 of 412 packages between 6 and "
        "30 October 2026 ...')",
        "发生了什么（英文，写明数量和日期，例如 '37 of 412 packages between ...'）",
    ),
    "root_causes": ("Root causes (space to tick)", "根本原因（空格勾选）"),
    "actions": ("Actions you have already taken (space to tick)", "已经采取的措施（空格勾选）"),
    "measures": ("Preventive measures (space to tick)", "预防措施（空格勾选）"),
    "own_root": (
        "Another root cause in your own words, in English (Enter to finish)",
        "补充根本原因（英文，直接回车结束）",
    ),
    "own_action": (
        "Another action in your own words, in English (Enter to finish)",
        "补充已采取措施（英文，直接回车结束）",
    ),
    "own_measure": (
        "Another preventive measure in your own words, in English (Enter to finish)",
        "补充预防措施（英文，直接回车结束）",
    ),
    "action_date": ("When was it done? (YYYY-MM-DD) {item}", "何时完成？（YYYY-MM-DD）{item}"),
    "owner": ("Who does it (role or name)? {item}", "由谁负责（职位或姓名）？{item}"),
    "start": ("Since when (YYYY-MM-DD)? {item}", "从何时开始（YYYY-MM-DD）？{item}"),
    "chinese_warning": (
        "The letter goes to Amazon in English, and this answer contains Chinese. "
        "Rewrite it in English?",
        "申诉信必须用英文，这个回答包含中文。要改写成英文吗？",
    ),
    "channel": (
        "Channel: {where}\n  why: {why}\nDeadline: {deadline} ({left})",
        "申诉渠道：{where}\n  原因：{why}\n截止日期：{deadline}（{left}）",
    ),
    "left": ("{n} days left", "剩余 {n} 天"),
    "no_deadline": ("none stated by Amazon", "亚马逊未规定"),
    "send_promptly": ("send promptly", "请尽快提交"),
    "past": ("{n} days past", "已过期 {n} 天"),
    "review_intro": ("Your letter:", "申诉信中文对照（寄出的是英文信）："),
    "review_ok": ("Save the case and write the letter?", "保存并生成申诉信？"),
    "formats": ("Which files? (space to tick)", "生成哪些文件？（空格勾选）"),
    "saved": ("Saved {path}.", "已保存 {path}。"),
    "wrote": ("Wrote:", "已生成："),
    "reading_copy": (
        "Chinese reading copy: {path} (the letter itself is English)",
        "中文对照稿：{path}（寄给亚马逊的信是英文）",
    ),
    "resume": ("{path} already holds answers. What now?", "{path} 已有填写内容。要怎么做？"),
    "resume.continue": (
        "Continue where I stopped (earlier answers are the defaults)",
        "从上次中断处继续（之前的回答作为默认值）",
    ),
    "resume.restart": (
        "Start again (the old file is kept as {backup})",
        "重新开始（旧文件保存为 {backup}）",
    ),
    "resume.quit": ("Quit", "退出"),
    "required": ("Please answer this question.", "此项必填。"),
    "bad_date": (
        "Write the date as YYYY-MM-DD, e.g. 2026-11-20.",
        "请按 YYYY-MM-DD 格式填写，例如 2026-11-20。",
    ),
    "bad_email": ("That does not look like an e-mail address.", "邮箱格式不正确。"),
    "pick_one": ("Tick at least one.", "请至少勾选一项。"),
}


def phrase(lang: str, key: str, **values: Any) -> str:
    """The text `key` in `lang` (en or zh), with `values` filled in."""
    en, zh = TEXTS[key]
    return (zh if lang == "zh" else en).format(**values)
