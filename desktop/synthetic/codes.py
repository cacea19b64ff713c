"""Valid identifiers for synthetic people and organisations.

Every code carries its real check character (GB 11643 for ID numbers, GB 32100 for credit codes, and GB 11714 for
the organisation code inside a credit code), so imports accept the data and recusal is exercised on codes that
look exactly like the ones a secretariat types in.
"""

from __future__ import annotations

import datetime as dt
import random

from desktop.domain.ids import credit_check_char, id_check_digit

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_LETTERS = "ABCDEFGHJKLMNPQRTUWXY"  # the credit-code alphabet: no I, O, S, V, Z
_MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 170 173 175 176 177 178 180 "
    "181 182 183 184 185 186 187 188 189 191 198 199"
).split()


def id_number(rng: random.Random, region: str, born: dt.date, male: bool) -> str:
    """An 18-digit ID number; the sequence number is odd for men and even for women, as GB 11643 has it."""
    serial = rng.randrange(0, 500) * 2 + (1 if male else 0)
    first17 = f"{region}{born:%Y%m%d}{serial:03d}"
    return first17 + id_check_digit(first17)


def organisation_code(rng: random.Random, new_style: bool) -> str:
    """A 9-character GB 11714 organisation code; new enterprises get the "MA" series the registries issue now."""
    if new_style:
        body = "MA" + "".join(rng.choice("0123456789" + _ORG_LETTERS) for _ in range(6))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    total = sum(int(c, 36) * w for c, w in zip(body, _ORG_WEIGHTS))
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(rng: random.Random, authority_and_kind: str, region: str) -> str:
    """A GB 32100 unified social credit code, e.g. ``91`` enterprise, ``12`` public institution, ``11`` government."""
    new_style = authority_and_kind == "91" and rng.random() < 0.6
    first17 = authority_and_kind + region + organisation_code(rng, new_style)
    return first17 + credit_check_char(first17)


def mobile(rng: random.Random) -> str:
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
