"""Every question and message of the wizard, in English and simplified Chinese, by key.

The terminal wizard and the web front end show the same questions: a question's key names its
text here (`phrase`) and its one-line hint (`hint`: what Amazon wants to read, with an example).
A question's text is the question only; which key to press is the terminal prompter's to add
(`list.*`, `multiline`, `keys.*`).
"""

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
    "nav.review": ("Back to the review", "返回检查页"),
    # the terminal's own words: which keys to press (the questions above and below carry none,
    # since the web page shows the same questions)
    "list.one": (
        "(arrow keys to move, Enter to choose, type to filter)",
        "（方向键移动，回车选择，输入文字筛选）",
    ),
    "list.many": (
        "(arrow keys to move, Space to tick, Enter to confirm, type to filter)",
        "（方向键移动，空格勾选，回车确认，输入文字筛选）",
    ),
    "list.filter": ("filter: ", "筛选："),
    "list.no_match": (
        "Nothing matches '{typed}': Backspace to change it",
        "没有与“{typed}”匹配的项：按退格键修改",
    ),
    "list.done": ("{n} ticked", "已勾选 {n} 项"),
    "list.none": ("none ticked", "未勾选"),
    "multiline": ("\n  (finish with Esc then Enter)\n>", "\n  （按 Esc 再按 Enter 结束）\n>"),
    "keys.skip": ("(Enter to skip)", "（可回车跳过）"),
    "keys.finish": ("(Enter to finish)", "（直接回车结束）"),
    "keys.none": ("(Enter: none)", "（回车表示没有）"),
    "yes": ("Yes", "是"),
    "no": ("No", "否"),
    # step 1
    "business_name": (
        "Legal business name (as in Seller Central)",
        "公司名称（与卖家后台一致，可写中文并在括号内附英文）",
    ),
    "store_name": ("Store name", "店铺名称"),
    "merchant_token": (
        "Merchant token (Settings > Account Info)",
        "卖家记号 Merchant Token（设置 > 账户信息）",
    ),
    "merchant_token_required": (
        "Merchant token (Settings > Account Info > Your Merchant Token)",
        "卖家记号 Merchant Token（设置 > 账户信息 > 您的卖家记号）",
    ),
    "marketplace": ("Marketplace", "站点"),
    "contact_name": ("Your name (signs the letter)", "联系人姓名（信件署名）"),
    "contact_name_latin": (
        "Your name in pinyin or English, as the letter is signed",
        "请填写署名用的拼音或英文姓名",
    ),
    "contact_email": (
        "E-mail registered in Seller Central",
        "卖家后台注册邮箱",
    ),
    # step 2
    "paste_notice": (
        "Paste Amazon's notice if you have it (leave empty to skip)",
        "如有亚马逊通知，请粘贴全文（留空跳过）",
    ),
    "notice_read": ("From the notice: {what}", "已从通知中读取：{what}"),
    "notice_says": ("What the notice says:", "通知内容："),
    "notice_reply": (
        "This is Amazon's reply to an appeal ({outcome}), not a new notice. Record it in the "
        "case with: appeal history add CASE --date DATE --channel {channel} --outcome {outcome} "
        "--reply-file FILE",
        "这是亚马逊对申诉的回复（{outcome}），不是新的通知。请用以下命令记入案例：appeal history "
        "add CASE --date 日期 --channel {channel} --outcome {outcome} --reply-file 文件",
    ),
    "ambiguous": ("The notice writes {raw}: which date is it?", "通知中的日期 {raw} 是哪一天？"),
    "notice_date": (
        "Date of the notice (the day Amazon sent it)",
        "通知日期（亚马逊发出通知的那一天）",
    ),
    "scope": ("What did Amazon remove?", "亚马逊限制了什么？"),
    "scope.category": (
        "Self-shipping in some categories (Valid Tracking Rate)",
        "部分品类的自发货权限（有效追踪率）",
    ),
    "scope.all": ("All self-shipping, or the account", "全部自发货权限或整个账户"),
    "scope.warning": (
        "Nothing yet: the notice is a warning",
        "尚未限制：这是一封警告通知",
    ),
    "warning_only": (
        "A warning removes nothing, so there is no appeal to send: Amazon takes none for a "
        "warning. Fix the cause now and watch the figure in Account Health (or with "
        "`appeal monitor`). You can still prepare a plan and keep it ready; it is sent nowhere.",
        "警告不会停用任何权限，所以不需要申诉，亚马逊也不受理针对警告的申诉。请立即解决问题，"
        "并在账户状况页面（或用 `appeal monitor`）关注该指标。您仍可准备一份行动计划备用，"
        "它不会被发送。",
    ),
    "warning_plan": ("Prepare a plan anyway, to keep ready?", "仍要准备一份行动计划备用吗？"),
    "categories": (
        "Categories named in the notice (separate them with ;)",
        "通知中列出的品类（英文，多个品类用 ; 分隔）",
    ),
    "deadline": ("Deadline for the plan", "申诉截止日期"),
    "deadline_none": (
        "Deadline for the plan, if the notice gives one",
        "申诉截止日期（通知中写明时填写）",
    ),
    # step 3 and 4
    "causes": ("Which causes apply?", "哪些原因适用？"),
    "untick": (
        "You wrote answers for {title}. Untick it anyway? (ticking it again brings them back)",
        "“{title}”已有填写内容。仍要取消勾选吗？（重新勾选可恢复）",
    ),
    "own_figure": (
        "Your {metric} as Account Health shows it, in % (Amazon's target {target}; optional)",
        "您的{metric}（以账户状况页面为准，单位 %；亚马逊要求 {target}；可不填）",
    ),
    "own_window": (
        "The days Amazon measured your {metric} over: first and last day",
        "该{metric}的统计期间：起止日期",
    ),
    "bad_window": (
        "Give the first and the last day, e.g. 2026-10-01 to 2026-10-30.",
        "请填写起止两个日期，例如 2026-10-01 至 2026-10-30。",
    ),
    "window_order": (
        "The first day ({start}) is after the last day ({end}).",
        "开始日期（{start}）晚于结束日期（{end}）。",
    ),
    "window_after_notice": (
        "{date} is after the notice date ({today}); Amazon measured the figure before it.",
        "{date} 晚于通知日期（{today}）；亚马逊的数值是在通知之前统计的。",
    ),
    "bad_rate": ("Type the rate in percent, e.g. 91.2", "请输入百分比数值，例如 91.2"),
    "fraction_rate": (
        "{value} looks like a fraction (Amazon's reports write 0.912 for 91.2 %); type the "
        "rate in percent, e.g. {percent}",
        "{value} 看起来是小数形式（亚马逊报告把 91.2 % 写作 0.912）；请输入百分比，例如 {percent}",
    ),
    "cause_title": ("Cause {n} of {total}: {title}", "原因 {n}/{total}：{title}"),
    "facts": (
        "What happened, with numbers and dates (in English)",
        "发生了什么（英文，写明数量和日期）",
    ),
    "root_causes": ("Root causes", "根本原因"),
    "actions": ("Actions you have already taken", "已经采取的措施"),
    "measures": ("Preventive measures", "预防措施"),
    "own_root": (
        "Another root cause in your own words, in English",
        "补充根本原因（英文）",
    ),
    "own_action": (
        "Another action in your own words, in English",
        "补充已采取措施（英文）",
    ),
    "own_measure": (
        "Another preventive measure in your own words, in English",
        "补充预防措施（英文）",
    ),
    "proof": (" (proof: {what})", "（证明材料：{what}）"),
    "action_date": ("When was it done? {item}", "何时完成？{item}"),
    "owner": (
        "Who does it (role or name, in English)? {item}",
        "由谁负责（职位或姓名，英文）？{item}",
    ),
    "frequency": (
        "How often (in English)? {item}",
        "多久执行一次（英文）？{item}",
    ),
    "start": ("Since when? {item}", "从何时开始？{item}"),
    "answers": (
        "Which root causes does it answer? {item}",
        "它针对哪些根本原因？{item}",
    ),
    "attachments": (
        "Evidence files for this cause, in the case file's folder (separate them with ;)",
        "这个原因的证据文件（放在案例文件所在的文件夹，多个用 ; 分隔）",
    ),
    "attachment_missing": (
        "{name} is not in {folder}: put the file there first, or leave it out.",
        "{folder} 中没有 {name}：请先把文件放到那里，或不要填写它。",
    ),
    # what a finding about the links asks, said where the wizard and the page ask it (the
    # checks' own wording names the case file's keys)
    "fix.untraced": (
        "in step 4, say for each action and preventive measure which root causes it answers; "
        "the letter then writes 'addresses root cause 1', and a reviewer sees every root cause "
        "dealt with",
        "请在第 4 步为每条措施选择它针对的根本原因；信中会写明对应关系，"
        "审核员能看到每个根本原因都有处理",
    ),
    "fix.root-cause-unanswered": (  # {head}: what is missing, as the checks say it
        "{head}: in step 4, tick it for an action or measure (or add one), or remove the root "
        "cause if it did not contribute",
        "{head}：请在第 4 步为某条措施勾选它（或补充一条），若该原因并不成立请删除",
    ),
    "fix.no-evidence": (
        "in step 4, give this cause's evidence files (saved beside the case file), e.g. the "
        "Account Health or VTR report export, the corrected upload file, before/after "
        "screenshots of the changed setting",
        "请在第 4 步填写这个原因的证据文件（先保存到案例文件旁边），如账户状况或有效追踪率报告、"
        "更正后的上传文件、设置修改前后截图",
    ),
    "chinese_warning": (
        "The letter goes to Amazon in English, and this answer contains Chinese. "
        "Rewrite it in English?",
        "申诉信必须用英文，这个回答包含中文。要改写成英文吗？",
    ),
    # step 5
    "channel": ("Channel: {label}", "申诉渠道：{label}"),
    "channel.none.1": ("Channel: none, nothing to appeal yet", "申诉渠道：无，目前无需申诉"),
    "channel.none.2": (
        "  why: the notice is a warning and removed nothing; the plan is kept ready",
        "  原因：这是警告通知，没有停用任何权限；本计划留作备用",
    ),
    "why.email": (
        "  why: merchant-fulfilled selling was removed in some categories (Valid Tracking Rate); "
        "Amazon takes these appeals by e-mail for {marketplace}",
        "  原因：部分品类的自发货权限因有效追踪率被移除；{marketplace} 通过邮件受理此类申诉",
    ),
    "why.seller_central": (
        "  why: {reason}",
        "  原因：全部自发货权限或账户被停用，或该站点没有有效追踪率申诉邮箱，需在卖家后台申诉",
    ),
    "why.set": ("  why: channel is set in the case file", "  原因：案例文件中指定了渠道"),
    "deadline_line": ("Deadline: {date}{origin}, {left}", "截止日期：{date}{origin}，{left}"),
    "deadline_origin": (" (notice date + {days} days)", "（通知日期 + {days} 天）"),
    "no_deadline": (
        "Deadline: none stated; send promptly",
        "截止日期：通知未写明；请尽快提交",
    ),
    "deadline_accepted": (
        "Deadline: none now (Amazon accepted the plan sent on {date})",
        "截止日期：不再适用（亚马逊已接受 {date} 提交的申诉）",
    ),
    "sent_in_time": ("met: sent {date}", "已按时提交（{date}）"),
    "no_deadline_sent": (
        "Deadline: none stated; sent {date}",
        "截止日期：通知未写明；已于 {date} 提交",
    ),
    "left": ("{n} days left", "剩余 {n} 天"),
    "left_one": ("1 day left", "剩余 1 天"),
    "due_today": ("due today", "今天截止"),
    "past": ("{n} days past; send it now", "已过期 {n} 天；请立即提交"),
    "how": ("How to send:", "提交方法："),
    # step 6 and 7
    "review_intro": ("Your letter:", "申诉信中文对照（寄出的是英文信）："),
    "review_missing": ("Answers still missing:", "尚未填写："),
    "checks_none": ("Checks: no findings.", "检查：没有发现问题。"),
    "checks_count": (
        "Checks: {errors} error(s), {warnings} warning(s).",
        "检查：{errors} 个错误，{warnings} 个提醒。",
    ),
    "level.error": ("error", "错误"),
    "level.warning": ("warning", "提醒"),
    "review_ok": ("What now?", "接下来？"),
    "review.write": ("Save the case and write the letter", "保存并生成申诉信"),
    "review.anyway": (
        "Write the letter anyway, with {n} error(s) (appeal new then exits 1)",
        "仍然生成申诉信（有 {n} 个错误，appeal new 将以 1 退出）",
    ),
    "review.fix": ("Fix: {what}", "修改：{what}"),
    "review.goto": ("Go to step {n}: {name}", "回到第 {n} 步：{name}"),
    "review.quit": ("Stop here (every answer is saved)", "先到这里（所有回答都已保存）"),
    "formats": ("Which files?", "生成哪些文件？"),
    "format.txt": ("text (.txt)", "纯文本（.txt）"),
    "format.md": ("Markdown (.md)", "Markdown（.md）"),
    "format.docx": ("Word letter (.docx)", "Word 信件（.docx）"),
    "format.eml": ("e-mail draft (.eml)", "邮件草稿（.eml）"),
    "format.form": ("Seller Central form boxes (.form.txt)", "卖家后台申诉表格分栏（.form.txt）"),
    "saved": ("Saved {path}.", "已保存 {path}。"),
    "carried": (
        "Kept the {count} submission(s) of {source} (last: {date}, {outcome}) and the letters "
        "as sent: the checks compare this letter with the last one Amazon answered.",
        "已沿用 {source} 的 {count} 次提交记录（最近一次：{date}，{outcome}）及寄出的信："
        "检查会把这封信与亚马逊最近答复的那封比较。",
    ),
    "wrote": ("Wrote:", "已生成："),
    "reading_copy": (
        "Chinese reading copy: {path} (the letter itself is English)",
        "中文对照稿：{path}（寄给亚马逊的信是英文）",
    ),
    "not_written": (
        "The case is saved in {path}; the letter was not written:\n{problems}\nKeep your edits "
        "with: appeal render {path} -o DIR, or replace the files with: appeal render {path} "
        "--force",
        "案例已保存在 {path}；申诉信没有生成：\n{problems}\n要保留您改过的文件，请运行："
        "appeal render {path} -o 目录；要覆盖，请运行：appeal render {path} --force",
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
    "interrupted": (
        "stopped; every answer so far is saved in {path}. Continue with: appeal new {path}",
        "已停止；目前的回答都已保存在 {path}。继续填写请运行：appeal new {path}",
    ),
    "terminal_closed": (
        "the terminal closed before the questions were done; every answer so far is saved in "
        "{path}. Continue with: appeal new {path}",
        "终端在提问结束前关闭了；目前的回答都已保存在 {path}。继续填写请运行：appeal new {path}",
    ),
    "needs_terminal": (
        "appeal new asks questions and needs a terminal, but its input is closed, a file or a "
        "pipe: nothing was asked and nothing written. Run it in a terminal; for scripts, give "
        "the answers with --set, --from and --notice and add --no-input.",
        "appeal new 需要在终端中提问，但它的输入已关闭，或是文件、管道：没有提问，"
        "也没有写入任何文件。请在终端中运行；脚本中请用 --set、--from 和 --notice 给出回答，"
        "并加上 --no-input。",
    ),
    "required": ("Please answer this question.", "此项必填。"),
    "bad_date": (
        "Write the date as YYYY-MM-DD, e.g. 2026-11-20 (2026/11/20 and 2026年11月20日 work too).",
        "请填写日期，例如 2026-11-20（2026/11/20、2026年11月20日 也可以）。",
    ),
    "future_date": (
        "{date} is after today ({today}); give the day it happened.",
        "{date} 晚于今天（{today}）；请填写实际发生的日期。",
    ),
    "before_notice": (
        "The deadline cannot be before the notice date ({date}).",
        "截止日期不能早于通知日期（{date}）。",
    ),
    "bad_email": ("That does not look like an e-mail address.", "邮箱格式不正确。"),
    "pick_one": ("Tick at least one.", "请至少勾选一项。"),
}

