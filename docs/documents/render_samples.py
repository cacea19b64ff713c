"""Write the reference renders of docs/documents/: every kind of document, signed with a throw-away identity, as
PDF pages at 80 dpi (pdftoppm), from the sample values of the tests.

    .venv/bin/python docs/documents/render_samples.py
"""

import datetime as dt
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tests" / "reports"))

import report_samples as samples  # noqa: E402
from reports.clock import BEIJING  # noqa: E402
from reports.documents import ApplicationRef, Criterion, ScoreSheet  # noqa: E402
from reports.identity import Unit, create_identity  # noqa: E402
from reports.render import render  # noqa: E402
from reports.signing import Signer  # noqa: E402

CREATED = dt.datetime(2026, 5, 8, 9, 30, tzinfo=BEIJING)


def documents() -> dict:
    twelve = tuple(Criterion(f"指标{i}", 100 / 12, "") for i in range(1, 13))
    long_apps = (ApplicationRef("2024CXGC010101", samples.TITLE), ApplicationRef("2024CXGC010102", samples.TITLE))
    return {
        "expert_commitment_rare_name": samples.expert_letter(name="王𬌗"),
        "expert_commitment_ext_a": samples.expert_letter(name="李䶮"),
        "applicant_commitment": samples.applicant_commitment(),
        "outcome_notice_one_opinion": replace(samples.outcome_notice(), opinions=("研究基础扎实，团队结构合理。",)),
        "publicity_list": samples.publicity_list(30),
        "sign_in_sheet": samples.sign_in_sheet(),
        "score_sheet_weighted": samples.score_sheet("weighted"),
        "score_sheet_weighted_12_criteria": ScoreSheet(samples.ROUND, "先进制造第一组", "weighted", long_apps, twelve,
                                                       "欧阳明远"),
        "score_sheet_grade": samples.score_sheet("grade"),
        "score_sheet_vote": samples.score_sheet("vote"),
        "score_sheet_rank": samples.score_sheet("rank"),
    }


def main() -> None:
    unit = Unit("山东省", "山东省科学技术厅", "评审办公室")
    signer = Signer(create_identity("省科学技术厅评审办公室", b"render", unit), b"render")
    for old in HERE.glob("*.png"):
        old.unlink()
    for name, document in documents().items():
        rendered = render(document, created=CREATED, note=signer.note)
        pdf = signer.sign(rendered.pdf, rendered.signature_page, rendered.signature_box)
        path = HERE / f"{name}.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(path), str(HERE / name)], check=True)
        path.unlink()
        print(name, len(list(HERE.glob(f"{name}-*.png"))), "pages")


if __name__ == "__main__":
    main()
