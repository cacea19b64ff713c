"""identifiers stored before they were normalised (full-width digits, lower-case x, spaces) in their canonical form

Revision ID: 0015
Revises: 0014

Workspaces imported before RULES.md IDENTIFIERS can hold ``３７０６…x`` where the import now stores ``3706…X``, and a
later import of the same person then made a second one. Every stored ID number and credit code is brought to the
canonical form of desktop.domain.ids. Where two rows become the same person, organisation or integrity record, the
migration refuses, naming both rows, and leaves the workspace as it was: merging them would move draws, exclusions,
calls and scores from one to the other, which only a person who knows which record is right may decide: the
message names ``paneldesk workspace merge-duplicates`` (desktop.services.duplicates), which does it. The digests
of the rows changed are kept up and sealed by an audit entry at the first opening (desktop.store.pending_seals).
"""

from collections import defaultdict

from alembic import op
import sqlalchemy as sa

from desktop.domain.ids import canonical, mask_id
from desktop.store.digests import tracked
from desktop.store.engine import SchemaError
from desktop.store.pending_seals import TABLE, leave


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

_SHOWN = 10  # clashes named in the message; the rest are counted


def _members(value: str) -> str:
    return ";".join(canonical(member) for member in value.split(";")) if value else value


def _clashes(cursor) -> list[str]:
    """Each set of rows that would become one, described for the message."""
    found = []
    for table, words, sql in (
            ("person", "人员", "SELECT id, name, id_number FROM person ORDER BY id"),
            ("organisation", "单位", "SELECT id, name, credit_code FROM organisation ORDER BY id")):
        groups = defaultdict(list)
        for id_, name, code in cursor.execute(sql).fetchall():
            groups[canonical(code)].append((id_, name, code))
        for code, rows in groups.items():
            if len(rows) > 1:
                named = "、".join(f"第{id_}条「{name}」（录入为「{mask_id(raw)}」）" for id_, name, raw in rows)
                found.append(f"{words}表（{table}）{named}规范化后是同一个号码 {mask_id(code)}")
    records = defaultdict(list)
    for id_, name, code, *rest in cursor.execute(
            "SELECT id, subject_name, subject_code, violation, decision_date, project_number FROM integrity_record "
            "ORDER BY id").fetchall():
        records[(canonical(code), *rest)].append((id_, name))
    for (code, violation, *_), rows in records.items():
        if len(rows) > 1:
            named = "、".join(f"第{id_}条「{name}」" for id_, name in rows)
            found.append(f"诚信记录表（integrity_record）{named}规范化后是同一主体（{mask_id(code)}）的同一条记录「{violation}」")
    return found


def _canonicalise(cursor) -> dict[str, int]:
    """Rewrite every identifier not in its canonical form; how many rows of each table changed."""
    changed = {}
    for table, columns in (("person", ("id_number",)), ("organisation", ("credit_code",)),
                           ("integrity_record", ("subject_code",)), ("ongoing_project", ("leader", "members"))):
        updates = []
        for id_, *values in cursor.execute(f"SELECT id, {', '.join(columns)} FROM {table}").fetchall():
            new = [_members(v) if column == "members" else canonical(v) for column, v in zip(columns, values)]
            if new != values:
                updates.append((*new, id_))
        cursor.executemany(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?", updates)
        if updates:
            changed[table] = len(updates)
    return changed


def upgrade() -> None:
    op.create_table(TABLE,
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('target', sa.String(), nullable=False),
    sa.Column('after', sa.String(), nullable=False),
    sa.Column('digests', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_pending'))
    )
    connection = op.get_bind().connection.dbapi_connection
    cursor = connection.cursor()
    try:
        clashes = _clashes(cursor)
        if clashes:
            more = f"；另有{len(clashes) - _SHOWN}处" if len(clashes) > _SHOWN else ""
            raise SchemaError(
                "工作区中有记录的身份证号或统一社会信用代码在规范化（全角转半角、去空格、x改为X）后相同，"
                f"可能是同一人（单位）被登记了两次：{'；'.join(clashes[:_SHOWN])}{more}。PanelDesk 不会自动合并它们"
                "（合并会改动已有的抽取、回避、评分等记录所指的对象），工作区未作任何改动，仍可用上一版本打开。"
                "请在命令行执行 paneldesk --workspace 工作区文件夹 --operator 账户名 workspace merge-duplicates，"
                "查看每组记录的不同之处，再用 --keep 合并确是同一人（单位）的记录、用 --correct 更正登记错的号码；"
                "冲突全部消除后，升级随即完成，工作区即可用本版本打开。")
        with tracked(connection) as accumulator:
            changed = _canonicalise(cursor)
            if changed:
                leave(cursor, accumulator, "identifiers.canonical", ", ".join(changed), {"tables": changed})
    finally:
        cursor.close()


def downgrade() -> None:
    op.drop_table(TABLE)  # the identifiers stay canonical: every version reads them so
