"""Tracking numbers: `appeal tracking`'s core, one job per module.

- `carriers.py`  Amazon's carrier codes (data/carrier-codes.txt), the names sellers type for
                 them (data/carrier-names.tsv), Other in any language, what we check per carrier
- `formats.py`   number formats and check digits per carrier family (domain.md 7)
- `clean.py`     cleaning a pasted number: what is removed, folded, or refused
- `kinds.py`     the kinds of finding as bit flags
- `check.py`     one number for one carrier: `assess` (fast, bits), `Checked` (with `.usable`),
                 `check_shipment` for estimates
- `source.py`    a file as it is on disk: encoding, lines above the header, columns, bytes
- `shipdate.py`  the ship-date cell: Amazon's yyyy-mm-dd, a form --fix rewrites, or one left
                 for the seller (03/04/2026, no date)
- `scan.py`      the pass over the files: counted rows, shown rows, the corrected copy
- `output.py`    the files --fix writes: the corrected copy and the rows left for the user
- `result.py`    `TrackingResult` and `RowFinding`, and the summary sentence
- `findings.py`  the words for each finding on a row (terminal, JSON, report file)
- `command.py`   `check_tracking_files`: the whole command (and --into)

The terminal wording and the JSON shape are in `appeal/cli/views/tracking.py`.
"""