# What Amazon wants to read in each answer, with an example: one line under the question.
HINTS: dict[str, tuple[str, str]] = {
    "business_name": (
        "exactly as registered in Seller Central, e.g. Shenzhen Example Trading Co., Ltd.",
        "与卖家后台注册的一致，例如 深圳市示例贸易有限公司 (Shenzhen Example Trading Co., Ltd.)",
    ),
    "store_name": ("the name buyers see, e.g. ExampleHome", "买家看到的店铺名，例如 ExampleHome"),
    "merchant_token": (
        "Amazon's id of your account, put in the e-mail subject, e.g. A2EXAMPLE0TOKEN",
        "亚马逊给账户的编号，写在邮件主题里，例如 A2EXAMPLE0TOKEN",
    ),
    "merchant_token_required": (
        "the VTR appeals team needs it in the subject to find your account, e.g. A2EXAMPLE0TOKEN",
        "有效追踪率申诉团队要靠它找到您的账户，例如 A2EXAMPLE0TOKEN",
    ),
    "marketplace": (
        "the site where selling was removed, e.g. amazon.com",
        "被限制销售的站点，例如 amazon.com",
    ),
    "contact_name": (
        "the person who signs, in Latin letters, e.g. Li Wei",
        "署名人，用拼音或英文，例如 Li Wei",
    ),
    "contact_name_latin": (
        "Amazon reads the letter in English: write the name in Latin letters, e.g. Wang Fang",
        "亚马逊审核英文信：署名请用拉丁字母，例如 Wang Fang",
    ),
    "contact_email": (
        "send the appeal from this address, e.g. ops@example.com",
        "申诉邮件要从这个邮箱发出，例如 ops@example.com",
    ),
    "paste_notice": (
        "the text of Amazon's e-mail or Account Health message; it fills in what it states",
        "亚马逊邮件或账户状况页面的通知全文；程序会据此预填内容",
    ),
    "notice_date": (
        "the date of Amazon's e-mail or message, not today, e.g. 2026-11-20",
        "亚马逊邮件或消息的日期，不是今天，例如 2026-11-20",
    ),
    "scope": (
        "as the notice says: some categories, or all self-shipped orders / the account",
        "以通知为准：部分品类，或全部自发货 / 整个账户",
    ),
    "categories": (
        "as the notice names them, e.g. Toys & Games; Clothing, Shoes & Jewelry",
        "按通知原文填写，例如 Toys & Games; Clothing, Shoes & Jewelry",
    ),
    "deadline": (
        "only change it when the notice or Amazon gives another date, e.g. 2026-12-07",
        "仅当通知或亚马逊给出其他日期时修改，例如 2026-12-07",
    ),
    "deadline_none": (
        "Amazon's pages give no deadline here; type one only if the notice states it",
        "亚马逊在此情形下未规定期限；仅当通知写明时填写",
    ),
    "causes": (
        "Amazon wants every cause answered; tick all that played a part",
        "亚马逊要求逐一说明每个原因；凡有关的都请勾选",
    ),
    "own_window": (
        "as Account Health shows it beside the figure (usually {window}), e.g. 2026-10-01 to "
        "2026-10-30",
        "以账户状况页面数值旁的日期为准（通常为{window}），例如 2026-10-01 至 2026-10-30",
    ),
    "facts": (
        "Amazon wants numbers and dates, e.g. 37 of 412 packages between 6 and 30 October "
        "2026 had no valid tracking ID",
        "亚马逊要看数量和日期，例如 37 of 412 packages between 6 and 30 October 2026 had no "
        "valid tracking ID",
    ),
    "root_causes": (
        "why it happened in your process, not who to blame; tick every one that applies",
        "问题在自身流程中的原因，不要归咎他人；凡适用的都请勾选",
    ),
    "actions": (
        "what you already did, with a date each; tick every one you did",
        "已经做完的事，每项都有日期；凡做过的都请勾选",
    ),
    "measures": (
        "what keeps it from happening again: who does it and how often",
        "防止再次发生的做法：由谁负责、多久一次",
    ),
    "own_root": (
        "a specific cause Amazon can check, e.g. Our evening shift typed tracking IDs by hand",
        "具体、可核实的原因，例如 Our evening shift typed tracking IDs by hand",
    ),
    "own_action": (
        "something done, with a figure, e.g. Re-uploaded 37 corrected tracking IDs",
        "已完成的事并附数字，例如 Re-uploaded 37 corrected tracking IDs",
    ),
    "own_measure": (
        "a mechanism, not a promise, e.g. The team lead checks the VTR page every morning",
        "具体机制而非承诺，例如 The team lead checks the VTR page every morning",
    ),
    "action_date": (
        "the day it was done (not in the future), e.g. 2026-11-21",
        "完成当天的日期（不能晚于今天），例如 2026-11-21",
    ),
    "owner": (
        "a role or a name in English, e.g. Warehouse lead",
        "英文职位或姓名，例如 Warehouse lead",
    ),
    "frequency": (
        "e.g. every morning before the upload, or each Monday; leave empty if the measure "
        "says it already",
        "例如 every morning before the upload、each Monday；措施本身已写明频率可留空",
    ),
    "start": (
        "the day the measure started, e.g. 2026-11-22",
        "措施开始执行的日期，例如 2026-11-22",
    ),
    "answers": (
        "tick each one it deals with; the letter then says 'addresses root cause 1'",
        "勾选它所处理的每一条；信中会写明对应关系（addresses root cause 1）",
    ),
    "attachments": (
        "the proof the items name (exports, corrected files, screenshots), saved beside the "
        "case file, e.g. vtr-report-2026-11.pdf; corrected-upload.txt",
        "上面各项所列的证明材料（报表导出、更正后的文件、截图），先保存到案例文件旁边，"
        "例如 vtr-report-2026-11.pdf; corrected-upload.txt",
    ),
    "formats": (
        "the files that fit the channel are ticked",
        "已勾选适合该申诉渠道的文件",
    ),
}


def phrase(lang: str, key: str, **values: Any) -> str:
    """The text `key` in `lang` (en or zh), with `values` filled in."""
    en, zh = TEXTS[key]
    return (zh if lang == "zh" else en).format(**values)


def hint(lang: str, key: str) -> str:
    """The one-line hint for question `key` (empty when it has none)."""
    if key not in HINTS:
        return ""
    en, zh = HINTS[key]
    return zh if lang == "zh" else en
