"""How a wording rule is written, in a shop owner's words, and how text is compared.

    没办法                 the words as written
    没办法/无能为力         any of these words ("/" means 或)
    公司/平台…规定          the first, then within the same clause the second ("…": a few
                           characters may come between)

An exception is written the same way; a match that overlaps an exception is harmless
(保证 in 保证金; 改不了 in 如果…改不了). Text and rules are compared after folding Traditional
characters to Simplified one to one (positions stay valid) and Latin letters to lower case.
"""
from __future__ import annotations

import re

from db.vocabulary import QT_TRANSLATE_NOOP

MAX_GAP = 10  # characters "…" may skip; a gap never crosses a clause (，。！？；)
GAP = r"[^，,。！？!?；;\n]{0,%d}?" % MAX_GAP
_ELLIPSIS = re.compile(r"…+|\.{2,}|⋯+|。{3,}")
_ALTERNATIVE = re.compile(r"[/／|｜]")
_EXCEPTION_SPLIT = re.compile(r"[、，,;；\n]")

# Traditional characters mapped one-to-one to Simplified (covers the words of the rules).
_PAIRS = (
    "这這 们們 规規 证證 绝絕 对對 会會 处處 钱錢 货貨 给給 说說 话話 吗嗎 认認 识識 职職 责責 没沒 办辦 应應 该該 题題 问問 "
    "过過 为為 个個 时時 间間 请請 谢謝 欢歡 涨漲 价價 让讓 来來 别別 里裡 里裏 后後 错錯 误誤 确確 实實 担擔 联聯 系繫 还還 "
    "么麼 见見 议議 门門 关關 负負 归歸 厂廠 台臺 务務 线線 统統 设設 计計 仓倉 库庫 发發 现現 帮幫 选選 择擇 检檢 烦煩 懒懶 "
    "干幹 随隨 样樣 诉訴 试試 换換 补補 偿償 赠贈 邮郵 运運 费費 质質 准準 远遠 坏壞 满滿 几幾 头頭 领領 导導 结結 从從 鸡雞 "
    "显顯 签簽 讲講 难難 东東 据據 输輸 单單 订訂 详詳 页頁 写寫 读讀 听聽 边邊 劝勸 赔賠 将將 马馬 尽盡 优優 级級 产產 买買 "
    "卖賣 钟鐘 够夠 虽雖 无無 种種 啰囉 开開 亲親 户戶 顾顧 谁誰 态態 济濟 两兩 么麽 惯慣 总總 凭憑 着著 于於 决決 并並 达達 "
    "严嚴 岁歲 脑腦 记記 录錄 审審 图圖 块塊 团團 点點 当當 体體 验驗 劲勁 尔爾 惊驚 颜顏 万萬 乱亂 与與 紧緊 张張 闹鬧 复復 "
    "复複 压壓 损損 额額 扣釦 伤傷 赖賴 废廢 闲閒 缘緣 气氣 辈輩 标標 "
)
_TRADITIONAL = {ord(p[1]): ord(p[0]) for p in _PAIRS.split()}
_HAS_TRADITIONAL = re.compile("[" + "".join(chr(c) for c in _TRADITIONAL) + "]")


def normalise(text: str) -> str:
    """Traditional folded to Simplified; case is left alone (the expressions ignore it), so that
    every position in the result is the same position in text."""
    return text.translate(_TRADITIONAL) if _HAS_TRADITIONAL.search(text) else text


def parse(pattern: str) -> list[list[str]]:
    """The parts of a pattern, each a list of alternative words (normalised); [] when empty."""
    parts = []
    for part in _ELLIPSIS.split(normalise(pattern.strip()).lower()):
        words = [w.strip() for w in _ALTERNATIVE.split(part) if w.strip()]
        if words:
            parts.append(words)
    return parts


def problem(pattern: str) -> str:
    """What is wrong with a pattern, in the owner's words (Chinese, marked in context
    "PhraseError"); "" when it is fine."""
    text = pattern.strip()
    if not text or not parse(text):
        return QT_TRANSLATE_NOOP("PhraseError", "请填写要检查的词")
    pieces = _ELLIPSIS.split(normalise(text))
    if any(not p.strip() for p in pieces):
        return QT_TRANSLATE_NOOP("PhraseError", "“…”前后都要有词")
    for piece in pieces:
        if any(not w.strip() for w in _ALTERNATIVE.split(piece)):
            return QT_TRANSLATE_NOOP("PhraseError", "“/”前后都要有词")
    return ""


def exception_patterns(exceptions: str) -> list[list[list[str]]]:
    """Exceptions are patterns too, separated by "、" or a new line: "保证金/质量保证、如果…不了"."""
    return [parts for parts in map(parse, _EXCEPTION_SPLIT.split(exceptions)) if parts]


def expression(parts: list[list[str]]) -> str:
    """The regular expression of parsed parts (to be compiled with IGNORECASE)."""
    return GAP.join(_alternation(words) for words in parts)


def _alternation(words: list[str]) -> str:
    # Longest first: where two alternatives start alike, the fuller one is reported.
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
