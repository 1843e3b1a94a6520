"""Bytes to text: which encoding a file is in, and whether it is text at all.

Detection never guesses silently: a file that is not text (NUL bytes outside UTF-16, mostly control
characters, no encoding that fits) raises ``DecodeError`` with the reason, and a guess that lost or
replaced bytes comes back as a warning the ingest records.
"""

from __future__ import annotations

import codecs
import re

from newsfacts.errors import DecodeError

__all__ = ["decode", "MAX_CONTROL_SHARE"]


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes to text; returns (text, encoding, warnings).

    Raises DecodeError for what is not text: bytes no encoding fits, NUL bytes (outside UTF-16
    and UTF-32), or text that is more than 5 % control characters.
    """
    text, encoding, warnings = _decode(data)
    if "\x00" in text:
        raise DecodeError(f"binary file: NUL character at character {text.index(chr(0)):,}, not text")
    control = len(text) - len(_CONTROL.sub("", text))
    if control > len(text) * MAX_CONTROL_SHARE:
        raise DecodeError(f"binary file: {control / len(text):.0%} control characters, not text")
    return text, encoding, warnings


MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]+")  # not tab, newline, form feed, carriage return


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                      (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name, []
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {name} data at byte {exc.start}") from None
    if b"\x00" in data:  # valid UTF-8 too, but text files do not hold NUL bytes: UTF-16 without a BOM, or binary
        found = _utf16_without_bom(data)
        if found is None:
            raise DecodeError(f"binary file: NUL byte at byte {data.index(0):,}, not text")
        return found
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, "utf-8", [f"invalid UTF-8 at byte {first_bad}: {bad} byte sequence(s) replaced with U+FFFD"]
    high = sum(1 for b in data if b > 127)
    if high <= max(8, len(data) // 200):
        # A few high bytes in ASCII text ("\xa315.8m"): too little for statistics to tell code pages
        # apart; windows-1252 is the legacy encoding of English news and decodes every such byte.
        try:
            return data.decode("cp1252"), "cp1252", [f"not UTF-8 (byte {first_bad}): read as windows-1252"]
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = _best_match(from_bytes(data))
    if best is None or best.encoding is None:
        raise DecodeError("binary or undecodable bytes, no text encoding fits")
    return str(best), best.encoding, [f"not UTF-8 (byte {first_bad}): detected {best.encoding}"]


def _best_match(matches):
    """charset-normalizer's best guess, but windows-1252 on a tie: Western European code pages
    decode most letters alike, and windows-1252 is what the web means by latin-1 (WHATWG)."""
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        tied = match.chaos <= best.chaos and match.coherence >= best.coherence - 0.02
        if tied and "cp1252" in match.could_be_from_charset:
            return match
    return best


def _utf16_without_bom(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-16 text without a byte order mark: NUL bytes (the high byte of ASCII letters, spaces and
    punctuation) on one side of each pair only, and the whole decodes. Binary data has NULs on both."""
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= max(2, len(sample) // 40) and other <= zeros // 50:
            try:
                text = data[:len(data) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                continue
            return text, codec, []
    return None


def _mostly_utf8(data: bytes) -> bool:
    """True when the non-ASCII bytes are mostly valid UTF-8: a UTF-8 file with a few bad bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return good > 0 and bad <= max(3, good // 10)
