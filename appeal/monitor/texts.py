"""Every sentence `appeal monitor` says, in English and Chinese (the terminal, `--quiet`, the
JSON's warnings and the web page use the same ones)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "appeal monitor: {folder}",
        "taken": "Run at {taken}; {stored} snapshots in {db} ({new} new).",
        "columns": "status|figure|value|target|trend",
        "amazon": " (Amazon)",
        "no_value": "no orders",
        "none_checkable": "none checkable",
        "all_well": "All well: no figure near its target, no leading signal.",
        "warnings": "Warnings ({n}):",
        "notes": "Notes:",
        "misses_target": "misses the target {target}",
        "amazon_says_bad": "Amazon marks it BAD",
        "near_target": "within {margin} points of the target {target}",
        "trend_crosses": "at {slope} points a day ({points} snapshots) it crosses the target "
        "{target} on {date}",
        "watch": "{label} ({market}): {value}; {reasons}.",
        "upper_bound": " (an upper bound: the files do not say who cancelled)",
        "late_today": "{market}: unshipped orders due to ship by today ({today}): {count}. "
        "Ship and confirm them today.",
        "late_today_overdue": "{market}: unshipped orders due to ship by today ({today}): "
        "{count}, {overdue} of them already past their promise date. Ship and confirm them "
        "today.",
        "verge_of_cancellation": "{market}: unshipped orders Amazon flags as about to be "
        "cancelled (verge-of-cancellation): {count}. Ship or resolve them now.",
        "tracking_fails": "{file}: tracking IDs in the newest shipping confirmations that fail "
        "their carrier's check: {count}. Run `appeal tracking {file} --fix FIXED.txt` and upload "
        "the fixed file.",
        "holiday_orders_due_during": "{name} ({calendar}, {span}) starts {when}; "
        "unshipped orders due to ship during it: {count}. Extend your handling time "
        "(the holiday closure in Seller Central's shipping settings) before it.",
        "holiday_not_seen": "{name} ({calendar}, {span}) starts {when}, and "
        "the Unshipped report shows no extended handling time yet. Set the closure in Seller "
        "Central's shipping settings before it.",
        "holiday_no_unshipped": "{name} ({calendar}, {span}) starts {when}; "
        "with no Unshipped report in the folder, appeal cannot see whether your handling time is "
        "extended. Set the closure in Seller Central's shipping settings before it (and save the "
        "Unshipped report here to have it checked).",
        "holiday_running": "{name} ({calendar}, {span}) is on now; unshipped orders "
        "due to ship before it ends: {count}.",
        "inventory_stale": "{file}: the newest inventory file was written {hours} hours ago "
        "({written}); quantities on Amazon may be out of date: run your stock sync.",
        "account_status": "{market}: Amazon's account status is {name} (not NORMAL): see "
        "Account Health in Seller Central.",
        "account_status_at_risk": "{market}: Amazon's account status is {name} (at risk of "
        "deactivation): see Account Health in Seller Central for what to fix.",
        "account_status_stopped": "{market}: Amazon's account status is {name}: selling there "
        "is stopped. Account Health in Seller Central says why; `appeal new` starts the plan "
        "of action.",
        "health_rating": "{market}: Amazon's Account Health Rating is {name}{score}: Amazon "
        "itself warns about the account. See Account Health in Seller Central for what it "
        "asks.",
        "score": " (score {score})",
        "policy_bad": "{market}: Amazon's report marks BAD: {items}. Each can lead to "
        "deactivation: answer them in Account Health.",
        "span": "{start} to {end}",
        "tomorrow": "tomorrow",
        "in_days": "in {days} days",
        "orders": "Orders: {orders}{more}.",
        "more": " and {n} more",
        "database_created": "Started the snapshot database {detail}.",
        "database_moved_aside": "The snapshot database {other} could not be read: kept it as "
        "{detail} and started a new one (trends start again from this run).",
        "database_migrated": "Brought the snapshot database up to date (from schema {count}).",
        "database_not_read": "The snapshot database {detail} could not be read (damaged, or "
        "from another version of appeal): no history is shown. Run the monitor to repair it.",
        "clock_backwards": "This computer's clock ({when}) is earlier than the last run's "
        "({detail}); snapshots are ordered by their data windows, so trends are unaffected. "
        "Check the clock.",
        "new_marketplace": "{detail} is new in this folder (it held {other}); its trend starts "
        "now, and each marketplace keeps its own.",
        "marketplace_not_in_files": "No files of {detail} this time (its newest snapshot ends "
        "{day}): its figures were not updated.",
        "not_read": "Left aside, not reports appeal reads: {detail}.",
        "older_files_ignored": "{count} older downloads of the same reports were left aside "
        "(of each report, the one with the latest data is read).",
        "saved_later_older_data": "{detail} was saved after {other} but its data ends "
        "earlier ({day}): {other} is read.",
        "report_ends": "{file}: your {report} ends {end}, {days} days before the day judged "
        "({today}): download a fresh one. The figures cannot know the days after it.",
        "no_data": "no data",
        "unshipped_done_since": "{count} order(s) of {detail} have shipped or been cancelled "
        "since, says {other}: left out. The Unshipped report is older than the All Orders "
        "report: download a fresh one.",
        "older_files_ignored_one": "1 older download of the same reports was left aside (of "
        "each report, the one with the latest data is read).",
        "dates_as_written_one": "1 promise date was taken as written (UTC): neither the files "
        "nor the order's ship country say its marketplace.",
        "no_figures": "The files give no figure (an Unshipped report alone?): only the leading "
        "signals were checked.",
        "reports_old": "The newest report in the folder was saved {when}, more than a day ago: "
        "download today's reports for current figures.",
        "dates_as_written": "{count} promise dates were taken as written (UTC): neither the "
        "files nor the orders' ship country say their marketplace.",
        "no_marketplace": "Marketplace not stated",
        "no_holiday_table": "No holiday table for {detail}: its holidays are not checked.",
        "holiday_table_ends": "The holiday table for {detail} ends on {day}; update appeal for "
        "later holidays.",
        "provisional_holiday": "{detail} ({day}): the official dates were not out when "
        "appeal's table was written; check them.",
        "inventory_file_in_future": "{detail} is dated in the future: its age cannot be judged.",
        "amazon_report_apart": "{detail}: Amazon's performance report ({other}) and the order "
        "files are far apart in time: the figures follow the newer of the two.",
        "rows_left_out": "{count} row(s) of the {report} ({detail}) have fewer columns than its "
        "header (the first: {cells} of {width}) and were left out: {again}.",
        "report_all_orders": "All Orders report",
        "report_unshipped": "Unshipped orders report",
        "report_shipping_confirmation": "shipping-confirmation file",
        "again_report": "download the report again",
        "again_upload": "check the file (a row cut short, or edited?)",
    },
    "zh": {
        "title": "appeal monitor：{folder}",
        "taken": "运行于 {taken}；快照 {stored} 条（新增 {new} 条），存于 {db}。",
        "columns": "状态|指标|数值|目标|趋势",
        "amazon": "（亚马逊）",
        "no_value": "无订单",
        "none_checkable": "无可校验的",
        "all_well": "一切正常：没有指标接近目标线，也没有预警信号。",
        "warnings": "警告（{n} 条）：",
        "notes": "说明：",
        "misses_target": "未达到目标 {target}",
        "amazon_says_bad": "亚马逊标为 BAD",
        "near_target": "距目标 {target} 不到 {margin} 个百分点",
        "trend_crosses": "按每天 {slope} 个百分点的趋势（{points} 条快照），将于 {date} 越过目标 "
        "{target}",
        "watch": "{label}（{market}）：{value}；{reasons}。",
        "upper_bound": "（上限估计：文件未说明由谁取消）",
        "late_today": "{market}：{count} 个未发货订单今天（{today}）必须发货，否则迟发："
        "请今天发货并确认。",
        "late_today_overdue": "{market}：{count} 个未发货订单今天（{today}）必须发货，否则迟发"
        "（其中 {overdue} 个已过承诺日期）：请今天发货并确认。",
        "verge_of_cancellation": "{market}：亚马逊标记 {count} 个未发货订单即将被取消"
        "（verge-of-cancellation）：请立即发货或处理。",
        "tracking_fails": "{file}：最新发货确认文件中有 {count} 个追踪号未通过承运商校验：运行 "
        "`appeal tracking {file} --fix FIXED.txt` 并上传修正后的文件。",
        "holiday_orders_due_during": "{name}（{calendar}，{span}）{when}开始："
        "有 {count} 个未发货订单的发货期限落在假期内。请在假期前延长处理时间"
        "（在卖家平台配送设置中设置假期休息）。",
        "holiday_not_seen": "{name}（{calendar}，{span}）{when}开始，"
        "未发货订单报告中还看不到延长的处理时间。请在假期前在卖家平台配送设置中设置假期休息。",
        "holiday_no_unshipped": "{name}（{calendar}，{span}）{when}开始；"
        "文件夹中没有未发货订单报告，无法看出处理时间是否已延长。请在假期前在卖家平台配送设置中"
        "设置假期休息（并把未发货订单报告保存到此文件夹以便检查）。",
        "holiday_running": "{name}（{calendar}，{span}）正在进行："
        "有 {count} 个未发货订单须在假期结束前发货。",
        "inventory_stale": "{file}：最新的库存文件写于 {hours} 小时前（{written}）；"
        "亚马逊上的库存数量可能已过时：请运行库存同步。",
        "account_status": "{market}：亚马逊账户状态为 {name}（不是 NORMAL）：请查看卖家平台的"
        "“账户状况”。",
        "account_status_at_risk": "{market}：亚马逊账户状态为 {name}（有被停用的风险）："
        "请在卖家平台的“账户状况”中查看需要解决的问题。",
        "account_status_stopped": "{market}：亚马逊账户状态为 {name}（已被停用）：该站点已无法"
        "销售。卖家平台的“账户状况”说明原因；用 `appeal new` 开始写申诉计划。",
        "health_rating": "{market}：亚马逊账户状况评级为 {name}（有风险）{score}：亚马逊本身在"
        "警告此账户。请在卖家平台的“账户状况”中查看要求。",
        "score": "，分数 {score}",
        "policy_bad": "{market}：亚马逊报告中标为 BAD 的项目：{items}。每一项都可能导致账户"
        "停用：请在“账户状况”中处理。",
        "span": "{start} 至 {end}",
        "tomorrow": "明天",
        "in_days": "{days} 天后",
        "orders": "订单：{orders}{more}。",
        "more": " 等另外 {n} 个",
        "database_created": "已新建快照数据库 {detail}。",
        "database_moved_aside": "快照数据库 {other} 无法读取：已保留为 {detail}，"
        "并新建了数据库（趋势从本次运行重新开始）。",
        "database_migrated": "已将快照数据库升级（原结构版本 {count}）。",
        "database_not_read": "快照数据库 {detail} 无法读取（已损坏或来自其他版本的 appeal）："
        "不显示历史。运行一次监控即可修复。",
        "clock_backwards": "本机时钟（{when}）早于上次运行（{detail}）；快照按数据时间窗口排序，"
        "趋势不受影响。请检查系统时间。",
        "new_marketplace": "{detail} 是此文件夹中的新站点（原有 {other}）；"
        "其趋势从现在开始，各站点分别记录。",
        "marketplace_not_in_files": "本次没有 {detail} 的文件（其最新快照截至 {day}）："
        "该站点的指标未更新。",
        "not_read": "以下文件不是 appeal 能读取的报告，未读取：{detail}。",
        "older_files_ignored": "同类报告的 {count} 个较早下载版本未读取（每类只读数据最新的"
        "一个）。",
        "saved_later_older_data": "{detail} 保存得比 {other} 晚，但其数据截至更早（{day}）："
        "读取的是 {other}。",
        "report_ends": "{file}：您的{report}截至 {end}，比判断日（{today}）早 {days} 天："
        "请重新下载。此后的日子，指标无从得知。",
        "no_data": "无数据",
        "unshipped_done_since": "{detail} 中有 {count} 个订单据 {other} 已发货或已取消，未计入。"
        "未发货订单报告比全部订单报告旧：请重新下载。",
        "no_figures": "文件中没有可计算的指标（只有未发货订单报告？）：只检查了预警信号。",
        "reports_old": "文件夹中最新的报告保存于 {when}，已超过一天："
        "请下载今天的报告以获得最新数据。",
        "dates_as_written": "{count} 个承诺日期按原文（UTC）读取：文件和订单的收货国家都未说明"
        "所属站点。",
        "no_marketplace": "未注明站点",
        "no_holiday_table": "没有 {detail} 的假期表：不检查该地假期。",
        "holiday_table_ends": "{detail} 的假期表截至 {day}；请更新 appeal 以获得之后的假期。",
        "provisional_holiday": "{detail}（{day}）：编写 appeal 假期表时官方日期尚未公布，请核对。",
        "inventory_file_in_future": "{detail} 的时间在未来：无法判断其新旧。",
        "amazon_report_apart": "{detail}：亚马逊绩效报告（{other}）与订单文件的日期相隔很远："
        "指标以两者中较新的为准。",
        "rows_left_out": "{report}中有 {count} 行（{detail}）的列数少于表头（第一行："
        "{width} 列中只有 {cells} 列），未被读取：{again}。",
        "report_all_orders": "全部订单报告",
        "report_unshipped": "未发货订单报告",
        "report_shipping_confirmation": "发货确认上传文件",
        "again_report": "请重新下载报告",
        "again_upload": "请检查该文件（某行被截断或被编辑过？）",
    },
}
