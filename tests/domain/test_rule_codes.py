"""Rule codes in messages and JSON come from RULES.md only: every RuleError the program can raise names one."""

import re
from pathlib import Path

import desktop
from desktop.domain.errors import RULE_CODES
from desktop.domain.grounds import GroundCode

SOURCE = Path(desktop.__file__).parent


def test_every_rule_error_names_a_code_of_rules_md():
    invented = []
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"RuleError\(\s*(?:code\s*=\s*)?[\"']([^\"']*)[\"']", text):
            if match.group(1) not in RULE_CODES:
                line = text.count("\n", 0, match.start()) + 1
                invented.append(f"{path.relative_to(SOURCE.parent)}:{line} {match.group(1)}")
    assert not invented, "codes not in RULES.md: " + "; ".join(invented)


def test_every_exclusion_ground_is_a_rule_code():
    assert {code.value for code in GroundCode} <= RULE_CODES
