"""The round's execution and after-review rows (desktop.services.archive.sections.execution) written into the
workspace that imports its archive, with the attachments they name.

Every reference is carried over by its foreign key: the round, its draws and panels to the rows the import made for
them, persons to the person merged by ID number and applications to the one merged by number (never a second copy),
invitations to the invitations written here; attachments keep their name, the SHA-256 of their content, so one
already in this workspace (the same recording imported twice, or held here before) is stored once. Rows get new
numbers of their own; the imported round is closed, so none of them can be changed afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlmodel import Session

from desktop.domain.errors import UserError
from desktop.services.archive.sections.execution import BY_ROUND
from desktop.store.execution_tables import Attachment, DrawBatch
from desktop.store.workspace import Workspace

TABLES = BY_ROUND + (DrawBatch,)


def import_rows(session: Session, workspace: Workspace, rows: Callable[[str], list[dict]], ids: dict[str, dict],
                person: Callable[[int], int], application: Callable[[int], int],
                attachment: Callable[[str], Iterable[bytes]]) -> dict[str, int]:
    """Write the archived rows; how many of each table. ``ids`` maps ``"draw.id"``, ``"panel.id"`` and
    ``"review_round.id"`` from the archive's numbers to this workspace's (and gains the other tables' as they are
    written); ``person`` and ``application`` give the merged row for an archived person's or application's number;
    ``attachment(sha256)`` the archived attachment's content."""
    counts = {Attachment.__tablename__: 0}
    for row in rows(Attachment.__tablename__):
        if workspace.write_blob(attachment(row["sha256"])) != row["sha256"]:
            raise UserError(f"附件 {row['sha256']} 的内容与其名称不符，没有导入任何内容")
        if session.get(Attachment, row["sha256"]) is None:
            session.add(Attachment(**row))
            counts[Attachment.__tablename__] += 1
    session.flush()
    mapped = {"person.id": person, "application.id": application}
    for table in TABLES:
        name, own = table.__tablename__, f"{table.__tablename__}.id"
        written: list[tuple[object, dict]] = []  # each row with its references to rows of its own table
        for row in rows(name):
            values, own_refs = dict(row), {}
            number = values.pop("id") if "id" in table.__table__.primary_key.columns else None
            for column in table.__table__.columns:
                value = values.get(column.name)
                target = next((k.target_fullname for k in column.foreign_keys), None)
                if value is None or target is None or target == "attachment.sha256":
                    continue
                if target == own:  # a later row of the same table (an invitation's replacement): set below
                    own_refs[column.name], values[column.name] = value, None
                elif target in mapped:
                    values[column.name] = mapped[target](value)
                elif value in ids.get(target, {}):
                    values[column.name] = ids[target][value]
                else:
                    raise UserError(f"归档中 {name} 的记录引用了 {target} {value}，它不在归档的本轮记录中")
            added = table(**values)
            session.add(added)
            session.flush()
            if number is not None:
                ids.setdefault(own, {})[number] = added.id
            written.append((added, own_refs))
        for added, own_refs in written:
            for column, value in own_refs.items():
                setattr(added, column, ids[own][value])
                session.add(added)
        counts[name] = len(written)
    session.flush()
    return counts
