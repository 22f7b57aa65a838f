"""The words of the page itself (buttons, headings, messages), in English and Chinese.

Questions, step names, hints and examples are the terminal wizard's (`appeal.wizard.texts`):
`say` looks there for every key this table does not hold, so both faces ask the same way.
"""

from __future__ import annotations

from typing import Any

from appeal.wizard.texts import TEXTS as WIZARD
from appeal.wizard.texts import phrase

PAGE: dict[str, tuple[str, str]] = {
    "app": ("appeal: your Plan of Action", "appeal：申诉行动计划"),
    "cases": ("Your cases", "我的申诉"),
    "cases.none": (
        "No case in this folder yet. Start one below.",
        "此文件夹中还没有申诉。请在下方新建。",
    ),
    "cases.folder": ("Folder: {folder}", "文件夹：{folder}"),
    "col.name": ("Case", "申诉"),
    "col.marketplace": ("Marketplace", "站点"),
    "col.causes": ("Causes", "原因"),
    "col.deadline": ("Deadline", "截止日期"),
    "col.outcome": ("Last answer from Amazon", "亚马逊最近答复"),
    "draft": ("draft: {n} answers missing or to fix", "草稿：{n} 项待填写或修改"),
    "draft.one": ("draft: 1 answer missing or to fix", "草稿：1 项待填写或修改"),
    "col.no_deadline": ("none stated; send promptly", "通知未写明；请尽快提交"),
    "not_sent": ("not sent yet", "尚未提交"),
    "deadline.met": ("met: sent {date}", "已按时提交（{date}）"),
    "deadline.accepted": ("accepted: no deadline now", "已通过：不再有截止日期"),
    "new": ("Start a new case", "新建申诉"),
    "new.name": ("File name for the case", "申诉文件名"),
    "new.name.hint": (
        "Saved in this folder as a .yaml file, e.g. toys-vtr-2026-11.",
        "保存为此文件夹中的 .yaml 文件，例如 toys-vtr-2026-11。",
    ),
    "new.lang": ("Language of the questions", "提问语言"),
    "new.go": ("Start", "开始"),
    "new.exists": (
        "{name} already exists: open it from the list above.",
        "{name} 已存在：请在上方列表中打开。",
    ),
    "lang.en": ("English", "English"),
    "lang.zh": ("中文", "中文"),
    "switch_lang": ("中文", "English"),
    "back_to_cases": ("All cases", "全部申诉"),
    "steps": ("Steps", "步骤"),
    "tab.evidence": ("Your files", "数据文件"),
    "tab.history": ("Submissions", "提交记录"),
    "monitor": ("Monitor your metrics", "指标监控"),
    "saved": ("Saved", "已保存"),
    "saving": ("Saving…", "正在保存…"),
    "save.offline": (
        "Your last change was NOT saved: the appeal program is not answering (its terminal "
        "window was closed, or `appeal serve` was stopped). What you typed is still in the "
        "fields and kept in this browser. Keep this tab open and start `appeal serve` again: "
        "this page then saves it by itself.",
        "您刚才的修改没有保存：appeal 程序没有响应（终端窗口被关闭，或 `appeal serve` 已停止）。"
        "您输入的内容仍在输入框中，并已保留在此浏览器里。请保持此标签页打开，重新运行 "
        "`appeal serve`，本页会自动保存。",
    ),
    "save.too_large": (
        "Your last change was NOT saved: the answers on this page came to more than {mb} MB, "
        "far more than a letter can hold (a text box takes up to {limit} characters). Shorten "
        "what was pasted last; the page saves as soon as it fits.",
        "您刚才的修改没有保存：本页的回答超过 {mb} MB，远超申诉信能容纳的长度（每个输入框最多 "
        "{limit} 个字符）。请缩短刚才粘贴的内容；长度合适后本页会自动保存。",
    ),
    "save.restarted": (
        "Your last change was NOT saved: `appeal serve` was restarted, and this page still "
        "holds the old key. What you typed is still in the fields and kept in this browser. "
        "Open the new address that `appeal serve` printed in the terminal, in this browser "
        "(a new tab is fine), then come back to this tab: it saves your answers by itself.",
        "您刚才的修改没有保存：`appeal serve` 已重新启动，本页面仍在使用旧的密钥。"
        "您输入的内容仍在输入框中，并已保留在此浏览器里。请在此浏览器中打开终端里新显示的地址"
        "（在新标签页打开即可），然后回到本标签页：它会自动保存您的内容。",
    ),
    "conflict": (
        "This case was changed elsewhere (another tab, the command line or an editor) after "
        "this page was opened. Your last change was NOT saved, and nothing was overwritten. "
        "What you typed is still in the fields: copy it if you need it, then reload.",
        "此申诉在本页面打开后被其他地方修改过（另一个标签页、命令行或编辑器）。"
        "您刚才的修改没有保存，也没有覆盖任何内容。您输入的内容仍在输入框中：需要的话请先复制，再重新加载。",
    ),
    "conflict.reload": (
        "Reload to see the case as it is now",
        "重新加载，查看当前内容",
    ),
    "preview": ("Your letter", "申诉信预览"),
    "preview.reading": (
        "Chinese reading copy (the letter itself is English)",
        "中文对照稿（寄出的是英文信）",
    ),
    "findings": ("What the checks found", "检查结果"),
    "go_to_answer": ("go to the answer", "去修改"),
    "channel.box": ("Where to send it", "提交方式"),
    "channel.choice": ("Channel", "申诉渠道"),
    "channel.auto": ("Decide from the notice (recommended)", "根据通知自动判断（推荐）"),
    "channel.email_choice": ("E-mail (VTR appeals address)", "电子邮件（VTR 申诉邮箱）"),
    "channel.sc_choice": ("Seller Central appeal form", "卖家后台申诉表"),
    "channel.unknown": (
        "The channel is decided once your business and the notice are answered.",
        "填写店铺信息和通知后即可确定申诉渠道。",
    ),
    "channel.how": ("{how} ({n} steps, click to show)", "{how}（共 {n} 步，点击展开）"),
    "channel.fix": (
        "Where to send it is shown once the answers listed below are fixed.",
        "修改下方列出的回答后，即可显示提交方式。",
    ),
    "counter": ("{n} of at most {limit} characters", "{n} 个字符（最多 {limit} 个）"),
    "counter.over": (
        "{n} characters: too long, keep it under {limit}",
        "{n} 个字符：太长了，请少于 {limit} 个",
    ),
    "missing_or_fix": ("Answers missing or to fix:", "尚未填写或需要修改："),
    "step.to_fix": ("an answer here needs fixing", "此步有需要修改的回答"),
    "files.to_fix": (
        "The letter can be downloaded once these answers are fixed:",
        "修改以下回答后即可下载申诉信：",
    ),
    "reference": ("Reference in the notice (optional)", "通知中的编号（可选）"),
    "evidence.no_cause": (
        "The tracking findings were not added to the case: it has no 'Invalid tracking IDs' "
        "cause. Tick that cause in step 3 if these are why Amazon wrote, then drop the file "
        "again.",
        "追踪号检查结果未写入申诉：申诉中没有“追踪编码无效”原因。如果这是亚马逊来信的原因，"
        "请在第 3 步勾选该原因，然后再次拖入文件。",
    ),
    "read_notice": ("Read the notice", "读取通知"),
    "notice.is_reply": (
        "This is Amazon's reply to your appeal, not a notice: nothing was changed in the case. "
        "Record it under Submissions, with the day you sent the letter and Amazon's answer, "
        "and paste this reply there (it is still in the box above to copy). The checks then "
        "compare your letter with the one Amazon answered and show what the reply asks you to "
        "change.",
        "这是亚马逊对您申诉的回复，不是通知：申诉内容没有改动。请在“提交记录”中登记：填写您发出申诉信"
        "的日期和亚马逊的答复，并把这封回复粘贴进去（它仍在上面的框中，可以复制）。之后检查会把您的"
        "信与被答复的那封信比较，并指出回复要求您修改的地方。",
    ),
    "notice.to_history": ("Record it under Submissions", "到“提交记录”中登记"),
    "notice_text": ("Amazon's notice", "亚马逊通知全文"),
    "own.add": ("Add a sentence in your own words", "用自己的话补充一条"),
    "answers_numbers": (
        "Answers root cause no. (as the letter numbers them, e.g. 1 or 1, 3)",
        "对应根本原因编号（按信中编号，如 1 或 1, 3）",
    ),
    "own.remove": ("Remove", "删除"),
    "pick_causes_first": ("Tick the causes first (step 3).", "请先在第 3 步勾选原因。"),
    "review.ok": ("The letter can be sent.", "申诉信可以提交。"),
    "review.errors": (
        "Fix the errors before sending: Amazon rejects letters like this.",
        "提交前请先修改错误：这样的信会被亚马逊拒绝。",
    ),
    "resend.head": (
        "Not ready to send again: Amazon's answer to the letter you sent on {date} was "
        "“{outcome}”.",
        "还不能再次提交：亚马逊对您 {date} 发出的信的答复是“{outcome}”。",
    ),
    "resend.asked": (
        "Amazon's reply asks for more on: {parts}.",
        "亚马逊的回复要求补充：{parts}。",
    ),
    "resend.same": (
        "This letter is still {same} the same as that one, and Amazon rejects a letter sent "
        "again nearly unchanged.",
        "这封信与那封信仍有 {same} 相同；几乎不变地再次提交，亚马逊会再次拒绝。",
    ),
    "resend.unchanged": ("Unchanged since then: {parts}.", "至今没有改动：{parts}。"),
    "resend.how": (
        "Rework what Amazon asked for, with figures, dates and the mechanism that stops it "
        "happening again, then check here again.",
        "请用数字、日期和防止再次发生的机制改写亚马逊要求补充的部分，然后回到这里再检查。",
    ),
    "resend.go": ("Go to step 4", "去第 4 步"),
    "files": ("Download the letter", "下载申诉信"),
    "files.errors": (
        "The letter still has {n} errors. You can download it anyway, but fix them before sending.",
        "申诉信还有 {n} 个错误。可以先下载，但提交前请先修改。",
    ),
    "files.not_ready": (
        "The letter can be downloaded once every step is answered.",
        "所有步骤填写完成后即可下载申诉信。",
    ),
    "fmt.zh": ("Chinese reading copy (.zh.txt)", "中文对照稿 (.zh.txt)"),
    "boxes": ("Paste each box into the appeal form", "将每一栏粘贴到申诉表中"),
    "box.count": ("{n} characters", "{n} 个字符"),
    "copy": ("Copy", "复制"),
    "copy.letter": (
        "The letter as text, to paste into your e-mail",
        "信件正文（可粘贴到邮件中）",
    ),
    "subject": ("Subject:", "邮件主题："),
    "copied": ("Copied", "已复制"),
    "evidence": ("Your Seller Central files", "卖家后台数据文件"),
    "evidence.intro": (
        "Drop an All Orders or Unshipped report, the SP-API seller performance report (.json) "
        "or a shipping-confirmation file here. Figures go into the case and the letter; "
        "tracking IDs are checked and a corrected file is offered. Nothing leaves this computer.",
        "将全部订单报告、未发货订单报告、SP-API 账户表现报告 (.json) 或发货确认文件拖到这里。"
        "数据会写入申诉和申诉信；追踪号会被检查，并提供修正后的文件。所有数据都不会离开本电脑。",
    ),
    "evidence.choose": ("Choose files", "选择文件"),
    "evidence.drop": ("or drop them here", "或拖放到这里"),
    "evidence.send": ("Read the files", "读取文件"),
    "evidence.figures": ("Figures from your files", "根据文件计算的数据"),
    "evidence.tracking": ("Tracking IDs", "追踪号检查"),
    "evidence.fixed": ("Download the corrected file", "下载修正后的文件"),
    "evidence.added": ("Added to the case:", "已写入申诉："),
    "evidence.into": ("What went into the case:", "写入申诉的内容："),
    "evidence.not_written": (
        "Not written into the case: {why}",
        "未写入申诉：{why}",
    ),
    "col.figure": ("Figure", "指标"),
    "col.value": ("Value", "数值"),
    "col.count": ("Count", "数量"),
    "col.window": ("Window", "时间窗口"),
    "col.target": ("Amazon's target", "亚马逊目标"),
    "col.finding": ("Finding", "问题"),
    "col.rows": ("Rows", "行数"),
    "history": ("Submissions and Amazon's replies", "提交记录与亚马逊答复"),
    "history.none": ("Nothing recorded yet.", "尚无记录。"),
    "history.rework": (
        "Amazon's reply of {date} asks for more on:",
        "亚马逊 {date} 的答复要求补充：",
    ),
    "history.add": ("Record a submission", "记录一次提交"),
    "history.date": ("Date sent", "提交日期"),
    "history.channel": ("Sent by", "提交方式"),
    "history.outcome": ("Amazon's answer so far", "亚马逊目前的答复"),
    "history.reply": ("Amazon's reply (paste it)", "亚马逊答复原文（粘贴）"),
    "history.save": ("Record it", "保存记录"),
    "history.changed": ("What changed in the letter since it was sent", "寄出后信件的改动"),
    "outcome.pending": ("pending", "等待答复"),
    "outcome.accepted": ("accepted", "已通过"),
    "outcome.rejected": ("rejected", "被拒绝"),
    "outcome.more_info": ("more information asked", "要求补充信息"),
    "sub.email": ("e-mail", "电子邮件"),
    "sub.seller_central": ("Seller Central", "卖家后台"),
    "next": ("Next step", "下一步"),
    "previous": ("Previous step", "上一步"),
    "problem": ("Something went wrong", "出错了"),
    "unreadable": ("This case file cannot be read", "此申诉文件无法读取"),
    "cannot_read": ("cannot be read", "无法读取"),
    "bug": (
        "appeal hit a bug and could not finish this. Nothing was lost: your answers are in the "
        "case file. The terminal running `appeal serve` shows the details to report.",
        "appeal 出现程序错误，未能完成此操作。您的回答都已保存在申诉文件中。"
        "运行 `appeal serve` 的终端里有可报告的详细信息。",
    ),
    "not_found": ("There is no such page or case here.", "没有这个页面或申诉。"),
    "reading_copy_note": (
        "Your own sentences appear as you typed them.",
        "您自己写的内容按原文显示。",
    ),
}


def question(lang: str, key: str, **values: Any) -> str:
    """A question's label for the page: the wizard's question (its texts name no keys to
    press; the terminal adds those)."""
    return say(lang, key, **values).strip()


def has(key: str) -> bool:
    return key in PAGE or key in WIZARD


def say(lang: str, key: str, **values: Any) -> str:
    """The text `key` in `lang`: the page's own words, else the wizard's."""
    if key in PAGE:
        en, zh = PAGE[key]
        return (zh if lang == "zh" else en).format(**values)
    return phrase(lang, key, **values)
