"""Decode every corpus FIT with decode_activity and with plain fitdecode; report time and memory.

Run from the repository root: ``.venv/bin/python benchmarks/bench_decode.py``.
Peak RSS for large.fit is measured in a fresh process so earlier files do not inflate it.
"""

from __future__ import annotations

import contextlib
import resource
import subprocess
import sys
import time
from pathlib import Path

import fitdecode

from tagalong.activityfile.decode import decode_activity
from tagalong.activityfile.errors import DecodeError

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
LARGE = CORPUS / "fit-benchmarks" / "large.fit"


def corpus_fits() -> list[Path]:
    return sorted(p for p in CORPUS.resolve().glob("*/*") if p.suffix.lower() == ".fit")


def time_ours(files: list[tuple[str, bytes]]) -> float:
    start = time.perf_counter()
    for name, data in files:
        with contextlib.suppress(DecodeError):
            decode_activity(data, filename=name)
    return time.perf_counter() - start


def time_fitdecode(files: list[tuple[str, bytes]]) -> float:
    start = time.perf_counter()
    for _, data in files:
        try:
            with fitdecode.FitReader(
                data,
                check_crc=fitdecode.CrcCheck.DISABLED,
                error_handling=fitdecode.ErrorHandling.IGNORE,
            ) as reader:
                for _frame in reader:
                    pass
        except fitdecode.FitError:
            pass
    return time.perf_counter() - start


def peak_rss_mib(decoder: str) -> tuple[float, float]:
    """Peak RSS of a fresh interpreter that imports everything, then decodes large.fit.

    VmHWM, not ru_maxrss: Linux carries the parent's ru_maxrss across the exec.
    """
    code = (
        "import fitdecode\n"
        "from pathlib import Path\n"
        "from tagalong.activityfile.decode import decode_activity\n"
        "import tagalong.activityfile.fit, tagalong.activityfile.fit_readers\n"
        "def hwm():\n"
        "    return next(int(l.split()[1]) for l in open('/proc/self/status')"
        " if l.startswith('VmHWM:'))\n"
        f"data = Path({str(LARGE)!r}).read_bytes()\n"
        "base = hwm()\n"
        f"if {decoder!r} == 'ours':\n"
        "    decode_activity(data, filename='large.fit')\n"
        "else:\n"
        "    frames = [f for f in fitdecode.FitReader(data)]\n"
        "print(base, hwm())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    base_kib, peak_kib = (int(v) for v in out.stdout.split())
    return peak_kib / 1024, (peak_kib - base_kib) / 1024


def main() -> None:
    files = [(p.name, p.read_bytes()) for p in corpus_fits()]
    megabytes = sum(len(d) for _, d in files) / 2**20
    ours = time_ours(files)
    plain = time_fitdecode(files)
    print(f"{len(files)} corpus FIT files, {megabytes:.1f} MiB")
    print(f"decode_activity (summary + streams): {ours:.2f} s")
    print(f"fitdecode, every frame, nothing built: {plain:.2f} s")
    print(f"ratio fitdecode / decode_activity: {plain / ours:.1f}x")
    for decoder in ("ours", "fitdecode"):
        peak, growth = peak_rss_mib(decoder)
        print(
            f"large.fit peak RSS with {decoder}: {peak:.0f} MiB (+{growth:.0f} MiB for the decode)"
        )
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this process peak RSS: {own_peak:.0f} MiB")


if __name__ == "__main__":
    main()
