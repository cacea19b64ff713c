"""The kinds of sheet PanelDesk imports, with their Chinese headers, English aliases and natural keys.

A sheet is recognised by its name (or a CSV file's name) or, failing that, by its headers, so a secretariat may
name sheets as it likes and order them as it likes.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.importing import columns as c


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    aliases: tuple[str, ...]
    parse: c.Parser
    required: bool = True


@dataclass(frozen=True)
class Kind:
    key: str
    title: str  # the canonical sheet name
    names: tuple[str, ...]  # other sheet names that mean this kind
    columns: tuple[Column, ...]
    natural_key: tuple[str, ...]

    def column(self, key: str) -> Column:
        return next(col for col in self.columns if col.key == key)


def col(key: str, header: str, parse: c.Parser, *aliases: str, required: bool = True) -> Column:
    return Column(key, header, aliases, parse, required)


KINDS: tuple[Kind, ...] = (
    Kind("organisations", "单位", ("单位库", "organisations", "organizations"), (
        col("name", "单位名称", c.text, "name", "organisation"),
        col("credit_code", "统一社会信用代码", c.credit_code, "credit_code", "信用代码"),
        col("kind", "单位类型", c.one_of(c.ORG_KINDS), "type", "kind"),
    ), ("credit_code",)),
    Kind("fields", "学科", ("学科代码表", "fields"), (
        col("code", "学科代码", c.field_code, "code", "field_code"),
        col("name", "学科名称", c.text, "name"),
        col("parent", "上级代码", c.field_code, "parent", required=False),
    ), ("code",)),
    Kind("experts", "专家", ("专家库", "experts"), (
        col("name", "姓名", c.text, "name"),
        col("id_number", "身份证号", c.expert_id_number, "id_number", "身份证号码"),
        col("mobile", "手机", c.mobile, "mobile", "手机号", "手机号码", required=False),
        col("email", "电子邮箱", c.email, "email", "邮箱", required=False),
        col("title", "职称", c.text, "title", required=False),
        col("org_name", "工作单位", c.text, "organisation", "organization"),
        col("org_code", "工作单位信用代码", c.credit_code, "organisation_code", "organization_code"),
        col("fields", "学科代码", c.several(c.field_code), "fields", "field_codes"),
        col("enterprise", "企业专家", c.yes_no, "enterprise", required=False),
        col("enterprise_reason", "企业专家说明", c.text, "enterprise_reason", required=False),
        col("head_of_unit", "单位负责人", c.yes_no, "head_of_unit", required=False),
    ), ("id_number",)),
    Kind("employment", "任职经历", ("工作经历", "employment"), (
        col("id_number", "身份证号", c.id_number, "id_number", "身份证号码"),
        col("org_name", "单位名称", c.text, "organisation", "organization"),
        col("org_code", "统一社会信用代码", c.credit_code, "credit_code", "信用代码"),
        col("from_year", "起始年", c.year, "from_year", "起始年份"),
        col("to_year", "终止年", c.year, "to_year", "终止年份", required=False),
    ), ("id_number", "org_code", "from_year")),
    Kind("relations", "人员关系", ("关系", "relations"), (
        col("a", "身份证号A", c.id_number, "id_number_a", "person_a"),
        col("b", "身份证号B", c.id_number, "id_number_b", "person_b"),
        col("kind", "关系类型", c.one_of(c.RELATION_KINDS), "kind", "relation"),
        col("from_year", "起始年", c.year, "from_year", required=False),
        col("to_year", "终止年", c.year, "to_year", required=False),
        col("note", "说明", c.note, "note", required=False),
    ), ("pair", "kind")),
    Kind("applications", "项目", ("申报项目", "applications"), (
        col("number", "项目编号", c.reference, "number", "application_number"),
        col("title", "项目名称", c.text, "title"),
        col("field_code", "学科代码", c.field_code, "field_code", "field"),
        col("applicant_name", "申报单位", c.text, "applicant", "applicant_organisation"),
        col("applicant_code", "申报单位信用代码", c.credit_code, "applicant_code"),
        col("partner_codes", "合作单位信用代码", c.several(c.credit_code), "partner_codes", required=False),
    ), ("number",)),
    Kind("team", "项目成员", ("团队成员", "team"), (
        col("number", "项目编号", c.reference, "number", "application_number"),
        col("name", "姓名", c.text, "name"),
        col("id_number", "身份证号", c.id_number, "id_number", "身份证号码"),
        col("role", "角色", c.one_of(c.ROLES), "role"),
        col("org_code", "单位信用代码", c.credit_code, "organisation_code", required=False),
        col("head_of_unit", "单位负责人", c.yes_no, "head_of_unit", required=False),
    ), ("number", "id_number")),
    Kind("requested", "不宜评审专家", ("回避专家申请", "requested_exclusions"), (
        col("number", "项目编号", c.reference, "number", "application_number"),
        col("expert_id", "专家身份证号", c.id_number, "expert_id_number", "expert"),
        col("reason", "理由", c.note, "reason"),
    ), ("number", "expert_id")),
    Kind("integrity", "诚信记录", ("科研诚信记录", "失信记录", "integrity"), (
        col("subject_name", "主体名称", c.text, "subject_name"),
        col("subject_code", "身份证号或信用代码", c.id_or_credit_code, "subject_code"),
        col("project_name", "项目名称", c.text, "project_name", required=False),
        col("project_number", "项目编号", c.reference, "project_number", required=False),
        col("violation", "失信行为", c.note, "violation"),
        col("measures", "处理措施", c.several(c.text), "measures", required=False),
        col("penalty_start", "惩戒开始", c.date, "penalty_start", required=False),
        col("penalty_end", "惩戒结束", c.date, "penalty_end", required=False),
        col("decided_by", "处理单位", c.text, "decided_by"),
        col("basis", "处理依据", c.note, "basis", required=False),
        col("decision_date", "决定日期", c.date, "decision_date"),
    ), ("subject_code", "violation", "decision_date", "project_number")),
    Kind("declared", "回避声明", ("专家回避声明", "declared_conflicts"), (
        col("expert_id", "专家身份证号", c.id_number, "expert_id_number", "expert"),
        col("number", "项目编号", c.reference, "number", "application_number"),
        col("reason", "理由", c.note, "reason"),
    ), ("expert_id", "number")),
    Kind("lobbying", "请托记录", ("打招呼记录", "lobbying"), (
        col("expert_id", "专家身份证号", c.id_number, "expert_id_number", "expert"),
        col("number", "项目编号", c.reference, "number", "application_number"),
        col("recorded_on", "记录日期", c.date, "date", "recorded_on"),
        col("note", "说明", c.note, "note", required=False),
        col("accepted", "是否接受", c.yes_no, "accepted"),
    ), ("expert_id", "number", "recorded_on")),
    Kind("ongoing", "在研项目", ("在研省级项目", "ongoing_projects"), (
        col("number", "项目编号", c.reference, "number", "project_number"),
        col("title", "项目名称", c.text, "title"),
        col("leader", "负责人身份证号", c.id_number, "leader_id_number", "leader"),
        col("members", "骨干身份证号", c.several(c.id_number), "member_id_numbers", "members", required=False),
        col("period", "起止日期", c.date_range, "period"),
    ), ("number",)),
)

BY_KEY = {kind.key: kind for kind in KINDS}

# The working-day calendar's sheet (RULES.md WORKING_DAYS): imported on its own (paneldesk calendar import), since a
# year's schedule replaces the year, never mixed into an import of the pool.
CALENDAR = Kind("calendar", "放假安排", ("节假日安排", "calendar"), (
    col("day", "日期", c.date, "date", "day"),
    col("kind", "类型", c.one_of(("放假", "调休上班")), "kind", "type"),
    col("name", "名称", c.text, "name", "节日"),
    col("basis", "依据文号", c.text, "basis", "文号", "notice"),
), ("day",))


def _header_names(column: Column) -> set[str]:
    return {column.header, *column.aliases, column.key}


def recognise(sheet_name: str, headers: list[str]) -> Kind | None:
    """The kind a sheet holds, by its name first and then by its headers."""
    name = sheet_name.strip()
    for kind in KINDS:
        if name == kind.title or name in kind.names:
            return kind
    present = set(headers)
    best, best_score = None, 0
    for kind in KINDS:
        required = [col for col in kind.columns if col.required]
        if all(_header_names(col) & present for col in required):
            score = sum(bool(_header_names(col) & present) for col in kind.columns)
            if score > best_score:
                best, best_score = kind, score
    return best


def column_positions(kind: Kind, headers: list[str]) -> tuple[dict[str, int], list[Column], list[tuple[Column, list[int]]]]:
    """Where each column of the kind stands in the sheet, the required columns that are missing, and the columns
    that two or more headers claim (an error: which one holds the data would be a guess)."""
    claims: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        for column in kind.columns:
            if header in _header_names(column):
                claims.setdefault(column.key, []).append(index)
    positions = {key: places[0] for key, places in claims.items()}
    missing = [column for column in kind.columns if column.required and column.key not in positions]
    clashes = [(kind.column(key), places) for key, places in claims.items() if len(places) > 1]
    return positions, missing, clashes
