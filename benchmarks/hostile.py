"""Hostile and unlucky inputs against the case and letter commands (issue 12), with the peak
memory and time of each, as a Markdown table.

    uv run python benchmarks/hostile.py

Every input runs as a user would run it (`python -m appeal ...` in a fresh process) under
`/usr/bin/time -v` (Linux; without it, times only). "Handled" means: exit 0, 1 or 2, no
"unexpected error", no traceback, and the check of the category (a located message, a draft
with exactly the app's headers ...).
"""

from __future__ import annotations

import email
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from email.policy import default as default_policy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "vtr-toys.yaml").read_text(encoding="utf-8")
CATEGORIES = "  categories: [Toys & Games]"
VALUE = "    value: 91.2"
WINDOW = "    window: [2026-10-06, 2026-11-04]"
GNU_TIME = Path("/usr/bin/time")
ENV = {**os.environ, "APPEAL_TODAY": "2026-11-24", "PYTHONPATH": str(ROOT)}


@dataclass
class Run:
    code: int
    output: str
    seconds: float
    peak_mb: float | None


@dataclass
class Category:
    name: str
    tried: int = 0
    handled: int = 0
    worst: tuple[float, float | None, str] = (0.0, None, "")
    failures: list[str] = field(default_factory=list)

    def add(self, label: str, run: Run, ok: bool) -> None:
        self.tried += 1
        self.handled += ok
        print(f"{run.seconds:6.2f} s {run.peak_mb or 0:6.0f} MB {'ok ' if ok else 'BAD'} {label}",
              file=sys.stderr, flush=True)  # fmt: skip
        if not ok:
            self.failures.append(f"{label}: exit {run.code}: {run.output[:300]}")
        if (run.peak_mb or 0, run.seconds) > (self.worst[1] or 0, self.worst[0]):
            self.worst = (run.seconds, run.peak_mb, label)


def appeal(*args: str, cwd: Path) -> Run:
    command = [sys.executable, "-m", "appeal", *args]
    report = cwd / ".time"
    if GNU_TIME.exists():
        command = [str(GNU_TIME), "-v", "-o", str(report), *command]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    peak = None
    if report.exists():
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read_text())
        peak = int(found.group(1)) / 1024 if found else None
        report.unlink()
    return Run(done.returncode, done.stdout + done.stderr, seconds, peak)


def sane(run: Run) -> bool:
    return (
        run.code in (0, 1, 2)
        and "unexpected error" not in run.output
        and "Traceback" not in run.output
        and len(run.output) < 200_000
    )


def located(run: Run, name: str = "case.yaml") -> bool:
    return sane(run) and run.code == 2 and name in run.output


def case_with(old: str, new: str) -> str:
    assert old in EXAMPLE, old
    return EXAMPLE.replace(old, new, 1)


def yaml_bombs() -> dict[str, str]:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    keys = "".join(f"  k{i}: v\n" for i in range(60_000))
    return {
        "alias bomb (billion laughs)": laughs + EXAMPLE,
        "alias in a wrong-typed field": case_with(
            CATEGORIES, CATEGORIES + "\n  reference: &r [1, 2]\n  deadline: *r"
        ),
        "merge key": case_with("seller:\n", "seller:\n  <<: {phone: '1'}\n"),
        "python tag": case_with("lang: en", "lang: !!python/object/apply:os.system ['true']"),
        "nesting 10,000 deep": case_with(CATEGORIES, CATEGORIES + "\n  reference: " + "[" * 10_000),
        "60,000 unknown keys": case_with("seller:\n", "seller:\n" + keys),
        "60,000 duplicate keys": EXAMPLE + "".join("lang: en\n" for _ in range(60_000)),
        "100,000 categories": case_with(
            "[Toys & Games]", "[" + ", ".join(f"C{i}" for i in range(100_000)) + "]"
        ),
        "0.99 MB store name": case_with("store_name: ExampleHome", "store_name: " + "S" * 980_000),
        "0.99 MB wrong-typed value": case_with(VALUE, "    value: " + "9" * 980_000),
        "0.99 MB one line of flow YAML": "{" + "a: b, " * 160_000 + "}",
        "1.1 MB case file": EXAMPLE + "#" * 1_100_000,
        "a second document": EXAMPLE + "---\n" + EXAMPLE,
        "not UTF-8 (GBK)": case_with("ExampleHome", "店铺名").encode("gbk").decode("latin-1"),
        "empty file": "",
        "a list, not a mapping": "- a\n- b\n",
        "NUL bytes": EXAMPLE.replace("ExampleHome", "Example\x00Home"),
    }


