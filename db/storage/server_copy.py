"""Moving a shop to a shared server: the one-time copy of this computer's data to it."""
from __future__ import annotations

import json
from pathlib import Path

from peewee import Database

from db import clock
from db.errors import store_message
from db.models import AuditLog, Staff
from db.storage import at_rest, backups, server, store, transfer
from db.vocabulary import QT_TRANSLATE_NOOP


def copy_local_to_server(local: Database, data_dir: Path, config: server.ServerConfig,
                         by: Staff | None = None,
                         progress: transfer.Progress | None = None) -> int:
    """Copy every row of the open local database to an empty server and switch this computer
    to it (from the next start). Refuses a server that already holds a shop's data: two
    shops' data are never mixed, and nothing on a server is ever overwritten from here.
    Returns the rows copied."""
    target = server.connect(config)
    try:
        store.prepare_server(target)
        if transfer.holds_data(target):
            raise server.ServerError(store_message(QT_TRANSLATE_NOOP(
                "StoreError", "服务器上的数据库 %1 已经有客户、工单或客服数据，没有复制，"
                "也没有改动。如果这是本店的服务器，请选择「使用服务器上的数据」。"),
                config.database))
        backups.backup_now(data_dir, "before-server")  # the local state, in case of doubt
        copied = transfer.copy(local, target, progress)
        at_rest.carry_to_server(local, target)
        target.execute(AuditLog.insert(
            at=clock.now(), staff_id=by.id if by else None, staff_name=by.name if by else "",
            action="copy_to_server", entity="database",
            detail=json.dumps({"rows": copied, "from": str(data_dir)}, ensure_ascii=False),
            source="settings"))
    finally:
        target.close()
    server.save(data_dir, config)
    return copied
