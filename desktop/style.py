"""One light stylesheet: calm colours, clear hierarchy, big enough targets."""
from __future__ import annotations

STYLESHEET = """
QMainWindow, QDialog { background: #f8fafc; }
QToolButton::menu-indicator { image: none; width: 0px; }
#navigation { background: #1e293b; border: none; color: #e2e8f0; font-size: 14px;
              padding-top: 8px; outline: 0; }
#navigation::item { padding: 10px 14px; margin: 2px 6px; border-radius: 6px; }
#navigation::item:selected { background: #c2410c; color: white; }  /* 5.2:1 */
#navigation::item:hover:!selected { background: #334155; }
#brand { color: white; font-size: 17px; font-weight: 600; padding: 14px 12px 6px 16px;
         background: #1e293b; }
#pageTitle { font-size: 18px; font-weight: 600; color: #0f172a; }
#detailTitle { font-size: 20px; font-weight: 600; color: #0f172a; }
#detailSubtitle, #muted { color: #475569; }  /* 7:1 on #f8fafc (WCAG AA: 4.5) */
#sectionTitle { font-weight: 600; color: #334155; margin-top: 8px; }
#emptyTitle { font-size: 16px; color: #475569; }
#searchBox { padding: 6px 8px; border: 1px solid #cbd5e1; border-radius: 6px; background: white;
             min-height: 22px; }
#searchBox:focus { border-color: #ea580c; }  /* 3.6:1: a border needs 3 */
QTableView { background: white; border: 1px solid #e2e8f0; border-radius: 6px;
             alternate-background-color: #f8fafc; selection-background-color: #ffedd5;
             selection-color: #0f172a; }
QHeaderView::section { background: #f1f5f9; border: none; border-bottom: 1px solid #e2e8f0;
                       padding: 6px; font-weight: 600; color: #334155; }
#primaryButton { background: #c2410c; color: white;  /* 5.2:1 (was 2.8) */
                 border: none; border-radius: 6px;
                 padding: 6px 14px; font-weight: 600; }
#primaryButton:hover { background: #9a3412; }
#dangerButton, #formError { color: #b91c1c; }
#dangerButton { color: #7f1d1d; }  /* thin red strokes blur lighter: 10:1 keeps them > 4.5 */
#success { color: #15803d; }
#lockBar { background: #fef3c7; border-bottom: 1px solid #fcd34d; }
QStatusBar { background: #f1f5f9; color: #334155; }
QGroupBox { background: white; border: 1px solid #e2e8f0; border-radius: 8px; margin-top: 18px;
            padding: 10px 8px 8px 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; font-weight: 600;
                   color: #0f172a; }
QListWidget#contactLog { background: white; border: 1px solid #e2e8f0; border-radius: 6px; }
"""