def worst_valid_case() -> str:
    """As large as a valid case gets: 19 causes with 10,000-character facts (texts near the
    200,000-character limit), and comments filling the file to just under 1 MB."""
    facts = ("37 of 412 packages between 6 October and 4 November 2026 had no valid ID. " * 140)[
        :9_990
    ]
    cause = (
        "  - cause: invalid_tracking\n"
        f"    facts: '{facts}'\n"
        "    root_causes:\n      - use: zero_width_paste\n"
        "    corrective_actions:\n      - use: reuploaded_tracking\n        date: 2026-11-21\n"
        "    preventive_measures:\n      - use: daily_vtr_check\n        owner: Lead\n"
    )
    head = EXAMPLE[: EXAMPLE.index("causes:")]
    text = head + "causes:\n" + cause * 19
    return text + ("# " + "c" * 97 + "\n") * ((990_000 - len(text.encode("utf-8"))) // 100)


def run_all(work: Path) -> list[Category]:
    categories = []

    bombs = Category("YAML bombs, sizes and malformed files (check, render)")
    for label, text in yaml_bombs().items():
        path = work / "case.yaml"
        path.write_text(text, encoding="utf-8" if "GBK" not in label else "latin-1")
        for command in (["check", "case.yaml"], ["render", "case.yaml", "-o", "out", "--force"]):
            run = appeal(*command, cwd=work)
            bombs.add(f"{label} ({command[0]})", run, located(run))
    categories.append(bombs)

    big = Category("largest valid case under 1 MB (check, render, history add, --diff)")
    path = work / "case.yaml"
    path.write_text(worst_valid_case(), encoding="utf-8")
    size = path.stat().st_size
    for command in (
        ["check", "case.yaml"],
        ["render", "case.yaml", "-o", "out", "--force", "-f", "all"],
        [
            "history",
            "add",
            "case.yaml",
            "--date",
            "2026-11-22",
            "--channel",
            "email",
            "--outcome",
            "rejected",
            "--reply",
            "Please add detail.",
        ],
        ["history", "case.yaml", "--diff"],
        ["check", "case.yaml"],
    ):
        run = appeal(*command, cwd=work)
        big.add(f"{size:,}-byte case ({' '.join(command[:2])})", run, sane(run))
    categories.append(big)

    headers = Category("header injection in the e-mail draft (render, new --notice)")
    payloads = [
        "Shop =?utf-8?q?Hi=0D=0ABcc:_attacker@x.example?= end",
        "=?utf-8?b?QmNjOiBhQGIuZXhhbXBsZQ==?=",
        "Shop\r\nBcc: a@b.example",
        '"Li" <a@b.example>, c@d.example',
        "店铺 =?gb2312?b?1tDOxA==?= 🙂",
        "x" * 199,
    ]
    fields = ["store_name: ExampleHome", "merchant_token: A2EXAMPLE0TOKEN", "contact_name: Li Wei"]
    for payload in payloads:
        for old in [*fields, "[Toys & Games]"]:
            quoted_payload = json.dumps(payload)
            new = (
                f"[{quoted_payload}]"
                if old.startswith("[")
                else f"{old.split(':')[0]}: {quoted_payload}"
            )
            (work / "case.yaml").write_text(case_with(old, new), encoding="utf-8")
            shutil.rmtree(work / "out", ignore_errors=True)
            run = appeal("render", "case.yaml", "-o", "out", "-f", "eml", cwd=work)
            ok = sane(run)
            if run.code in (0, 1):
                draft = email.message_from_bytes(
                    (work / "out" / "case.eml").read_bytes(), policy=default_policy
                )
                ok = ok and list(draft.keys()) == [
                    "To",
                    "From",
                    "Subject",
                    "Date",
                    "X-Unsent",
                    "MIME-Version",
                    "Content-Type",
                ]
            headers.add(f"{payload[:30]!r} in {old.split(':')[0]}", run, ok)
    for address in ["a@x.example, b@evil.example", "Li <a@x.example>", "a@x.example\nBcc: b@y"]:
        (work / "case.yaml").write_text(
            case_with("contact_email: ops@example.com", f"contact_email: {json.dumps(address)}"),
            encoding="utf-8",
        )
        run = appeal("render", "case.yaml", "-o", "out", "-f", "eml", "--force", cwd=work)
        headers.add(f"contact_email {address[:30]!r}", run, located(run))
    notice = work / "notice.txt"
    notice.write_text(
        "We have removed your ability to fulfil orders yourself in the following categories:\n"
        f"- {payloads[0]}\n\nThis notification was sent on November 20, 2026.\n",
        encoding="utf-8",
    )
    sets = [
        "seller.business_name=Example Ltd", f"seller.store_name={payloads[0]}",
        "seller.marketplace=amazon.com", "seller.contact_name=Li Wei",
        "seller.merchant_token=A2EXAMPLE0TOKEN", "seller.contact_email=ops@example.com",
        "causes[0].cause=invalid_tracking", "causes[0].facts=37 of 412 packages in October 2026.",
        "causes[0].root_causes[0].use=zero_width_paste",
        "causes[0].corrective_actions[0].use=reuploaded_tracking",
        "causes[0].preventive_measures[0].use=daily_vtr_check",
    ]  # fmt: skip
    (work / "new.eml").unlink(missing_ok=True)
    run = appeal("new", "new.yaml", "--no-input", "--notice", "notice.txt",
                 *[f"--set={s}" for s in sets], cwd=work)  # fmt: skip
    ok = sane(run) and (work / "new.eml").exists()
    if ok:
        draft = email.message_from_bytes((work / "new.eml").read_bytes(), policy=default_policy)
        ok = "Bcc" not in draft and str(draft["Subject"]).count(payloads[0]) == 2
    headers.add("encoded word through new --notice", run, ok)
    categories.append(headers)

    fields_cat = Category("line breaks, control characters, dates, lists (check, render)")
    for old, new in [
        ("store_name: ExampleHome", 'store_name: "Shop\\nTwo"'),
        ("store_name: ExampleHome", 'store_name: "Shop\\x01"'),
        ("store_name: ExampleHome", 'store_name: "\\e[31mShop"'),
        ("store_name: ExampleHome", "store_name: '[/bold]Shop'"),
        ("[Toys & Games]", '["Toys\\nGames"]'),
        (
            "[Toys & Games]",
            "[" + ", ".join(f"Category {i} with a long name" for i in range(40)) + "]",
        ),
        (WINDOW, WINDOW + '\n    source: "AH\\n| x | y |"'),
        ("  date: 2026-11-20", "  date: 0"),
        ("  date: 2026-11-20", "  date: 0001-01-01"),
        ("  date: 2026-11-20", "  date: 9999-12-31"),
        ("  date: 2026-11-20", "  date: 2026-02-30"),
        (VALUE, "    value: 1e999"),
        (VALUE, "    value: .nan"),
        (VALUE, "    value: -5"),
        ("version: 1", "version: 99999999999999999999999"),
    ]:
        (work / "case.yaml").write_text(case_with(old, new), encoding="utf-8")
        for command in (["check", "case.yaml"], ["render", "case.yaml", "-o", "out", "--force"]):
            run = appeal(*command, cwd=work)
            fields_cat.add(
                f"{new[:40]} ({command[0]})",
                run,
                sane(run) and (run.code != 2 or "case.yaml:" in run.output),
            )
    categories.append(fields_cat)

    templates = Category("user templates (render --template)")
    folder = work / "tpl"
    folder.mkdir(exist_ok=True)
    (work / "secret.txt").write_text("SECRET", encoding="utf-8")
    link = folder / "link.txt"
    if not link.exists():
        link.symlink_to(work / "secret.txt")
    default = (ROOT / "templates" / "letter.md.j2").read_text(encoding="utf-8")
    (work / "case.yaml").write_text(EXAMPLE, encoding="utf-8")
    for label, body in [
        (
            "loop that never ends",
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        ),
        (
            "output without end",
            "{% for a in range(100000) %}{% for b in range(100000) %}xxxxxxxxxx"
            "{% endfor %}{% endfor %}",
        ),
        ("'x' * 10**9", "{{ 'x' * 1000000000 }}"),
        ("2 ** 10**8", "{{ 2 ** 100000000 }}"),
        ("1/0", "{{ 1/0 }}"),
        ("endless recursion", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"),
        ("include ../secret.txt", '{% include "../secret.txt" %}'),
        ("include a link out", '{% include "link.txt" %}'),
        ("attribute escape", "{{ seller.__class__.__mro__ }}"),
        ("syntax error", "{% if %}"),
    ]:
        (folder / "mine.md.j2").write_text(default + "\n" + body + "\n", encoding="utf-8")
        run = appeal(
            "render",
            "case.yaml",
            "-o",
            "out",
            "--force",
            "-f",
            "txt",
            "--template",
            "tpl/mine.md.j2",
            cwd=work,
        )
        templates.add(label, run, located(run, "mine.md.j2") and "SECRET" not in run.output)
    categories.append(templates)
    return categories


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        categories = run_all(Path(tmp))
    print("| category | inputs tried | handled | worst input | peak memory | time |")
    print("|---|---|---|---|---|---|")
    for c in categories:
        seconds, peak, label = c.worst
        shown = f"{peak:.0f} MB" if peak is not None else "n/a"
        print(f"| {c.name} | {c.tried} | {c.handled} | {label} | {shown} | {seconds:.2f} s |")
    for c in categories:
        for failure in c.failures:
            print(f"NOT HANDLED ({c.name}): {failure}")


if __name__ == "__main__":
    main()
