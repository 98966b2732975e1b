"""Walk a FIT file's structure: mend the damage fitfast refuses, pick out the small messages.

The FIT protocol (Garmin FIT SDK, "FIT File Structure"): a file is one or more chained
*sequences*, each a 12- or 14-byte header (header size, protocol and profile versions, the data
size as a little-endian uint32, ``.FIT``, and in the 14-byte form a CRC of the first 12 bytes,
where 0 means "not computed"), then records, then a CRC-16 of header and records. A record starts
with a one-byte header: bit 7 set is a compressed-timestamp data message (local type in bits
5-6); otherwise bit 6 set is a definition message (local type in bits 0-3, bit 5 says developer
fields follow) and bit 6 clear a normal data message of the local type in bits 0-3. A data
message's size is the sum of the field sizes its local type's definition declared.

Two kinds of damage are common in real files and both are mended here:

* a wrong CRC (old firmware, a tool that edited the file): fitfast's message names the CRC it
  computed, which is written in place of the stored one;
* a file cut short or garbled (a watch that died while saving, a broken upload): the records are
  walked with the rules above until the first one that cannot be complete or cannot be read (a
  data message of an undefined local type, a record running past the data, a sequence header
  that is not one); the file is cut there, the last sequence's data size rewritten and its CRCs
  recomputed. This is where the lenient reader (fitdecode) stops too, so both keep the same
  records.

What the walk cannot explain is left to the lenient reader.

The same walk serves the fast path on every file: fitfast decodes the whole file once per message
kind asked for, so the few session, lap and file_id messages are copied (with their definitions)
into a small FIT file of their own and decoded from there, instead of three more passes over the
records.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from tagalong.wording import Phrase

FIT_SIGNATURE = b".FIT"
_CRC_MISMATCH = re.compile(r"checksum mismatch, found (\d+) calculated (\d+)")
_VALID_SEQUENCES = re.compile(r"after (\d+) valid FIT sequence")


def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC_TABLE = _crc_table()


def fit_crc(data: bytes | bytearray | memoryview, crc: int = 0) -> int:
    """The FIT CRC-16 (CRC-16/ARC: reflected polynomial 0xA001, initial value 0)."""
    table = _CRC_TABLE
    for byte in bytes(data):
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


@dataclass(frozen=True, slots=True)
class Sequence:
    start: int  # offset of the header
    header_size: int
    data_size: int  # as the header declares it

    @property
    def data_start(self) -> int:
        return self.start + self.header_size

    @property
    def data_end(self) -> int:
        return self.data_start + self.data_size


@dataclass(frozen=True, slots=True)
class Damage:
    offset: int  # the first byte that is not part of a complete, readable record
    reason: Phrase


class _Broken(Exception):
    def __init__(self, damage: Damage) -> None:
        super().__init__(damage.reason)
        self.damage = damage


def read_header(data: bytes | bytearray, start: int) -> Sequence | None:
    """The sequence header at ``start``, or None when the bytes there are not one."""
    if len(data) < start + 12:
        return None
    size = data[start]
    if size < 12 or data[start + 8 : start + 12] != FIT_SIGNATURE or len(data) < start + size:
        return None
    (data_size,) = struct.unpack_from("<I", data, start + 4)
    return Sequence(start, size, data_size)


def sequences(data: bytes | bytearray) -> list[Sequence]:
    """The chained sequences whose headers can be read, in order (their data may be short)."""
    found: list[Sequence] = []
    offset = 0
    while offset < len(data):
        sequence = read_header(data, offset)
        if sequence is None:
            break
        found.append(sequence)
        offset = sequence.data_end + 2
    return found


def find_damage(data: bytes) -> Damage | None:
    """Walk every record of every sequence; the first place where the structure breaks."""
    offset = 0
    while offset < len(data):
        sequence = read_header(data, offset)
        if sequence is None:
            return Damage(offset, Phrase("the bytes after the last complete part are not FIT data"))
        try:
            _walk(data, sequence, frozenset(), None)
        except _Broken as broken:
            return broken.damage
        if sequence.data_end + 2 > len(data):
            return Damage(sequence.data_end, Phrase("the file ends before its checksum"))
        offset = sequence.data_end + 2
    return None


def pick_messages(data: bytes, wanted: frozenset[int]) -> bytes | None:
    """A small, valid FIT file holding only the messages of the ``wanted`` global numbers.

    Their definitions come along, so a decoder reads them exactly as in the full file; the
    records (most of the file) stay behind. Meant for a file the full decode accepted; None if
    the walk finds something it cannot step over (then decode the full file instead).
    """
    body = bytearray()
    for sequence in sequences(data):
        try:
            _walk(data, sequence, wanted, body)
        except _Broken:
            return None
    header = bytearray(data[:12] if data[:1] == b"\x0c" else data[:14])
    header[0] = len(header)
    struct.pack_into("<I", header, 4, len(body))
    if len(header) == 14:
        struct.pack_into("<H", header, 12, fit_crc(header[:12]))
    whole = header + body
    return bytes(whole + struct.pack("<H", fit_crc(whole)))


def _walk(data: bytes, sequence: Sequence, wanted: frozenset[int], body: bytearray | None) -> None:
    """Step over each record of a sequence, copying those of ``wanted`` messages to ``body``.

    Raises ``_Broken`` at the first record that cannot be complete or cannot be read. The loop
    runs once per record (tens of thousands per file), so data messages take one table look-up
    by their header byte: ``steps[h]`` is the whole record's length for a header byte whose
    local type is defined, 0 otherwise (a definition, or an undefined type).
    """
    end = min(sequence.data_end, len(data))
    steps = [0] * 256
    keeps = [False] * 256
    offset = last = sequence.data_start
    while offset < end:
        header = data[offset]
        step = steps[header]
        if step:
            if keeps[header] and body is not None:
                body += data[offset : offset + step]
            last = offset
            offset += step
            continue
        if header & 0x40 and not header & 0x80:  # a definition message
            following = _definition_end(data, offset, end)
            if following is None:
                raise _Broken(Damage(offset, Phrase("a message definition is cut off")))
            number = data[offset + 3 : offset + 5]
            big_endian = bool(data[offset + 2])
            keep = int.from_bytes(number, "big" if big_endian else "little") in wanted
            if keep and body is not None:
                body += data[offset:following]
            _define(steps, keeps, header & 0x0F, 1 + _defined_size(data, offset, following), keep)
            offset = following
            continue
        local = (header >> 5) & 0x03 if header & 0x80 else header & 0x0F
        raise _Broken(
            Damage(
                offset, Phrase("a record uses local message {local}, never defined", local=local)
            )
        )
    if offset > end:  # the record at ``last`` ran past the end
        if end < sequence.data_end:
            raise _Broken(Damage(last, Phrase("the file is cut off in the middle of a record")))
        raise _Broken(Damage(last, Phrase("a record runs past the declared end of the data")))
    if end < sequence.data_end:
        raise _Broken(Damage(end, Phrase("the file is cut off before the end of its data")))


def _define(steps: list[int], keeps: list[bool], local: int, step: int, keep: bool) -> None:
    """Point every header byte that names data of ``local`` at its new length."""
    headers = [local, local | 0x10]  # bit 4 is reserved in a normal header
    if local < 4:  # compressed-timestamp headers: 1 LL TTTTT
        headers += [0x80 | local << 5 | offset for offset in range(32)]
    for header in headers:
        steps[header] = step
        keeps[header] = keep


def _definition_end(data: bytes, offset: int, end: int) -> int | None:
    fixed = offset + 6  # header, reserved, architecture, global number (2), field count
    if fixed > end:
        return None
    after_fields = fixed + 3 * data[offset + 5]
    if not data[offset] & 0x20:
        return after_fields if after_fields <= end else None
    if after_fields + 1 > end:
        return None
    after_developer = after_fields + 1 + 3 * data[after_fields]
    return after_developer if after_developer <= end else None


def _defined_size(data: bytes, offset: int, following: int) -> int:
    count = data[offset + 5]
    size = sum(data[offset + 7 : offset + 6 + 3 * count : 3])
    if data[offset] & 0x20:
        size += sum(data[offset + 8 + 3 * count : following : 3])
    return size


def cut_at(data: bytes, offset: int, *, file_crc: bool = True) -> bytes | None:
    """The file up to ``offset`` with the last sequence's size and CRCs made consistent.

    None when nothing complete would be left. ``file_crc=False`` leaves a placeholder for a
    caller that gets the CRC cheaper (fitfast names the one it computed: see
    :func:`patch_checksum`); the placeholder never equals the header CRC, so the two cannot
    be confused.
    """
    kept = [s for s in sequences(data) if s.start < offset]
    if not kept:
        return None
    last = kept[-1]
    if offset >= last.data_end + 2:  # the damage starts after a complete sequence
        return data[: last.data_end + 2]
    if offset <= last.data_start:  # nothing of the last sequence survives: drop it whole
        kept.pop()
        if not kept:
            return None
        return data[: kept[-1].data_end + 2]
    body = bytearray(data[:offset])
    struct.pack_into("<I", body, last.start + 4, offset - last.data_start)
    header_crc = None
    if last.header_size >= 14:
        header_crc = fit_crc(body[last.start : last.start + 12])
        struct.pack_into("<H", body, last.start + 12, header_crc)
    placeholder = 1 if header_crc == 0 else 0
    crc = fit_crc(memoryview(body)[last.start :]) if file_crc else placeholder
    return bytes(body + struct.pack("<H", crc))


def patch_checksum(data: bytes, error: str) -> bytes | None:
    """Write the CRC fitfast computed where it found a different one; None if not a CRC error."""
    mismatch = _CRC_MISMATCH.search(error)
    if mismatch is None:
        return None
    found, calculated = int(mismatch.group(1)), int(mismatch.group(2))
    valid_before = _VALID_SEQUENCES.search(error)
    parts = sequences(data)
    candidates = parts[int(valid_before.group(1)) :] if valid_before else parts
    for sequence in candidates:
        for place in _crc_places(data, sequence):
            if struct.unpack_from("<H", data, place)[0] == found:
                fixed = bytearray(data)
                struct.pack_into("<H", fixed, place, calculated)
                return bytes(fixed)
    return None


def _crc_places(data: bytes, sequence: Sequence) -> list[int]:
    places = []
    if sequence.header_size >= 14:
        places.append(sequence.start + 12)
    if sequence.data_end + 2 <= len(data):
        places.append(sequence.data_end)
    return places
