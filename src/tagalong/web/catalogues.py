"""Translation catalogues: the .po files under locale/ compiled to the .mo files Django reads.

Pure Python, so a machine without GNU gettext's msgfmt can still build them; ``tagalong serve``,
``make setup`` and the test suite compile whatever is missing or older than its .po.
Fuzzy and untranslated entries are left out (the English text shows, as msgfmt does).
"""

from __future__ import annotations

import ast
import struct
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

# msgid (with plural forms joined by NUL, after its msgctxt and EOT when it has one) -> msgstr
Messages = dict[str, str]


def _string(line: str) -> str:
    return str(ast.literal_eval(line))  # a C-style quoted string; our .po files hold no others


def parse_po(text: str, *, untranslated: bool = False) -> Messages:
    """{msgid: msgstr} of the translated entries (and the untranslated too, if asked)."""
    messages: Messages = {}
    entry: dict[str, list[str]] = {}
    fuzzy = False
    current: str | None = None

    def finish() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            msgid = "".join(entry["msgid"])
            if "msgctxt" in entry:  # pgettext looks up "context\x04msgid", as in GNU .mo files
                msgid = "".join(entry["msgctxt"]) + "\x04" + msgid
            if "msgid_plural" in entry:
                msgid += "\0" + "".join(entry["msgid_plural"])
                forms = sorted(k for k in entry if k.startswith("msgstr["))
                msgstr = "\0".join("".join(entry[k]) for k in forms)
            else:
                msgstr = "".join(entry.get("msgstr", []))
            if msgstr.strip("\0") or msgid == "" or untranslated:
                messages[msgid] = msgstr
        entry, fuzzy = {}, False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):  # comments and flags come before the entry they belong to
            if any(k.startswith("msgstr") for k in entry):
                finish()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        if line.startswith('"'):
            if current is not None:
                entry[current].append(_string(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry):
            finish()
        current = keyword
        entry[keyword] = [_string(rest)]
    finish()
    return messages


def mo_bytes(messages: Messages) -> bytes:
    """The GNU .mo layout: header, the two offset tables, then the strings (no hash table)."""
    keys = sorted(messages)
    ids = b"".join(k.encode() + b"\0" for k in keys)
    strs = b"".join(messages[k].encode() + b"\0" for k in keys)
    count = len(keys)
    start = 7 * 4 + count * 16
    table_ids, table_strs = [], []
    offset = 0
    for k in keys:
        length = len(k.encode())
        table_ids += [length, start + offset]
        offset += length + 1
    offset = 0
    for k in keys:
        length = len(messages[k].encode())
        table_strs += [length, start + len(ids) + offset]
        offset += length + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    tables = struct.pack(f"{len(table_ids)}i", *table_ids)
    tables += struct.pack(f"{len(table_strs)}i", *table_strs)
    return header + tables + ids + strs


def compile_catalogues(locale_dir: Path = LOCALE_DIR, *, force: bool = False) -> list[Path]:
    """Write each .po's .mo when it is missing or older; returns the files written."""
    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if force or not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            mo.write_bytes(mo_bytes(parse_po(po.read_text(encoding="utf-8"))))
            written.append(mo)
    return written
