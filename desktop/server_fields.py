"""The connection settings typed in a dialog's server fields (设置 → 团队服务器 and the join
dialog's 手动填写服务器信息 share the same five: host, port, database, user, password)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.storage import server


def typed_config(dialog) -> server.ServerConfig | None:
    """None when a field is missing: `dialog._fail` then says which."""
    fields = ((QCoreApplication.translate("ServerFields", "服务器地址"), dialog.host),
              (QCoreApplication.translate("ServerFields", "数据库名"), dialog.database),
              (QCoreApplication.translate("ServerFields", "用户名"), dialog.user))
    missing = [label for label, edit in fields if not edit.text().strip()]
    if missing:
        comma = QCoreApplication.translate("ServerFields", "、")
        dialog._fail(QCoreApplication.translate("ServerFields", "请填写：%1").replace(
            "%1", comma.join(missing)))
        return None
    return server.ServerConfig(host=dialog.host.text().strip(), port=dialog.port.value(),
                               database=dialog.database.text().strip(),
                               user=dialog.user.text().strip(), password=dialog.password.text())
