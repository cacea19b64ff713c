"""What must hold before a draw, as the window and the command line both ask it: who may witness (SEPARATION),
what the witness's digits and a replayed secret look like (FAIR_DRAW), and which rounds may be drawn (an opened one; a drawn one again only with a
reason, CORRECTIONS).
"""

from __future__ import annotations

import unicodedata

from desktop.domain.draw_random import SECRET_BYTES
from desktop.domain.errors import RuleError
from desktop.domain.methods import RoundState, RoundStateError

MIN_DIGITS = 6
MAX_DIGITS = 64
DRAWABLE = (RoundState.OPENED, RoundState.DRAWN)


def canonical_name(name: str) -> str:
    """A person's name as compared: NFKC, without whitespace or invisible format characters (zero-width space,
    joiners, bidi marks: Unicode category Cf), so 李监督 followed by U+200B is 李监督."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


def same_person(a: str, b: str) -> bool:
    return canonical_name(a) == canonical_name(b)


def check_witness(operator: str, witness: str) -> str:
    """SEPARATION: the witness is named and is not the operator; returns the witness's name as recorded."""
    name = canonical_name(witness)
    if not name:
        raise RuleError("SEPARATION", "SEPARATION 抽取须由监督员现场见证：请填写见证监督员姓名")
    if name == canonical_name(operator):
        raise RuleError("SEPARATION", f"SEPARATION 执行抽取的工作人员「{operator.strip()}」不能同时担任见证监督员，"
                                      "须由另一人见证")
    return name


def witness_digits(text: str) -> str:
    """FAIR_DRAW: the witness's own random digits (dice, a number generator), at least MIN_DIGITS ASCII digits
    after NFKC (full-width digits are read as digits; spaces between groups are allowed)."""
    digits = "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())
    if not digits or not all("0" <= c <= "9" for c in digits):
        raise RuleError("FAIR_DRAW", f"FAIR_DRAW 见证人随机数只能由数字 0–9 组成（现为「{text.strip()}」）")
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        raise RuleError("FAIR_DRAW", f"FAIR_DRAW 见证人随机数须为{MIN_DIGITS}至{MAX_DIGITS}位数字"
                                     f"（现为{len(digits)}位），请掷骰子或用随机数器重新产生")
    return digits


def parse_secret(text: str) -> bytes:
    """A revealed secret as printed on a draw record: 64 hexadecimal characters."""
    value = text.strip().lower()
    try:
        secret = bytes.fromhex(value)
    except ValueError:
        secret = b""
    if len(secret) != SECRET_BYTES:
        raise RuleError("FAIR_DRAW", f"FAIR_DRAW 抽取密钥应为{2 * SECRET_BYTES}位十六进制字符（抽取记录上公布的密钥）")
    return secret


def check_may_draw(state: RoundState | str, drawn_before: bool, redraw_reason: str | None) -> str:
    """Which rounds may be drawn: an opened round, or a drawn one not yet confirmed with a reason for the redraw
    (CORRECTIONS: a draw is never changed, only superseded with a recorded reason). Returns the reason kept."""
    now = RoundState(state)
    if now is RoundState.DRAFT:
        raise RoundStateError("评审轮次尚未开启：开启时评审方法和规则设置即冻结，开启后才能抽取专家")
    if now not in DRAWABLE:
        raise RuleError("CORRECTIONS", f"CORRECTIONS 评审轮次处于「{now.label}」状态，抽取结果已确认，不能再抽取；"
                                       "只有已开启或已抽取待确认的轮次才能抽取专家")
    reason = (redraw_reason or "").strip()
    if drawn_before and not reason:
        raise RuleError("CORRECTIONS", "CORRECTIONS 本轮已抽取过专家；如确需重新抽取，须填写重新抽取的理由，"
                                       "原抽取结果将保留在记录中并标为已被取代")
    return reason


def may_draw(state: RoundState | str, panels: int) -> bool:
    """Whether the draw can be offered at all: a drawable round with at least one panel."""
    return RoundState(state) in DRAWABLE and panels > 0
