<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>AdvanceDialog</name>
    <message>
      <source>推进阶段</source>
      <translation>Advance stage</translation>
    </message>
    <message>
      <source>这一步做了什么，例如：已向买家复述问题并得到确认</source>
      <translation>What was done in this step, e.g. restated the problem and the buyer confirmed</translation>
    </message>
    <message>
      <source>跳过阶段时必填</source>
      <translation>Required when skipping a stage</translation>
    </message>
    <message>
      <source>当前阶段</source>
      <translation>Current stage</translation>
    </message>
    <message>
      <source>推进到</source>
      <translation>Advance to</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>跳过原因</source>
      <translation>Reason for skipping</translation>
    </message>
  </context>
  <context>
    <name>AuditDialog</name>
    <message>
      <source>操作日志</source>
      <translation>Activity log</translation>
    </message>
    <message>
      <source>全部客服</source>
      <translation>All staff</translation>
    </message>
    <message>
      <source>全部操作</source>
      <translation>All actions</translation>
    </message>
    <message>
      <source>内容包含…</source>
      <translation>Detail contains…</translation>
    </message>
    <message>
      <source>从</source>
      <translation>From</translation>
    </message>
    <message>
      <source>到</source>
      <translation>to</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>客服</source>
      <translation>Staff</translation>
    </message>
    <message>
      <source>操作</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Text</translation>
    </message>
    <message>
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>导出为 Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <source>新建</source>
      <translation>Create</translation>
    </message>
    <message>
      <source>修改</source>
      <translation>Update</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>恢复</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>店主密码</source>
      <translation>Owner password</translation>
    </message>
    <message>
      <source>拒绝</source>
      <translation>Refused</translation>
    </message>
    <message>
      <source>复制到服务器</source>
      <translation>Copy to server</translation>
    </message>
    <message>
      <source>导出操作日志</source>
      <translation>Export activity log</translation>
    </message>
    <message>
      <source>操作日志.xlsx</source>
      <translation>activity-log.xlsx</translation>
    </message>
    <message>
      <source>导出失败</source>
      <translation>Export failed</translation>
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>备份与恢复</source>
      <translation>Backup and restore</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>立即备份</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <source>恢复所选备份…</source>
      <translation>Restore selected backup…</translation>
    </message>
    <message>
      <source>打开备份文件夹</source>
      <translation>Open backup folder</translation>
    </message>
    <message>
      <source>从文件恢复…</source>
      <translation>Restore from file…</translation>
    </message>
    <message>
      <source>选择…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>不使用</source>
      <translation>None</translation>
    </message>
    <message>
      <source>保留最近</source>
      <translation>Keep the newest</translation>
    </message>
    <message>
      <source>另外每周保留一份，共</source>
      <translation>Plus one per week, for weeks:</translation>
    </message>
    <message>
      <source>第二个备份文件夹</source>
      <translation>Second backup folder</translation>
    </message>
    <message>
      <source>每次启动、每次导入前、以及每天都会自动备份。建议把第二个备份文件夹设在 U 盘或同步盘上，电脑坏了也不会丢数据。</source>
      <translation>A backup is made automatically at every start, before every import and every day. Put the second backup folder on a USB stick or a synced folder, so that a broken computer loses nothing.</translation>
    </message>
    <message>
      <source>（未设置）</source>
      <translation>(not set)</translation>
    </message>
    <message>
      <source>备份</source>
      <translation>Backup</translation>
    </message>
    <message>
      <source>备份失败</source>
      <translation>Backup failed</translation>
    </message>
    <message>
      <source>已备份：%1</source>
      <translation>Backed up: %1</translation>
    </message>
    <message>
      <source>（此备份来自旧版本，没有可核对的日志）</source>
      <translation>(this backup comes from an older version and has no log to check)</translation>
    </message>
    <message>
      <source>（此备份已加密，这台电脑没有它的密钥：恢复时会先要求店主密码，之后再核对）</source>
      <translation>(this backup is encrypted and this computer does not have its key: restoring asks for the owner password first, then checks it)</translation>
    </message>
    <message>
      <source>（此备份现在无法打开核对，恢复时会再检查）</source>
      <translation>(this backup cannot be opened for checking now; restoring checks it again)</translation>
    </message>
    <message>
      <source>恢复备份</source>
      <translation>Restore a backup</translation>
    </message>
    <message>
      <source>把数据恢复到 %1 的状态？

之后的修改会被替换。恢复前会先自动备份当前数据，万一选错还可以再恢复回来。恢复后客服台会重新启动。</source>
      <translation>Restore the data as it was at %1?

Later changes will be replaced. The current data is backed up first, so you can go back if you chose the wrong one. Kefu Desk restarts afterwards.</translation>
    </message>
    <message>
      <source>该备份的日志：%1</source>
      <translation>This backup's log: %1</translation>
    </message>
    <message>
      <source>恢复失败</source>
      <translation>Restore failed</translation>
    </message>
    <message>
      <source>选择备份文件</source>
      <translation>Choose a backup file</translation>
    </message>
    <message>
      <source>客服台备份 (*.sqlite3)</source>
      <translation>Kefu Desk backups (*.sqlite3)</translation>
    </message>
    <message>
      <source>把数据恢复为 %1 的内容？

现在的数据会被替换。恢复前会先自动备份当前数据。恢复后客服台会重新启动。</source>
      <translation>Restore the data from %1?

The current data will be replaced. It is backed up automatically first. Kefu Desk restarts afterwards.</translation>
    </message>
    <message>
      <source>选择第二个备份文件夹</source>
      <translation>Choose the second backup folder</translation>
    </message>
  </context>
  <context>
    <name>BodyEdit</name>
    <message>
      <source>{输入:…} 复制时询问</source>
      <translation>{输入:…} ask when copying</translation>
    </message>
    <message>
      <source>改为“%1”</source>
      <translation>Change to “%1”</translation>
    </message>
    <message>
      <source>复制时询问</source>
      <translation>asked when copying</translation>
    </message>
    <message>
      <source>要询问的内容（如 快递单号）：</source>
      <translation>What to ask for (e.g. tracking number):</translation>
    </message>
  </context>
  <context>
    <name>BuyerWords</name>
    <message>
      <source>平台账号</source>
      <translation>platform account</translation>
    </message>
    <message>
      <source>手机</source>
      <translation>phone</translation>
    </message>
    <message>
      <source>姓名和地址</source>
      <translation>name and address</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>address</translation>
    </message>
    <message>
      <source>客户</source>
      <translation>customer</translation>
    </message>
  </context>
  <context>
    <name>CaseDetailPane</name>
    <message>
      <source>推进到下一步</source>
      <translation>Advance to next step</translation>
    </message>
    <message>
      <source>结案…</source>
      <translation>Close…</translation>
    </message>
    <message>
      <source>重新打开…</source>
      <translation>Reopen…</translation>
    </message>
    <message>
      <source>完成回访…</source>
      <translation>Return visit done…</translation>
    </message>
    <message>
      <source>补救方案…</source>
      <translation>Remedy…</translation>
    </message>
    <message>
      <source>约定跟进…</source>
      <translation>Promise follow-up…</translation>
    </message>
    <message>
      <source>更多</source>
      <translation>More</translation>
    </message>
    <message>
      <source>添加备注…</source>
      <translation>Add note…</translation>
    </message>
    <message>
      <source>致歉信…</source>
      <translation>Apology letter…</translation>
    </message>
    <message>
      <source>编辑工单…</source>
      <translation>Edit case…</translation>
    </message>
    <message>
      <source>补救方式</source>
      <translation>Remedies</translation>
    </message>
    <message>
      <source>金额</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>本阶段快捷短语（单击复制）</source>
      <translation>Quick replies for this stage (click to copy)</translation>
    </message>
    <message>
      <source>补救方案（双击修改状态）</source>
      <translation>Remedies (double-click to change status)</translation>
    </message>
    <message>
      <source>约定跟进（双击标记已跟进）</source>
      <translation>Promised follow-ups (double-click when done)</translation>
    </message>
    <message>
      <source>时间线</source>
      <translation>Timeline</translation>
    </message>
    <message>
      <source>选择一张工单查看详情</source>
      <translation>Select a case to see its details</translation>
    </message>
    <message>
      <source>或按 %1 新建工单</source>
      <translation>or press %1 for a new case</translation>
    </message>
    <message>
      <source>工单 #%1 · %2</source>
      <translation>Case #%1 · %2</translation>
    </message>
    <message>
      <source>查看客户档案</source>
      <translation>Open customer</translation>
    </message>
    <message>
      <source>订单 %1</source>
      <translation>Order %1</translation>
    </message>
    <message>
      <source>已结案 · 满意度 %1 分</source>
      <translation>Closed · satisfaction %1/5</translation>
    </message>
    <message>
      <source> · %1 回访</source>
      <translation> · return visit %1</translation>
    </message>
    <message>
      <source>下一步：%1，时限 %2</source>
      <translation>Next: %1, due %2</translation>
    </message>
    <message>
      <source>（已超时）</source>
      <translation> (overdue)</translation>
    </message>
    <message>
      <source>（今天到期）</source>
      <translation> (due today)</translation>
    </message>
    <message>
      <source>“%1”要做到：</source>
      <translation>In “%1”:</translation>
    </message>
    <message>
      <source>推进到“%1”</source>
      <translation>Advance to “%1”</translation>
    </message>
    <message>
      <source>✓ %1  %2（已跟进）</source>
      <translation>✓ %1  %2 (done)</translation>
    </message>
  </context>
  <context>
    <name>CaseError</name>
    <message>
      <source>“%1”太长（最多 %2 个字）</source>
      <translation>“%1” is too long (at most %2 characters)</translation>
    </message>
    <message>
      <source>请选择或新建一位客户</source>
      <translation>Choose a customer or add a new one</translation>
    </message>
    <message>
      <source>请填写问题描述（买家的原话）或选择问题分类</source>
      <translation>Describe the problem (the buyer's own words) or choose a problem category</translation>
    </message>
    <message>
      <source>未知的买家情绪 %1</source>
      <translation>Unknown buyer mood %1</translation>
    </message>
    <message>
      <source>未知的投诉类型 %1</source>
      <translation>Unknown complaint type %1</translation>
    </message>
    <message>
      <source>未知的严重程度 %1</source>
      <translation>Unknown severity %1</translation>
    </message>
    <message>
      <source>负责客服不存在</source>
      <translation>The assigned agent does not exist</translation>
    </message>
    <message>
      <source>请填写备注内容</source>
      <translation>Write the note</translation>
    </message>
    <message>
      <source>备注太长（最多 %1 个字）</source>
      <translation>The note is too long (at most %1 characters)</translation>
    </message>
    <message>
      <source>未知的补救方式 %1</source>
      <translation>Unknown remedy %1</translation>
    </message>
    <message>
      <source>未知的方案状态 %1</source>
      <translation>Unknown remedy status %1</translation>
    </message>
    <message>
      <source>金额不能为负数</source>
      <translation>The amount cannot be negative</translation>
    </message>
    <message>
      <source>请填写答应买家的事（例如：明天上午补发）</source>
      <translation>Write what was promised to the buyer (e.g. resend tomorrow morning)</translation>
    </message>
    <message>
      <source>约定的跟进时间已经过去，请选择以后的时间</source>
      <translation>The follow-up time has already passed; choose a later time</translation>
    </message>
    <message>
      <source>工单已结案，请先重新打开再约定跟进时间</source>
      <translation>The case is closed; reopen it before agreeing a follow-up time</translation>
    </message>
    <message>
      <source>这条跟进已经完成</source>
      <translation>This follow-up is already done</translation>
    </message>
    <message>
      <source>这张工单没有待做的回访</source>
      <translation>This case has no return visit to do</translation>
    </message>
    <message>
      <source>没有分类“%1”</source>
      <translation>There is no category “%1”</translation>
    </message>
    <message>
      <source>分类名称不能为空</source>
      <translation>The category name cannot be empty</translation>
    </message>
    <message>
      <source>分类名称太长（最多 %1 个字）</source>
      <translation>The category name is too long (at most %1 characters)</translation>
    </message>
    <message>
      <source>分类“%1”重复了</source>
      <translation>The category “%1” appears twice</translation>
    </message>
    <message>
      <source>“%1（%2）”应在 %3–%4 之间</source>
      <translation>“%1 (%2)” must be between %3 and %4</translation>
    </message>
    <message>
      <source>回访天数应在 0–365 之间</source>
      <translation>Return visit days must be between 0 and 365</translation>
    </message>
    <message>
      <source>金额：“%1” 不是金额（例如 12.50）</source>
      <translation>Amount: “%1” is not an amount (e.g. 12.50)</translation>
    </message>
    <message>
      <source>金额 “%1” 超出范围</source>
      <translation>The amount “%1” is out of range</translation>
    </message>
  </context>
  <context>
    <name>CaseFormDialog</name>
    <message>
      <source>编辑工单</source>
      <translation>Edit case</translation>
    </message>
    <message>
      <source>新建售后工单</source>
      <translation>New after-sales case</translation>
    </message>
    <message>
      <source>粘贴订单号或快递单号，自动带出买家和商品</source>
      <translation>Paste an order or tracking number to fill in the buyer and product</translation>
    </message>
    <message>
      <source>（请选择）</source>
      <translation>(choose)</translation>
    </message>
    <message>
      <source>尽量用买家的原话记录问题</source>
      <translation>Write the problem in the buyer's own words</translation>
    </message>
    <message>
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>订单号</source>
      <translation>Order no.</translation>
    </message>
    <message>
      <source>商品</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>渠道</source>
      <translation>Channel</translation>
    </message>
    <message>
      <source>问题分类</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>问题描述 *</source>
      <translation>Problem *</translation>
    </message>
    <message>
      <source>买家情绪</source>
      <translation>Buyer's mood</translation>
    </message>
    <message>
      <source>投诉类型</source>
      <translation>Complaint profile</translation>
    </message>
    <message>
      <source>严重程度</source>
      <translation>Severity</translation>
    </message>
    <message>
      <source>负责客服</source>
      <translation>Staff in charge</translation>
    </message>
    <message>
      <source>没有找到订单“%1”：可以照常填写</source>
      <translation>No order “%1” on file: fill in the case as usual</translation>
    </message>
    <message>
      <source>买家</source>
      <translation>Buyer</translation>
    </message>
    <message>
      <source>这笔订单的买家是“%1”</source>
      <translation>this order's buyer is “%1”</translation>
    </message>
    <message>
      <source>订单共 %1 种商品，已填第一种</source>
      <translation>the order has %1 different products; the first one was filled in</translation>
    </message>
    <message>
      <source>找到订单：%1</source>
      <translation>Order found: %1</translation>
    </message>
    <message>
      <source>已填入%1</source>
      <translation>Filled in: %1</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>客户</source>
      <translation>Customer</translation>
    </message>
    <message>
      <source>问题描述</source>
      <translation>Description</translation>
    </message>
  </context>
  <context>
    <name>CaseOrderView</name>
    <message>
      <source>订单</source>
      <translation>Order</translation>
    </message>
    <message>
      <source>订单 %1</source>
      <translation>Order %1</translation>
    </message>
    <message>
      <source>商品</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>物流</source>
      <translation>Shipping</translation>
    </message>
    <message>
      <source>收货</source>
      <translation>Receiver</translation>
    </message>
    <message>
      <source>买家留言</source>
      <translation>Buyer's message</translation>
    </message>
    <message>
      <source>%1：%2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>订单 %1 不在已导入的订单中</source>
      <translation>Order %1 is not among the imported orders</translation>
    </message>
    <message>
      <source>未填订单号</source>
      <translation>No order number</translation>
    </message>
    <message>
      <source>该客户的其他订单（%1）</source>
      <translation>This customer's other orders (%1)</translation>
    </message>
  </context>
  <context>
    <name>CaseTableModel</name>
    <message>
      <source>时限</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>买家</source>
      <translation>Buyer</translation>
    </message>
    <message>
      <source>阶段</source>
      <translation>Stage</translation>
    </message>
    <message>
      <source>问题分类</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>商品</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>订单号</source>
      <translation>Order no.</translation>
    </message>
    <message>
      <source>负责客服</source>
      <translation>Staff in charge</translation>
    </message>
    <message>
      <source>创建时间</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>已结案</source>
      <translation>Closed</translation>
    </message>
  </context>
  <context>
    <name>CaseWorkflow</name>
    <message>
      <source>”、“</source>
      <translation>”, “</translation>
    </message>
    <message>
      <source>跳过原因</source>
      <translation>Reason for skipping</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>工单已结案，如需继续处理请先“重新打开”并填写原因</source>
      <translation>The case is closed. To work on it again, reopen it first and give a reason</translation>
    </message>
    <message>
      <source>结案请使用“结案”：需要填写买家满意度和改善措施</source>
      <translation>Use “Close case” to close it: it asks for the buyer's satisfaction and an improvement</translation>
    </message>
    <message>
      <source>工单已在“%1”，不能退回到“%2”；阶段只能按顺序向前推进</source>
      <translation>The case is already at “%1” and cannot go back to “%2”; stages only move forward, in order</translation>
    </message>
    <message>
      <source>跳过“%1”需要填写原因</source>
      <translation>Skipping “%1” needs a reason</translation>
    </message>
    <message>
      <source>工单已经结案</source>
      <translation>The case is already closed</translation>
    </message>
    <message>
      <source>直接结案会跳过“%1”，需要填写原因</source>
      <translation>Closing now skips “%1”: please give a reason</translation>
    </message>
    <message>
      <source>工单还在“%1”阶段，没有结案，无需重新打开</source>
      <translation>The case is still at “%1” and not closed: there is nothing to reopen</translation>
    </message>
    <message>
      <source>重新打开时请选择一个处理阶段</source>
      <translation>Choose the stage to reopen the case at</translation>
    </message>
    <message>
      <source>重新打开的原因</source>
      <translation>Reason for reopening</translation>
    </message>
    <message>
      <source>重新打开工单需要填写原因</source>
      <translation>Reopening a case needs a reason</translation>
    </message>
    <message>
      <source>请填写买家满意度（1–5 分）</source>
      <translation>Please give the buyer's satisfaction (1–5)</translation>
    </message>
    <message>
      <source>请填写问题原因或改善措施，让店铺预防再犯</source>
      <translation>Please give the cause or an improvement, so that the shop can prevent it next time</translation>
    </message>
    <message>
      <source>问题原因</source>
      <translation>Cause</translation>
    </message>
    <message>
      <source>改善措施</source>
      <translation>Improvement</translation>
    </message>
    <message>
      <source>“%1”太长（最多 %2 个字）</source>
      <translation>“%1” is too long (at most %2 characters)</translation>
    </message>
    <message>
      <source>未知的工单阶段“%1”</source>
      <translation>Unknown case stage “%1”</translation>
    </message>
  </context>
  <context>
    <name>CasesPage</name>
    <message>
      <source>搜索客户（支持拼音首字母）、订单号、商品</source>
      <translation>Search customer (pinyin initials work), order no., product</translation>
    </message>
    <message>
      <source>未结案</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>全部阶段</source>
      <translation>All stages</translation>
    </message>
    <message>
      <source>已超时</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>今天到期</source>
      <translation>Due today</translation>
    </message>
    <message>
      <source>创建日期</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>新建工单</source>
      <translation>New case</translation>
    </message>
    <message>
      <source>分类与时限</source>
      <translation>Categories and limits</translation>
    </message>
    <message>
      <source>问题分类…</source>
      <translation>Categories…</translation>
    </message>
    <message>
      <source>时限设置…</source>
      <translation>Time limits…</translation>
    </message>
    <message>
      <source>今日待办</source>
      <translation>Today</translation>
    </message>
    <message>
      <source>工单列表</source>
      <translation>Case list</translation>
    </message>
    <message>
      <source>看板</source>
      <translation>Board</translation>
    </message>
    <message>
      <source>推进当前工单</source>
      <translation>Advance current case</translation>
    </message>
    <message>
      <source>全部客服</source>
      <translation>All staff</translation>
    </message>
    <message>
      <source>全部分类</source>
      <translation>All categories</translation>
    </message>
    <message>
      <source>已新建工单 #%1</source>
      <translation>Created case #%1</translation>
    </message>
    <message>
      <source>已保存时限，重新计算了 %1 张未结案工单</source>
      <translation>Time limits saved; open cases recomputed: %1</translation>
    </message>
    <message>
      <source>显示 %1 张 / 未结案 %2 张 / 共 %3 张</source>
      <translation>Cases shown: %1 · open: %2 · in all: %3</translation>
    </message>
    <message>
      <source>已推进阶段</source>
      <translation>Stage advanced</translation>
    </message>
    <message>
      <source>已结案</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>已重新打开</source>
      <translation>Reopened</translation>
    </message>
    <message>
      <source>已添加补救方案</source>
      <translation>Remedy added</translation>
    </message>
    <message>
      <source>已更新补救方案</source>
      <translation>Remedy updated</translation>
    </message>
    <message>
      <source>已约定跟进时间</source>
      <translation>Follow-up time promised</translation>
    </message>
    <message>
      <source>已保存工单</source>
      <translation>Case saved</translation>
    </message>
    <message>
      <source>已添加备注</source>
      <translation>Note added</translation>
    </message>
    <message>
      <source>已标记为已跟进</source>
      <translation>Marked as followed up</translation>
    </message>
    <message>
      <source>已完成回访</source>
      <translation>Return visit done</translation>
    </message>
    <message>
      <source>工单已更新</source>
      <translation>Case updated</translation>
    </message>
    <message>
      <source>添加备注</source>
      <translation>Add note</translation>
    </message>
    <message>
      <source>备注内容：</source>
      <translation>Note:</translation>
    </message>
    <message>
      <source>已跟进</source>
      <translation>Followed up</translation>
    </message>
    <message>
      <source>跟进结果（可不填）：</source>
      <translation>Outcome (optional):</translation>
    </message>
    <message>
      <source>完成回访</source>
      <translation>Return visit</translation>
    </message>
    <message>
      <source>买家的反馈（可不填）：</source>
      <translation>Buyer's feedback (optional):</translation>
    </message>
  </context>
  <context>
    <name>CategoriesDialog</name>
    <message>
      <source>管理短语分类</source>
      <translation>Manage snippet categories</translation>
    </message>
    <message>
      <source>短语分类</source>
      <translation>Snippet categories</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>上移</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>下移</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>%1（%2 条）</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>删除分类</source>
      <translation>Delete category</translation>
    </message>
    <message>
      <source>删除分类“%1”？其中的 %2 条短语会保留，变为未分类。</source>
      <translation>Delete the category “%1”? Its snippets (%2) are kept, uncategorised.</translation>
    </message>
  </context>
  <context>
    <name>CategoryDialog</name>
    <message>
      <source>问题分类</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>删除分类不影响已有工单；改名会同时改掉已有工单上的分类。</source>
      <translation>Removing a category leaves existing cases alone; renaming renames it on existing cases too.</translation>
    </message>
    <message>
      <source>添加…</source>
      <translation>Add…</translation>
    </message>
    <message>
      <source>改名…</source>
      <translation>Rename…</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>上移</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>下移</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>添加分类</source>
      <translation>Add category</translation>
    </message>
    <message>
      <source>分类名称：</source>
      <translation>Category name:</translation>
    </message>
    <message>
      <source>分类改名</source>
      <translation>Rename category</translation>
    </message>
    <message>
      <source>新名称：</source>
      <translation>New name:</translation>
    </message>
    <message>
      <source>正在修改已有工单上的分类…</source>
      <translation>Renaming the category on existing cases…</translation>
    </message>
  </context>
  <context>
    <name>Chart</name>
    <message>
      <source>暂无数据</source>
      <translation>No data yet</translation>
    </message>
  </context>
  <context>
    <name>CheckAllDialog</name>
    <message>
      <source>检查全部短语</source>
      <translation>Check all snippets</translation>
    </message>
    <message>
      <source>短语</source>
      <translation>Snippet</translation>
    </message>
    <message>
      <source>分类</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>发现的禁语</source>
      <translation>Phrases found</translation>
    </message>
    <message>
      <source>建议说法</source>
      <translation>Better wording</translation>
    </message>
    <message>
      <source>双击一行修改该短语。</source>
      <translation>Double-click a row to edit the snippet.</translation>
    </message>
    <message>
      <source>共 %1 条短语含有禁语或慎用词。</source>
      <translation>Snippets with forbidden or risky phrases: %1.</translation>
    </message>
    <message>
      <source>所有短语都没有发现禁语 ✓</source>
      <translation>No forbidden phrases in any snippet ✓</translation>
    </message>
  </context>
  <context>
    <name>CloseDialog</name>
    <message>
      <source>结案</source>
      <translation>Close case</translation>
    </message>
    <message>
      <source>例如：快递途中挤压</source>
      <translation>e.g. crushed in transit</translation>
    </message>
    <message>
      <source>例如：易碎品改用加厚纸箱</source>
      <translation>e.g. thicker boxes for fragile goods</translation>
    </message>
    <message>
      <source> 天后回访（0 = 不回访）</source>
      <translation> days until return visit (0 = none)</translation>
    </message>
    <message>
      <source>买家满意度 *</source>
      <translation>Satisfaction *</translation>
    </message>
    <message>
      <source>问题原因</source>
      <translation>Root cause</translation>
    </message>
    <message>
      <source>改善措施</source>
      <translation>Improvement</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>提前结案会跳过后面的阶段，请写明原因</source>
      <translation>Closing early skips the remaining stages: give the reason</translation>
    </message>
    <message>
      <source>跳过原因 *</source>
      <translation>Reason for skipping *</translation>
    </message>
    <message>
      <source>回访</source>
      <translation>Return visits</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>同时修改</source>
      <translation>Edited at the same time</translation>
    </message>
    <message>
      <source>其他人</source>
      <translation>someone else</translation>
    </message>
    <message>
      <source>你选择的时候，%1 又保存了一次。请再核对一遍下面的字段。</source>
      <translation>While you were choosing, %1 saved again. Please check the fields below once more.</translation>
    </message>
    <message>
      <source>在你编辑期间，%1 也保存了这条记录。只有一方改过的字段已经自动合并（绿色）；两人都改了的字段（黄色）请选择保留哪一边。</source>
      <translation>While you were editing, %1 also saved this record. Fields changed by one side only are merged already (green); for fields you both changed (yellow), choose which side to keep.</translation>
    </message>
    <message>
      <source>在你编辑期间，%1 也保存了这条记录。双方改的是不同的字段，已经自动合并（绿色），请确认后保存。</source>
      <translation>While you were editing, %1 also saved this record. You changed different fields, so both are merged (green): check, then save.</translation>
    </message>
    <message>
      <source>字段</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>你的修改</source>
      <translation>Your change</translation>
    </message>
    <message>
      <source>对方的修改</source>
      <translation>Their change</translation>
    </message>
    <message>
      <source>原来</source>
      <translation>Before</translation>
    </message>
    <message>
      <source>全部用我的</source>
      <translation>All mine</translation>
    </message>
    <message>
      <source>全部用对方的</source>
      <translation>All theirs</translation>
    </message>
    <message>
      <source>保存合并结果</source>
      <translation>Save merged result</translation>
    </message>
    <message>
      <source>取消（回到编辑）</source>
      <translation>Cancel (back to editing)</translation>
    </message>
    <message>
      <source>⚠ 两人都改了，请选择</source>
      <translation>⚠ Both changed it: choose</translation>
    </message>
    <message>
      <source>✓ 只有你改了，已合并</source>
      <translation>✓ Only you changed it: merged</translation>
    </message>
    <message>
      <source>✓ 只有对方改了，已合并</source>
      <translation>✓ Only they changed it: merged</translation>
    </message>
    <message>
      <source>✓ 两边的修改都已保留：%1</source>
      <translation>✓ Both changes kept: %1</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <source>还有 %1 处需要选择</source>
      <translation>%1 still to choose</translation>
    </message>
  </context>
  <context>
    <name>ContactDialog</name>
    <message>
      <source>添加联系记录</source>
      <translation>Log contact</translation>
    </message>
    <message>
      <source>聊了什么、客户是否满意、有无新需求</source>
      <translation>What was said, is the customer satisfied, any new needs</translation>
    </message>
    <message>
      <source>安排下次回访</source>
      <translation>Plan the next visit</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>方式</source>
      <translation>Channel</translation>
    </message>
    <message>
      <source>内容 *</source>
      <translation>Summary *</translation>
    </message>
    <message>
      <source>下次回访</source>
      <translation>Next return visit</translation>
    </message>
  </context>
  <context>
    <name>CustomerCasesSection</name>
    <message>
      <source>售后工单</source>
      <translation>After-sales cases</translation>
    </message>
    <message>
      <source>为该客户新建工单</source>
      <translation>New case for this customer</translation>
    </message>
    <message>
      <source>没有售后工单</source>
      <translation>No after-sales cases</translation>
    </message>
  </context>
  <context>
    <name>CustomerDetailPane</name>
    <message>
      <source>编辑</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>添加联系记录</source>
      <translation>Log contact</translation>
    </message>
    <message>
      <source>更多</source>
      <translation>More</translation>
    </message>
    <message>
      <source>合并重复客户…</source>
      <translation>Merge a duplicate…</translation>
    </message>
    <message>
      <source>删除（移到回收站）</source>
      <translation>Delete (to the trash)</translation>
    </message>
    <message>
      <source>联系记录</source>
      <translation>Contact log</translation>
    </message>
    <message>
      <source>选择一位客户查看详情</source>
      <translation>Select a customer to see the details</translation>
    </message>
    <message>
      <source>或按 %1 新建客户</source>
      <translation>or press %1 to add one</translation>
    </message>
    <message>
      <source>未分类</source>
      <translation>Uncategorised</translation>
    </message>
    <message>
      <source>还没有联系记录</source>
      <translation>No contacts yet</translation>
    </message>
    <message>
      <source>（已到期）</source>
      <translation> (due)</translation>
    </message>
    <message>
      <source>更新于 %1 %2</source>
      <translation>Updated %1 %2</translation>
    </message>
  </context>
  <context>
    <name>CustomerError</name>
    <message>
      <source>客户“%1”已有相同的%2，请从档案中选择</source>
      <translation>Customer “%1” already has the same %2; choose them from the archive</translation>
    </message>
    <message>
      <source>内容过长（最多 %1 个字）</source>
      <translation>Too long (at most %1 characters)</translation>
    </message>
    <message>
      <source>请填写客户称呼</source>
      <translation>Enter the customer's name</translation>
    </message>
    <message>
      <source>“%1” 不是有效的 QQ 号（5–12 位数字）</source>
      <translation>“%1” is not a valid QQ number (5–12 digits)</translation>
    </message>
    <message>
      <source>未知的投诉类型 %1</source>
      <translation>Unknown complaint type %1</translation>
    </message>
    <message>
      <source>不能把客户与自己合并</source>
      <translation>A customer cannot be merged with themselves</translation>
    </message>
    <message>
      <source>请填写联系内容</source>
      <translation>Write what was said</translation>
    </message>
    <message>
      <source>类型名称不能为空</source>
      <translation>The type name cannot be empty</translation>
    </message>
    <message>
      <source>类型“%1”已存在</source>
      <translation>The type “%1” already exists</translation>
    </message>
    <message>
      <source>“%1”是内置类型，可以改名但不能删除</source>
      <translation>“%1” is a built-in type: it can be renamed but not deleted</translation>
    </message>
    <message>
      <source>预览之后客户“%1”已用了相同的%2</source>
      <translation>Since the preview, customer “%1” has taken the same %2</translation>
    </message>
    <message>
      <source>预览之后这位客户被移入了回收站或合并了</source>
      <translation>Since the preview, this customer was moved to the trash or merged</translation>
    </message>
  </context>
  <context>
    <name>CustomerFormDialog</name>
    <message>
      <source>编辑客户</source>
      <translation>Edit customer</translation>
    </message>
    <message>
      <source>新建客户</source>
      <translation>New customer</translation>
    </message>
    <message>
      <source>例如：王女士、小李</source>
      <translation>e.g. Ms Wang, Xiao Li</translation>
    </message>
    <message>
      <source>手机或座机，可带 +86、空格、横线</source>
      <translation>Mobile or landline; +86, spaces and dashes are fine</translation>
    </message>
    <message>
      <source>旺旺名 / 拼多多 / 抖音 ID</source>
      <translation>Wangwang / Pinduoduo / Douyin ID</translation>
    </message>
    <message>
      <source>（未分类）</source>
      <translation>(unclassified)</translation>
    </message>
    <message>
      <source>多个标签用逗号或空格分开</source>
      <translation>Separate tags with commas or spaces</translation>
    </message>
    <message>
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>安排回访</source>
      <translation>Plan a visit</translation>
    </message>
    <message>
      <source>称呼 *</source>
      <translation>Name *</translation>
    </message>
    <message>
      <source>手机</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>微信</source>
      <translation>WeChat</translation>
    </message>
    <message>
      <source>QQ</source>
      <translation>QQ</translation>
    </message>
    <message>
      <source>平台账号</source>
      <translation>Platform account</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>客户类型</source>
      <translation>Customer types</translation>
    </message>
    <message>
      <source>投诉类型</source>
      <translation>Complaint profile</translation>
    </message>
    <message>
      <source>标签</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>负责客服</source>
      <translation>Staff in charge</translation>
    </message>
    <message>
      <source>下次回访</source>
      <translation>Next return visit</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>可能是同一位客户</source>
      <translation>Possibly the same customer</translation>
    </message>
    <message>
      <source>已有客户“%1”使用相同的%2。
要打开这位客户，还是仍然保存为新的记录？</source>
      <translation>Customer “%1” already has the same %2.
Open that customer, or save this as a new record anyway?</translation>
    </message>
    <message>
      <source>打开已有客户</source>
      <translation>Open existing customer</translation>
    </message>
    <message>
      <source>仍然保存</source>
      <translation>Save anyway</translation>
    </message>
  </context>
  <context>
    <name>CustomerOrdersSection</name>
    <message>
      <source>订单</source>
      <translation>Orders</translation>
    </message>
    <message>
      <source>还没有订单（从“文件”菜单导入平台导出的订单）</source>
      <translation>No orders yet (import your platforms' order exports from the File menu)</translation>
    </message>
    <message>
      <source>共 %1 笔订单 · 累计消费 %2 · 首单 %3 · 最近 %4</source>
      <translation>Orders: %1 · %2 spent in total · first %3 · latest %4</translation>
    </message>
  </context>
  <context>
    <name>CustomerPicker</name>
    <message>
      <source>客户</source>
      <translation>Customer</translation>
    </message>
    <message>
      <source>输入称呼、手机、旺旺或拼音首字母</source>
      <translation>Type a name, phone, account or pinyin initials</translation>
    </message>
    <message>
      <source>新客户…</source>
      <translation>New customer…</translation>
    </message>
    <message>
      <source>称呼，例如：王女士</source>
      <translation>Name, e.g. Ms Wang</translation>
    </message>
    <message>
      <source>手机（可不填）</source>
      <translation>Mobile (optional)</translation>
    </message>
    <message>
      <source>旺旺 / 平台账号（可不填）</source>
      <translation>Platform account (optional)</translation>
    </message>
    <message>
      <source>从档案中选择</source>
      <translation>Pick from the archive</translation>
    </message>
    <message>
      <source>称呼 *</source>
      <translation>Name *</translation>
    </message>
    <message>
      <source>手机</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>平台账号</source>
      <translation>Platform account</translation>
    </message>
    <message>
      <source>没有找到“%1”的客户。点“新客户…”直接新建。</source>
      <translation>No customer matches “%1”. Click “New customer…” to add one.</translation>
    </message>
    <message>
      <source>换客户：姓名、手机号、平台账号或拼音首字母</source>
      <translation>Change buyer: name, phone, platform account or pinyin initials</translation>
    </message>
    <message>
      <source>没有找到客户</source>
      <translation>No customer found</translation>
    </message>
  </context>
  <context>
    <name>CustomerTableModel</name>
    <message>
      <source>称呼</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>手机</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>微信</source>
      <translation>WeChat</translation>
    </message>
    <message>
      <source>平台账号</source>
      <translation>Platform account</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>标签</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>负责客服</source>
      <translation>Staff in charge</translation>
    </message>
    <message>
      <source>下次回访</source>
      <translation>Next return visit</translation>
    </message>
    <message>
      <source>更新时间</source>
      <translation>Updated</translation>
    </message>
  </context>
  <context>
    <name>CustomersPage</name>
    <message>
      <source>搜索称呼、手机号、微信、旺旺、标签，支持拼音首字母（如 zs）</source>
      <translation>Search name, phone, WeChat, platform ID, tags; pinyin initials work (e.g. zs)</translation>
    </message>
    <message>
      <source>待回访</source>
      <translation>Visit due</translation>
    </message>
    <message>
      <source>新建客户</source>
      <translation>New customer</translation>
    </message>
    <message>
      <source>回收站</source>
      <translation>Trash</translation>
    </message>
    <message>
      <source>删除客户</source>
      <translation>Delete customer</translation>
    </message>
    <message>
      <source>全部类型</source>
      <translation>All types</translation>
    </message>
    <message>
      <source>全部标签</source>
      <translation>All tags</translation>
    </message>
    <message>
      <source>全部客服</source>
      <translation>All staff</translation>
    </message>
    <message>
      <source>已新建客户“%1”</source>
      <translation>Created customer “%1”</translation>
    </message>
    <message>
      <source>已保存“%1”</source>
      <translation>Saved “%1”</translation>
    </message>
    <message>
      <source>已将 %1 位客户移到回收站（%2 撤销）</source>
      <translation>Moved %1 customer(s) to the trash (%2 to undo)</translation>
    </message>
    <message>
      <source>已恢复 %1 位客户</source>
      <translation>Restored %1 customer(s)</translation>
    </message>
    <message>
      <source>已添加联系记录</source>
      <translation>Contact logged</translation>
    </message>
    <message>
      <source>显示 %1 / 共 %2 位客户</source>
      <translation>Customers shown: %1 of %2</translation>
    </message>
    <message>
      <source>还没有客户</source>
      <translation>No customers yet</translation>
    </message>
    <message>
      <source>点“新建客户”（%1）添加第一位客户，或从“文件”菜单导入现有的 Excel 客户名单，
或导入从淘宝、拼多多、抖店下载的订单表：买家自动建档。</source>
      <translation>Click “New customer” (%1) to add the first one, or import your Excel roster from the File menu,
or the order exports you download from Taobao, Pinduoduo or Douyin Shop: their buyers become customers.</translation>
    </message>
    <message>
      <source>没有找到符合条件的客户</source>
      <translation>No customer matches</translation>
    </message>
    <message>
      <source>试试更短的关键词、拼音首字母，或清除筛选条件。</source>
      <translation>Try a shorter word, pinyin initials, or clear the filters.</translation>
    </message>
  </context>
  <context>
    <name>DailyLog</name>
    <message>
      <source>星期一</source>
      <translation>Monday</translation>
    </message>
    <message>
      <source>星期二</source>
      <translation>Tuesday</translation>
    </message>
    <message>
      <source>星期三</source>
      <translation>Wednesday</translation>
    </message>
    <message>
      <source>星期四</source>
      <translation>Thursday</translation>
    </message>
    <message>
      <source>星期五</source>
      <translation>Friday</translation>
    </message>
    <message>
      <source>星期六</source>
      <translation>Saturday</translation>
    </message>
    <message>
      <source>星期日</source>
      <translation>Sunday</translation>
    </message>
    <message>
      <source>工作日志 · %1 · %2（%3）</source>
      <translation>Daily log · %1 · %2 (%3)</translation>
    </message>
    <message>
      <source>处理工单 %1 张，记录 %2 条；推进 %3 张，结案 %4 张；明天到期的约定 %5 条。</source>
      <translation>Cases handled: %1, entries: %2; cases moved on: %3, closed: %4; promises due tomorrow: %5.</translation>
    </message>
    <message>
      <source>【今天做了什么】</source>
      <translation>[What I did today]</translation>
    </message>
    <message>
      <source>【推进的工单】</source>
      <translation>[Cases moved on]</translation>
    </message>
    <message>
      <source>【明天到期的约定】</source>
      <translation>[Promises due tomorrow]</translation>
    </message>
    <message>
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>：</source>
      <translation>: </translation>
    </message>
  </context>
  <context>
    <name>DailyLogPanel</name>
    <message>
      <source>复制日志</source>
      <translation>Copy log</translation>
    </message>
    <message>
      <source>客服</source>
      <translation>Staff</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>还没有客服</source>
      <translation>No staff yet</translation>
    </message>
    <message>
      <source>工作日志已复制，可以直接粘贴</source>
      <translation>Daily log copied; paste it anywhere</translation>
    </message>
  </context>
  <context>
    <name>EditableList</name>
    <message>
      <source>添加…</source>
      <translation>Add…</translation>
    </message>
    <message>
      <source>改名…</source>
      <translation>Rename…</translation>
    </message>
    <message>
      <source>名称：</source>
      <translation>Name:</translation>
    </message>
    <message>
      <source>新名称：</source>
      <translation>New name:</translation>
    </message>
  </context>
  <context>
    <name>ExcelActions</name>
    <message>
      <source>快捷短语</source>
      <translation>Quick replies</translation>
    </message>
    <message>
      <source>导出全部售后工单</source>
      <translation>Export all after-sales cases</translation>
    </message>
    <message>
      <source>售后工单</source>
      <translation>After-sales cases</translation>
    </message>
    <message>
      <source>快捷短语导入模板</source>
      <translation>Quick reply import template</translation>
    </message>
    <message>
      <source>售后工单导入模板</source>
      <translation>After-sales case import template</translation>
    </message>
    <message>
      <source>导出全部客户</source>
      <translation>Export all customers</translation>
    </message>
    <message>
      <source>客户</source>
      <translation>Customers</translation>
    </message>
    <message>
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>当前列表是空的</source>
      <translation>The current list is empty</translation>
    </message>
    <message>
      <source>导出当前列表（%1 位客户）</source>
      <translation>Export the current list (customers: %1)</translation>
    </message>
    <message>
      <source>客户（当前列表）</source>
      <translation>Customers (current list)</translation>
    </message>
    <message>
      <source>全部数据</source>
      <translation>All data</translation>
    </message>
    <message>
      <source>客户导入模板</source>
      <translation>Customer import template</translation>
    </message>
    <message>
      <source>撤销上次导入</source>
      <translation>Undo last import</translation>
    </message>
    <message>
      <source>没有可以撤销的导入</source>
      <translation>There is no import to undo</translation>
    </message>
    <message>
      <source>确定要撤销吗？当前数据会先另存一份备份。</source>
      <translation>Undo it? The current data is backed up first.</translation>
    </message>
    <message>
      <source>已撤销上次导入</source>
      <translation>Last import undone</translation>
    </message>
    <message>
      <source>导出到</source>
      <translation>Export to</translation>
    </message>
    <message>
      <source>正在导出…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>导出已取消</source>
      <translation>Export cancelled</translation>
    </message>
    <message>
      <source>已导出到 %1</source>
      <translation>Exported to %1</translation>
    </message>
  </context>
  <context>
    <name>ExcelError</name>
    <message>
      <source>导入已取消，数据没有任何改动</source>
      <translation>Import cancelled; nothing was changed</translation>
    </message>
    <message>
      <source>%1；导入已全部撤回，请重新预览后再导入</source>
      <translation>%1; the whole import was rolled back, preview again before importing</translation>
    </message>
    <message>
      <source>第 %1 行的客户“%2”在预览之后被修改或删除了，请重新预览后再导入</source>
      <translation>The customer “%2” on row %1 was changed or deleted after the preview; preview again before importing</translation>
    </message>
    <message>
      <source>第 %1 行</source>
      <translation>row %1</translation>
    </message>
    <message>
      <source>“%1”列</source>
      <translation>column %1</translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
    <message>
      <source>%1：%2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>在前 %1 行找不到表头（应有%2等列名）</source>
      <translation>No header row in the first %1 rows (it needs column names such as %2)</translation>
    </message>
    <message>
      <source>“%1”同时对应了 %2 列和 %3 列，请只保留一列</source>
      <translation>“%1” is matched to both column %2 and column %3; keep only one</translation>
    </message>
    <message>
      <source>表头中没有可识别%1的列（需要其中之一：%2）</source>
      <translation>The header has no column that identifies %1 (it needs one of: %2)</translation>
    </message>
    <message>
      <source>没有可以撤销的导入</source>
      <translation>There is no import to undo</translation>
    </message>
    <message>
      <source>导入前的备份已不存在（%1），无法撤销</source>
      <translation>The backup made before the import no longer exists (%1); it cannot be undone</translation>
    </message>
    <message>
      <source>工作表“%1”第 %2 行还有数据，超过上限 %3 行；请拆分成几个文件再导入</source>
      <translation>Sheet “%1” has data on row %2, beyond the limit of %3 rows; split it into several files and import them one by one</translation>
    </message>
    <message>
      <source>工作表“%1”的数据超过上限 %2 个单元格（到第 %3 行、第 %4 列为止）；请拆分成几个文件再导入</source>
      <translation>Sheet “%1” has more than the limit of %2 cells (up to row %3, column %4); split it into several files and import them one by one</translation>
    </message>
    <message>
      <source>不认识的平台“%1”（可选：%2）</source>
      <translation>Unknown platform “%1” (choose from: %2)</translation>
    </message>
    <message>
      <source>看不出这是哪个平台的订单导出（表头里没有淘宝、拼多多、抖店或微信小店特有的列名）；请用 --platform 指定平台，或在向导中选择</source>
      <translation>Cannot tell which platform this order export is from (the header has none of the column names only Taobao, Pinduoduo, Douyin Shop or WeChat Shop use); give the platform with --platform, or choose it in the wizard</translation>
    </message>
    <message>
      <source>没有名为“%1”的工作表（有：%2）</source>
      <translation>There is no sheet named “%1” (the file has: %2)</translation>
    </message>
    <message>
      <source>工作表“%1”读不出来，文件可能已损坏（%2）</source>
      <translation>Sheet “%1” cannot be read; the file may be damaged (%2)</translation>
    </message>
    <message>
      <source>文件已损坏或不完整，无法读取（%1）</source>
      <translation>The file is damaged or incomplete and cannot be read (%1)</translation>
    </message>
    <message>
      <source>工作表“%1”有 %2 行，超过上限 %3 行；请拆分成几个文件再导入</source>
      <translation>Sheet “%1” has %2 rows, more than the limit of %3 rows; split it into several files and import them one by one</translation>
    </message>
    <message>
      <source>工作表“%1”的数据超过上限 %2 个单元格（%3 行 × %4 列）；请拆分成几个文件再导入</source>
      <translation>Sheet “%1” has more than the limit of %2 cells (%3 rows × %4 columns); split it into several files and import them one by one</translation>
    </message>
    <message>
      <source>文件设置了打开密码，请在 Excel/WPS 中取消密码后另存，再导入</source>
      <translation>The file is protected by a password; remove the password in Excel/WPS, save it again, then import it</translation>
    </message>
    <message>
      <source>不是表格文件（支持 .xlsx、.xls、.csv）</source>
      <translation>This is not a spreadsheet (.xlsx, .xls and .csv are supported)</translation>
    </message>
    <message>
      <source>文件不是有效的 Excel 表格（可能是改了扩展名的其他文件）</source>
      <translation>The file is not a valid Excel workbook (it may be another kind of file with its extension changed)</translation>
    </message>
    <message>
      <source>这是一个压缩包，不是 Excel 表格</source>
      <translation>This is a zip archive, not an Excel workbook</translation>
    </message>
    <message>
      <source>文件不完整或已损坏（可能没有下载/复制完），请重新获取文件</source>
      <translation>The file is incomplete or damaged (perhaps its download or copy did not finish); get the file again</translation>
    </message>
    <message>
      <source>文件解压后有 %1 MB，超过上限 %2 MB（数据过多，或是恶意构造的文件），已拒绝；请拆分成几个文件再导入</source>
      <translation>Unzipped, the file would take %1 MB, more than the limit of %2 MB (too much data, or a file built to cause harm); it was refused. Split it into several files and import them one by one</translation>
    </message>
    <message>
      <source>找不到文件</source>
      <translation>File not found</translation>
    </message>
    <message>
      <source>文件是空的（0 字节）</source>
      <translation>The file is empty (0 bytes)</translation>
    </message>
    <message>
      <source>CSV 文件超过 %1 MB 上限</source>
      <translation>The CSV file is larger than the limit of %1 MB</translation>
    </message>
    <message>
      <source>扩展名是 .csv，内容却不是文本表格；请用正确的扩展名</source>
      <translation>The extension is .csv but the content is not a text table; give the file its right extension</translation>
    </message>
    <message>
      <source>CSV 文件超过上限 %1 行；请拆分成几个文件再导入</source>
      <translation>The CSV file has more than the limit of %1 rows; split it into several files and import them one by one</translation>
    </message>
    <message>
      <source>CSV 文件的数据超过上限 %1 个单元格；请拆分成几个文件再导入</source>
      <translation>The CSV file has more than the limit of %1 cells; split it into several files and import them one by one</translation>
    </message>
    <message>
      <source>单元格有 %1 个字符，超过上限 %2（Excel 一个单元格最多能放的字数）</source>
      <translation>The cell has %1 characters, more than the limit of %2 (the most an Excel cell can hold)</translation>
    </message>
    <message>
      <source>第 %1 行的短语“%2”在预览之后被修改了，请重新预览后再导入</source>
      <translation>The snippet “%2” on row %1 was changed after the preview; preview again before importing</translation>
    </message>
    <message>
      <source>工作表“%1”的数据超过上限 %2 个单元格（到第 %3 行为止）；请拆分成几个文件再导入</source>
      <translation>Sheet “%1” has more than the limit of %2 cells (up to row %3); split it into several files and import them one by one</translation>
    </message>
    <message>
      <source>工作表的结构异常（一行超过 32 MB），无法读取</source>
      <translation>The sheet's structure is abnormal (one row is larger than 32 MB); it cannot be read</translation>
    </message>
  </context>
  <context>
    <name>ExcelWords</name>
    <message>
      <source>客户</source>
      <translation>Customers</translation>
    </message>
    <message>
      <source>快捷短语</source>
      <translation>Quick replies</translation>
    </message>
    <message>
      <source>售后工单</source>
      <translation>After-sales cases</translation>
    </message>
    <message>
      <source>订单</source>
      <translation>Orders</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>ID</translation>
    </message>
    <message>
      <source>称呼</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>手机</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>微信</source>
      <translation>WeChat</translation>
    </message>
    <message>
      <source>QQ</source>
      <translation>QQ</translation>
    </message>
    <message>
      <source>平台</source>
      <translation>Platform</translation>
    </message>
    <message>
      <source>平台账号</source>
      <translation>Platform account</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>投诉类型</source>
      <translation>Complaint profile</translation>
    </message>
    <message>
      <source>负责客服</source>
      <translation>Staff in charge</translation>
    </message>
    <message>
      <source>标签</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>下次回访</source>
      <translation>Next return visit</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>最后修改</source>
      <translation>Last changed</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>短语码</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>分类</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Text</translation>
    </message>
    <message>
      <source>客户编号</source>
      <translation>Customer ID</translation>
    </message>
    <message>
      <source>订单号</source>
      <translation>Order no.</translation>
    </message>
    <message>
      <source>商品</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>渠道</source>
      <translation>Channel</translation>
    </message>
    <message>
      <source>问题分类</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>问题描述</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>买家情绪</source>
      <translation>Buyer's mood</translation>
    </message>
    <message>
      <source>严重程度</source>
      <translation>Severity</translation>
    </message>
    <message>
      <source>阶段</source>
      <translation>Stage</translation>
    </message>
    <message>
      <source>满意度</source>
      <translation>Satisfaction</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>改善措施</source>
      <translation>Improvement</translation>
    </message>
    <message>
      <source>创建时间</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>子订单编号</source>
      <translation>Sub-order no.</translation>
    </message>
    <message>
      <source>买家账号</source>
      <translation>Buyer account</translation>
    </message>
    <message>
      <source>订单状态</source>
      <translation>Order status</translation>
    </message>
    <message>
      <source>下单时间</source>
      <translation>Ordered at</translation>
    </message>
    <message>
      <source>付款时间</source>
      <translation>Paid at</translation>
    </message>
    <message>
      <source>发货时间</source>
      <translation>Shipped at</translation>
    </message>
    <message>
      <source>收货时间</source>
      <translation>Received at</translation>
    </message>
    <message>
      <source>实付金额</source>
      <translation>Amount paid</translation>
    </message>
    <message>
      <source>商品实付金额</source>
      <translation>Line amount paid</translation>
    </message>
    <message>
      <source>单价</source>
      <translation>Unit price</translation>
    </message>
    <message>
      <source>数量</source>
      <translation>Quantity</translation>
    </message>
    <message>
      <source>规格</source>
      <translation>Variant (SKU)</translation>
    </message>
    <message>
      <source>收货人</source>
      <translation>Receiver</translation>
    </message>
    <message>
      <source>收货人手机</source>
      <translation>Receiver's phone</translation>
    </message>
    <message>
      <source>收货地址</source>
      <translation>Delivery address</translation>
    </message>
    <message>
      <source>省</source>
      <translation>Province</translation>
    </message>
    <message>
      <source>市</source>
      <translation>City</translation>
    </message>
    <message>
      <source>区</source>
      <translation>District</translation>
    </message>
    <message>
      <source>街道</source>
      <translation>Street</translation>
    </message>
    <message>
      <source>详细地址</source>
      <translation>Address details</translation>
    </message>
    <message>
      <source>快递公司</source>
      <translation>Courier</translation>
    </message>
    <message>
      <source>快递单号</source>
      <translation>Tracking no.</translation>
    </message>
    <message>
      <source>快递信息</source>
      <translation>Courier and tracking</translation>
    </message>
    <message>
      <source>买家留言</source>
      <translation>Buyer's message</translation>
    </message>
    <message>
      <source>商家备注</source>
      <translation>Seller's note</translation>
    </message>
    <message>
      <source>其他编号</source>
      <translation>Other IDs</translation>
    </message>
    <message>
      <source>姓名和地址</source>
      <translation>name and address</translation>
    </message>
    <message>
      <source>其他信息</source>
      <translation>other details</translation>
    </message>
    <message>
      <source>客户信息</source>
      <translation>customer details</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(empty)</translation>
    </message>
  </context>
  <context>
    <name>FieldError</name>
    <message>
      <source>回头客标签不能为空</source>
      <translation>The repeat-buyer tag cannot be empty</translation>
    </message>
    <message>
      <source>回头客的订单数须在 2 到 999 之间</source>
      <translation>A repeat buyer's number of orders must be between 2 and 999</translation>
    </message>
  </context>
  <context>
    <name>FileErrors</name>
    <message>
      <source>文件正被其他程序打开（如 Excel、WPS 或 PDF 阅读器），请关闭它后重试</source>
      <translation>the file is open in another program (such as Excel, WPS or a PDF reader); close it and try again</translation>
    </message>
    <message>
      <source>这个位置是只读的，请换一个位置保存</source>
      <translation>this location is read-only; please save somewhere else</translation>
    </message>
    <message>
      <source>文件可能正被其他程序打开（如 Excel、WPS 或 PDF 阅读器），或这个位置没有写入权限；请关闭该文件或换一个位置后重试</source>
      <translation>the file may be open in another program (such as Excel, WPS or a PDF reader), or this location cannot be written to; close the file or choose another location and try again</translation>
    </message>
    <message>
      <source>磁盘空间已满，请清理磁盘空间或换一个位置保存</source>
      <translation>the disk is full; free some space or save somewhere else</translation>
    </message>
    <message>
      <source>路径太长，请换一个路径较短的位置或更短的文件名</source>
      <translation>the path is too long; choose a location with a shorter path or a shorter file name</translation>
    </message>
    <message>
      <source>保存的文件夹不存在，请重新选择位置</source>
      <translation>the folder does not exist; please choose the location again</translation>
    </message>
    <message>
      <source>无法保存 %1：%2。原有文件没有改动。</source>
      <translation>Could not save %1: %2. The existing file was not changed.</translation>
    </message>
    <message>
      <source>没有写出任何内容（%1），可能没有写入权限</source>
      <translation>nothing was written (%1); the folder may not accept new files</translation>
    </message>
  </context>
  <context>
    <name>FillDialog</name>
    <message>
      <source>补充短语内容</source>
      <translation>Complete the snippet</translation>
    </message>
    <message>
      <source>这条短语还缺少下面的内容，填好后再复制：</source>
      <translation>This snippet still needs the following; fill them in to copy:</translation>
    </message>
    <message>
      <source>复制</source>
      <translation>Copy</translation>
    </message>
    <message>
      <source>%1（未自动填入）</source>
      <translation>%1 (not filled automatically)</translation>
    </message>
    <message>
      <source>{%1}（未知占位符）</source>
      <translation>{%1} (unknown placeholder)</translation>
    </message>
  </context>
  <context>
    <name>GlobalKeys</name>
    <message>
      <source>Wayland 桌面不允许程序使用全局快捷键或向其他程序发送按键：只能复制</source>
      <translation>A Wayland desktop lets no program use system-wide shortcuts or send keys to other programs: copying only</translation>
    </message>
    <message>
      <source>无法使用全局快捷键：%1</source>
      <translation>System-wide shortcuts are not available: %1</translation>
    </message>
    <message>
      <source>此显示环境不支持全局快捷键：只能复制</source>
      <translation>This display does not support system-wide shortcuts: copying only</translation>
    </message>
    <message>
      <source>找不到系统库 %1</source>
      <translation>System library %1 not found</translation>
    </message>
    <message>
      <source>macOS 拒绝了快捷键（错误 %1）</source>
      <translation>macOS refused the shortcut (error %1)</translation>
    </message>
    <message>
      <source>Mac 键盘上不能用这个键：%1</source>
      <translation>This key cannot be used on a Mac keyboard: %1</translation>
    </message>
    <message>
      <source>%1 已被其他程序占用，请换一个组合</source>
      <translation>%1 is taken by another program; choose another combination</translation>
    </message>
    <message>
      <source>macOS 需要“辅助功能”权限才能替你按 ⌘V：在“系统设置 → 隐私与安全性 → 辅助功能”里允许客服台；在此之前回车只复制。</source>
      <translation>macOS needs the Accessibility permission before Kefu Desk can press ⌘V for you: allow Kefu Desk in System Settings → Privacy &amp; Security → Accessibility; until then Enter only copies.</translation>
    </message>
    <message>
      <source>Windows 拒绝了快捷键 %1</source>
      <translation>Windows refused the shortcut %1</translation>
    </message>
    <message>
      <source>无法连接 X 显示服务器</source>
      <translation>Cannot connect to the X display server</translation>
    </message>
    <message>
      <source>键盘上没有这个键：%1</source>
      <translation>The keyboard has no such key: %1</translation>
    </message>
  </context>
  <context>
    <name>HitList</name>
    <message>
      <source>：%1</source>
      <translation>: %1</translation>
    </message>
    <message>
      <source>；建议：%1</source>
      <translation>; better: %1</translation>
    </message>
    <message>
      <source>未发现禁语 ✓</source>
      <translation>No forbidden phrases ✓</translation>
    </message>
    <message>
      <source>……还有 %1 处</source>
      <translation>…and %1 more</translation>
    </message>
  </context>
  <context>
    <name>ImportHistory</name>
    <message>
      <source>%1 位客户</source>
      <translation>customers: %1</translation>
    </message>
    <message>
      <source>%1 条联系记录</source>
      <translation>contact records: %1</translation>
    </message>
    <message>
      <source>%1 个客户类型</source>
      <translation>customer types: %1</translation>
    </message>
    <message>
      <source>%1 个标签</source>
      <translation>tags: %1</translation>
    </message>
    <message>
      <source>%1 个客户标签</source>
      <translation>customer tags: %1</translation>
    </message>
    <message>
      <source>%1 位客服</source>
      <translation>staff members: %1</translation>
    </message>
    <message>
      <source>%1 条快捷短语</source>
      <translation>quick replies: %1</translation>
    </message>
    <message>
      <source>%1 个短语分类</source>
      <translation>reply categories: %1</translation>
    </message>
    <message>
      <source>%1 条禁用语</source>
      <translation>forbidden phrases: %1</translation>
    </message>
    <message>
      <source>%1 个售后工单</source>
      <translation>after-sales cases: %1</translation>
    </message>
    <message>
      <source>%1 条补救方案</source>
      <translation>remedies: %1</translation>
    </message>
    <message>
      <source>%1 条工单承诺</source>
      <translation>promised follow-ups: %1</translation>
    </message>
    <message>
      <source>%1 条工单时间线记录</source>
      <translation>case timeline entries: %1</translation>
    </message>
    <message>
      <source>%1 个密码设置</source>
      <translation>password settings: %1</translation>
    </message>
    <message>
      <source>%1 个订单</source>
      <translation>orders: %1</translation>
    </message>
    <message>
      <source>%1 条订单商品</source>
      <translation>order items: %1</translation>
    </message>
    <message>
      <source>%1 条其他记录</source>
      <translation>other records: %1</translation>
    </message>
    <message>
      <source>将撤销 %1 从“%2”导入的%3（新增 %4，更新 %5），恢复到导入之前。</source>
      <translation>This undoes the import of %3 from “%2” at %1 (%4 new, %5 updated) and restores the data as it was before it.</translation>
    </message>
    <message>
      <source>导入之后没有其他修改。</source>
      <translation>Nothing else has changed since the import.</translation>
    </message>
    <message>
      <source>导入之后的这些修改也会丢失：%1。</source>
      <translation>These changes made since the import will be lost too: %1.</translation>
    </message>
  </context>
  <context>
    <name>ImportNotes</name>
    <message>
      <source>将新建客户类型“%1”</source>
      <translation>Customer type "%1" will be created</translation>
    </message>
    <message>
      <source>客户类型“%1”不存在，未设置</source>
      <translation>Customer type "%1" does not exist: not set</translation>
    </message>
    <message>
      <source>将新建客服“%1”</source>
      <translation>Staff member "%1" will be created</translation>
    </message>
    <message>
      <source>缺少称呼（新客户必须有称呼）</source>
      <translation>Name missing (a new customer needs a name)</translation>
    </message>
    <message>
      <source>QQ：“%1” 不是有效的 QQ 号（5–12 位数字）</source>
      <translation>QQ: “%1” is not a valid QQ number (5–12 digits)</translation>
    </message>
    <message>
      <source>投诉类型：“%1” 不是可选值（%2）</source>
      <translation>Complaint type: “%1” is not one of the choices (%2)</translation>
    </message>
    <message>
      <source>编号 #%1 不是本数据中的这张工单（来自其他数据文件夹，或已永久删除），按新工单导入</source>
      <translation>ID #%1 is not this case in this data (it comes from another data folder, or was deleted for good): imported as a new case</translation>
    </message>
    <message>
      <source>缺少%1：新工单需要问题描述或问题分类</source>
      <translation>%1 missing: a new case needs a problem description or a problem category</translation>
    </message>
    <message>
      <source>软件中已有这张工单 #%1（同一客户、订单号、商品和问题），不会重复导入</source>
      <translation>This case is already in the app as #%1 (same customer, order number, product and problem): not imported twice</translation>
    </message>
    <message>
      <source>与第 %1 行是同一张工单（同一客户、订单号、商品和问题），本行未导入</source>
      <translation>Same case as row %1 (same customer, order number, product and problem): this row is not imported</translation>
    </message>
    <message>
      <source>工单 #%1 的客户“%2”在回收站中，未导入；如需恢复请先在回收站还原</source>
      <translation>The customer “%2” of case #%1 is in the trash: not imported; to bring it back, restore it from the trash first</translation>
    </message>
    <message>
      <source>与第 %1 行是同一张工单（编号 #%2），本行未导入</source>
      <translation>Same case as row %1 (ID #%2): this row is not imported</translation>
    </message>
    <message>
      <source>已在软件中（工单 #%1），导入不会修改已有的工单</source>
      <translation>Already in the app (case #%1): an import does not change existing cases</translation>
    </message>
    <message>
      <source>对应的客户“%1”已在回收站中，未导入；如需恢复请先在回收站还原</source>
      <translation>The matching customer “%1” is in the trash: not imported; to bring it back, restore it from the trash first</translation>
    </message>
    <message>
      <source>%1“%2”已属于客户“%3”，与本行匹配到的“%4”不是同一位；请核对后再导入</source>
      <translation>%1 “%2” already belongs to customer “%3”, not to “%4” whom this row matches; please check and import again</translation>
    </message>
    <message>
      <source>有 %1 位客户叫“%2”，请在表格中填写手机、微信或平台账号以区分</source>
      <translation>%1 customers are called “%2”: fill in a phone, WeChat or platform account in the sheet to tell them apart</translation>
    </message>
    <message>
      <source>按称呼找到客户“%1”（表格中没有联系方式）</source>
      <translation>Customer “%1” found by name (the sheet has no contact details)</translation>
    </message>
    <message>
      <source>缺少客户：请填写%1之一</source>
      <translation>Customer missing: fill in one of %1</translation>
    </message>
    <message>
      <source>表格中的称呼“%1”与档案中的“%2”不同，客户档案未修改</source>
      <translation>The sheet's name “%1” differs from “%2” in the archive: the customer record is not changed</translation>
    </message>
    <message>
      <source>%1“%2”不是可选值，未设置（原文记入时间线）</source>
      <translation>%1 “%2” is not one of the choices: not set (the original words go into the timeline)</translation>
    </message>
    <message>
      <source>投诉类型“%1”不是投诉性格，已作为问题分类</source>
      <translation>Complaint type “%1” is not a kind of complaining buyer: used as the problem category</translation>
    </message>
    <message>
      <source>将新增问题分类“%1”</source>
      <translation>Problem category “%1” will be added</translation>
    </message>
    <message>
      <source>负责客服“%1”不在客服名单中，未设置</source>
      <translation>Staff member "%1" is not on the staff list: not set</translation>
    </message>
    <message>
      <source>满意度“%1”不是 1–5 分，未使用</source>
      <translation>Satisfaction “%1” is not a score from 1 to 5: not used</translation>
    </message>
    <message>
      <source>阶段“%1”无法识别，从“热情接待”开始</source>
      <translation>Stage “%1” not recognised: starts at “Warm reception”</translation>
    </message>
    <message>
      <source>表格中已结案：将按流程直接结案（跳过的阶段记下原因“从表格导入”），不安排回访</source>
      <translation>Closed in the sheet: will be closed through the workflow (skipped stages noted as “imported from a sheet”), no return visit planned</translation>
    </message>
    <message>
      <source>将按流程推进到“%1”（跳过的阶段记下原因“从表格导入”）</source>
      <translation>Will be moved through the workflow to “%1” (skipped stages noted as “imported from a sheet”)</translation>
    </message>
    <message>
      <source>表格中为“%1”，但%2：导入后从“热情接待”开始</source>
      <translation>The sheet says “%1”, but %2: starts at “Warm reception” after the import</translation>
    </message>
    <message>
      <source>新客户（表格中没有称呼，暂用“%1”）</source>
      <translation>New customer (no name in the sheet, “%1” for now)</translation>
    </message>
    <message>
      <source>新客户“%1”（与本文件前面的行是同一位）</source>
      <translation>New customer “%1” (the same one as an earlier row of this file)</translation>
    </message>
    <message>
      <source>未对应的列已追加到%1：%2</source>
      <translation>Unmapped columns added to %1: %2</translation>
    </message>
    <message>
      <source>编号 #%1 在本软件中不存在，改按联系方式匹配</source>
      <translation>ID #%1 does not exist in this app: matched by contact instead</translation>
    </message>
    <message>
      <source>%1对应软件中的“%2”，%3“%4”却属于另一位“%5”：未合并，请选择</source>
      <translation>%1 matches "%2" in the app, but %3 "%4" belongs to another customer, "%5": not merged, please choose</translation>
    </message>
    <message>
      <source>%1对应软件中的“%2”，%3“%4”与软件中的“%5”不同：未替换，请选择</source>
      <translation>%1 matches "%2" in the app, but %3 "%4" differs from "%5" in the app: not replaced, please choose</translation>
    </message>
    <message>
      <source>%1“%2”对应软件中的“%3”，表格中的称呼却是“%4”：可能不是同一人，请选择</source>
      <translation>%1 "%2" matches "%3" in the app, but the sheet's name is "%4": maybe another person, please choose</translation>
    </message>
    <message>
      <source>导出后在软件中修改过（%1），表格中的 %2 与软件不同</source>
      <translation>Changed in the app after the export (%1): the sheet's %2 differs</translation>
    </message>
    <message>
      <source>称呼“%1”与软件中的“%2”视为同一人，保留软件中的写法</source>
      <translation>Name "%1" is taken as "%2" in the app: the app's spelling is kept</translation>
    </message>
    <message>
      <source>另一台电脑刚刚新增了“%1”：本行并入其中，只补充空白的信息</source>
      <translation>Another computer has just added “%1”: this row was merged into it, filling in empty fields only</translation>
    </message>
    <message>
      <source>本行没有联系方式，软件中有 %1 位“%2”，无法确定是哪一位；请补上手机、微信或平台账号</source>
      <translation>This row has no contact details and the app has %1 customers called “%2”: it cannot tell which; please add a phone, WeChat or platform account</translation>
    </message>
    <message>
      <source>对应的%1“%2”已在回收站中，未导入；如需恢复请先在回收站还原</source>
      <translation>The matching record “%2” is in the trash: not imported; to bring it back, restore it from the trash first</translation>
    </message>
    <message>
      <source>与第 %1 行是同一位%2，本行未导入</source>
      <translation>The same as row %1: this row is not imported</translation>
    </message>
    <message>
      <source>新订单</source>
      <translation>new order</translation>
    </message>
    <message>
      <source>已有订单，将更新：%1</source>
      <translation>order on file, updating: %1</translation>
    </message>
    <message>
      <source>已有订单，没有变化</source>
      <translation>order on file, nothing new</translation>
    </message>
    <message>
      <source>订单 %1 的第 %2 件商品，随第 %3 行导入</source>
      <translation>item %2 of order %1, imported with row %3</translation>
    </message>
    <message>
      <source>与第 %1 行重复（同一订单 %2），本行未导入</source>
      <translation>repeats row %1 (same order %2): not imported</translation>
    </message>
    <message>
      <source>客户“%1”（按%2找到）</source>
      <translation>customer “%1” (found by %2)</translation>
    </message>
    <message>
      <source>客户“%1”在回收站中，订单仍关联到这位客户</source>
      <translation>customer “%1” is in the trash; the order is still linked to them</translation>
    </message>
    <message>
      <source>买家信息被平台隐藏（没有账号、完整手机和姓名），订单未关联客户</source>
      <translation>the platform hid the buyer (no account, full phone or name): the order is not linked to a customer</translation>
    </message>
    <message>
      <source>新客户“%1”（与本文件前面的订单是同一位）</source>
      <translation>new customer “%1” (the same buyer as an earlier order of this file)</translation>
    </message>
    <message>
      <source>新客户“%1”（表格中只有姓名，不与其他订单合并）</source>
      <translation>new customer “%1” (only a name in the sheet: not merged with other orders)</translation>
    </message>
    <message>
      <source>订单将从客户“%1”改到客户“%2”（按%3找到）</source>
      <translation>the order moves from customer “%1” to customer “%2” (found by %3)</translation>
    </message>
    <message>
      <source>缺少订单号</source>
      <translation>No order number</translation>
    </message>
    <message>
      <source>新客户“%1”</source>
      <translation>new customer “%1”</translation>
    </message>
    <message>
      <source>将补充客户的%1</source>
      <translation>will fill in the customer's %1</translation>
    </message>
    <message>
      <source>收货人“%1”与档案中的称呼“%2”不同，客户档案未修改</source>
      <translation>receiver “%1” differs from “%2” in the archive; the customer is not renamed</translation>
    </message>
    <message>
      <source>表格中的手机已被平台隐藏，保留档案中的号码</source>
      <translation>the platform masked the phone; the archive's number is kept</translation>
    </message>
    <message>
      <source>内容过长（%1 字，最多 %2 字）</source>
      <translation>Too long (%1 characters, at most %2)</translation>
    </message>
    <message>
      <source>%1（%2 列）：%3</source>
      <translation>%1 (column %2): %3</translation>
    </message>
    <message>
      <source>合计/说明行或没有可导入的内容，已跳过</source>
      <translation>A total or explanation row, or nothing to import: skipped</translation>
    </message>
    <message>
      <source>缺少标题</source>
      <translation>Title missing</translation>
    </message>
    <message>
      <source>缺少内容（新短语必须有内容）</source>
      <translation>Text missing (a new snippet needs text)</translation>
    </message>
    <message>
      <source>短语码“%1”只能用英文字母和数字（如 dq）</source>
      <translation>Shortcut “%1” may use only English letters and digits (such as dq)</translation>
    </message>
    <message>
      <source>将新建分类“%1”</source>
      <translation>Category “%1” will be created</translation>
    </message>
    <message>
      <source>“%1” 不是电话号码</source>
      <translation>“%1” is not a phone number</translation>
    </message>
    <message>
      <source>“%1” 像是被 Excel 科学计数法截断的号码（后几位都是 0），原号码已丢失；请把该列设为文本后重新填写</source>
      <translation>“%1” looks like a number cut short by Excel's scientific notation (the last digits are all 0): the original number is lost; set the column to text and type it again</translation>
    </message>
    <message>
      <source>“%1” 是科学计数法，号码的后几位已丢失，请填写完整号码</source>
      <translation>“%1” is in scientific notation and the last digits of the number are lost: please type the full number</translation>
    </message>
    <message>
      <source>“%1” 不是日期</source>
      <translation>“%1” is not a date</translation>
    </message>
    <message>
      <source>“%1” 不是日期（可写作 2026-11-03、2026/11/3 或 2026年11月3日）</source>
      <translation>“%1” is not a date (write it as 2026-11-03, 2026/11/3 or 2026年11月3日)</translation>
    </message>
    <message>
      <source>“%1” 不是时间</source>
      <translation>“%1” is not a time</translation>
    </message>
    <message>
      <source>“%1” 不是本软件导出的编号</source>
      <translation>“%1” is not an ID exported by this app</translation>
    </message>
    <message>
      <source>“%1” 不是单号</source>
      <translation>“%1” is not an order or tracking number</translation>
    </message>
    <message>
      <source>“%1” 不是金额</source>
      <translation>“%1” is not an amount</translation>
    </message>
    <message>
      <source>“%1” 是数字格式，Excel 只保留了前 %2 位，后几位已丢失；请从平台重新导出，或在 Excel 中把该列设为文本后再导出</source>
      <translation>“%1” is a number cell: Excel kept only its first %2 digits and the rest are lost; export the file from the platform again, or set the column to Text in Excel before exporting</translation>
    </message>
    <message>
      <source>“%1” 是科学计数法，后几位数字已丢失；请从平台重新导出原始文件</source>
      <translation>“%1” is in scientific notation: its last digits are lost; export the original file from the platform again</translation>
    </message>
    <message>
      <source>“%1” 不像国际电话号码</source>
      <translation>“%1” does not look like an international phone number</translation>
    </message>
    <message>
      <source>“%1” 含有非数字字符</source>
      <translation>“%1” contains characters that are not digits</translation>
    </message>
    <message>
      <source>“%1” 不是有效的手机号（应为 1 开头的 11 位数字）</source>
      <translation>“%1” is not a valid mobile number (11 digits starting with 1)</translation>
    </message>
    <message>
      <source>“%1” 不是有效的座机号（区号 + 号码，共 10–12 位）</source>
      <translation>“%1” is not a valid landline number (area code + number, 10–12 digits)</translation>
    </message>
    <message>
      <source>“%1” 不是有效的电话号码</source>
      <translation>“%1” is not a valid phone number</translation>
    </message>
    <message>
      <source>另一台电脑刚刚导入了订单 %1：本行改为更新它</source>
      <translation>Another computer has just imported order %1: this row updates it instead</translation>
    </message>
    <message>
      <source>另一台电脑刚刚新增了客户“%1”：订单关联到这位客户，只补充空白的信息</source>
      <translation>Another computer has just added customer “%1”: the order is linked to them, filling in empty fields only</translation>
    </message>
  </context>
  <context>
    <name>ImportPreview</name>
    <message>
      <source>将新建 %1 位客服（%2）</source>
      <translation>%1 new staff member(s) will be created (%2)</translation>
    </message>
    <message>
      <source>将新建 %1 个客户类型（%2）</source>
      <translation>%1 new customer type(s) will be created (%2)</translation>
    </message>
    <message>
      <source>%1 行称呼不同，未选择前不更新</source>
      <translation>%1 row(s) name the customer differently: not updated unless you choose</translation>
    </message>
    <message>
      <source>%1 行联系方式冲突，未选择前不更新</source>
      <translation>%1 row(s) with conflicting contacts: not updated unless you choose</translation>
    </message>
    <message>
      <source>%1 行冲突将保留软件中的数据</source>
      <translation>%1 conflicting row(s) keep the app's data</translation>
    </message>
    <message>
      <source>%1 行冲突将按选择导入</source>
      <translation>%1 conflicting row(s) will be imported as chosen</translation>
    </message>
    <message>
      <source>%1 行的未对应列将追加到备注</source>
      <translation>%1 row(s): unmapped columns will be added to Notes</translation>
    </message>
    <message>
      <source>%1 行称呼写法不同，保留软件中的写法</source>
      <translation>%1 row(s) spell the name differently: the app's spelling is kept</translation>
    </message>
    <message>
      <source>%1 行的负责客服将不设置</source>
      <translation>%1 row(s): staff in charge will not be set</translation>
    </message>
    <message>
      <source>%1 行的客户类型将不设置</source>
      <translation>%1 row(s): customer type will not be set</translation>
    </message>
    <message>
      <source>%1 行的编号不存在，按联系方式匹配</source>
      <translation>%1 row(s): ID not found, matched by contact</translation>
    </message>
    <message>
      <source>%1 行将按选择跳过</source>
      <translation>%1 row(s) will be skipped as chosen</translation>
    </message>
    <message>
      <source>%1 行有其他说明</source>
      <translation>%1 row(s) with other notes</translation>
    </message>
    <message>
      <source>跳过本行</source>
      <translation>Skip this row</translation>
    </message>
    <message>
      <source>保留软件中的称呼，更新其他</source>
      <translation>Keep the app's name, update the rest</translation>
    </message>
    <message>
      <source>改为表格中的称呼</source>
      <translation>Rename to the sheet's name</translation>
    </message>
    <message>
      <source>不改联系方式，更新其他</source>
      <translation>Keep the contacts, update the rest</translation>
    </message>
    <message>
      <source>采用表格中的</source>
      <translation>Take the sheet's</translation>
    </message>
    <message>
      <source>新增的行：</source>
      <translation>New rows:</translation>
    </message>
    <message>
      <source>更新的行：</source>
      <translation>Updated rows:</translation>
    </message>
    <message>
      <source>全部导入</source>
      <translation>Import all</translation>
    </message>
    <message>
      <source>全部跳过</source>
      <translation>Skip all</translation>
    </message>
    <message>
      <source>冲突：请逐行选择。称呼不同可能是另一个人（如家人共用手机）；默认跳过，不改软件中的数据。</source>
      <translation>Conflicts: choose per row. A different name may be another person (a shared family phone); by default the row is skipped and the app's data stays.</translation>
    </message>
    <message>
      <source>全部冲突：</source>
      <translation>All conflicts:</translation>
    </message>
    <message>
      <source>全部保留软件中的称呼和联系方式，更新其他</source>
      <translation>Keep the app's names and contacts, update the rest</translation>
    </message>
    <message>
      <source>全部采用表格中的</source>
      <translation>Take the sheet's for all</translation>
    </message>
    <message>
      <source>行号</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>记录</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>软件中的值</source>
      <translation>Value in the app</translation>
    </message>
    <message>
      <source>表格中的值</source>
      <translation>Value in the sheet</translation>
    </message>
    <message>
      <source>处理</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>第 3 步：预览（还没有写入任何数据）</source>
      <translation>Step 3: preview (nothing written yet)</translation>
    </message>
    <message>
      <source>%1 %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>（跳过 %1）</source>
      <translation> (%1 skipped)</translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>文件中没有数据行</source>
      <translation>The file has no data rows</translation>
    </message>
    <message>
      <source>将写入 %1 行</source>
      <translation>%1 row(s) will be written</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>新建客服：%1</source>
      <translation>Create staff members: %1</translation>
    </message>
    <message>
      <source>新建客户类型：%1</source>
      <translation>Create customer types: %1</translation>
    </message>
    <message>
      <source>把未对应的列追加到备注（“列名：值”，不会重复追加）：%1</source>
      <translation>Add unmapped columns to Notes ("column: value", never twice): %1</translation>
    </message>
    <message>
      <source>结果</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>对应的记录</source>
      <translation>Matches</translation>
    </message>
    <message>
      <source>修改（原 → 新）</source>
      <translation>Changes (before → after)</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>：</source>
      <translation>: </translation>
    </message>
    <message>
      <source>取消勾选即跳过这一行</source>
      <translation>Untick to skip this row</translation>
    </message>
    <message>
      <source>另一位：%1</source>
      <translation>Other customer: %1</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>上一步</source>
      <translation>Back</translation>
    </message>
    <message>
      <source>下一步</source>
      <translation>Next</translation>
    </message>
    <message>
      <source>保存问题报告…</source>
      <translation>Save problem report…</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>选择 Excel（.xlsx/.xls）或 CSV 文件</source>
      <translation>Choose an Excel (.xlsx/.xls) or CSV file</translation>
    </message>
    <message>
      <source>浏览…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <source>工作表：</source>
      <translation>Sheet:</translation>
    </message>
    <message>
      <source>自动识别（按表头）</source>
      <translation>Recognise from the headers</translation>
    </message>
    <message>
      <source>平台：</source>
      <translation>Platform:</translation>
    </message>
    <message>
      <source>支持 Excel、WPS 保存的 .xlsx/.xls，以及 CSV（UTF-8 或 GBK）。
表头上方的标题行、说明行会自动跳过；下一步可以检查每一列的对应关系。
预览确认之前不会写入任何数据；导入前会自动备份，可以撤销。</source>
      <translation>Reads .xlsx/.xls saved by Excel or WPS, and CSV (UTF-8 or GBK).
Title and note rows above the header are skipped; the next step lets you check every column.
Nothing is written before you confirm the preview; the data is backed up first and the import can be undone.</translation>
    </message>
    <message>
      <source>支持淘宝/天猫千牛的订单报表和宝贝报表、拼多多、抖店、微信小店导出的订单文件（.xlsx/.xls/.csv，GBK 也可以）。
同一订单再次导入只会更新状态和物流，不会重复；买家按平台账号、手机、姓名和地址找到已有客户，找不到才新建。
预览确认之前不会写入任何数据；导入前会自动备份，可以撤销。</source>
      <translation>Order files exported by Taobao/Tmall Qianniu (order report and item report), Pinduoduo, Douyin Shop and WeChat Shop (.xlsx/.xls/.csv, GBK too).
Importing an order again only updates its status and logistics, never doubles it; buyers are found by platform account, phone, or name and address, and created only when not found.
Nothing is written before you confirm the preview; the data is backed up first and the import can be undone.</translation>
    </message>
    <message>
      <source>第 1 步：选择文件</source>
      <translation>Step 1: choose the file</translation>
    </message>
    <message>
      <source>列</source>
      <translation>Column</translation>
    </message>
    <message>
      <source>表格中的列名</source>
      <translation>Header in the sheet</translation>
    </message>
    <message>
      <source>示例</source>
      <translation>Example</translation>
    </message>
    <message>
      <source>导入为</source>
      <translation>Import as</translation>
    </message>
    <message>
      <source>第 2 步：检查列的对应关系（不认识的列不会导入）</source>
      <translation>Step 2: check the columns (unknown columns are not imported)</translation>
    </message>
    <message>
      <source>第 2 步：检查列的对应关系（不认识的列默认追加到备注，下一步可以取消）</source>
      <translation>Step 2: check the columns (unknown columns go into Notes by default; you can turn that off in the next step)</translation>
    </message>
    <message>
      <source>导入%1</source>
      <translation>Import %1</translation>
    </message>
    <message>
      <source>新增</source>
      <translation>new</translation>
    </message>
    <message>
      <source>更新</source>
      <translation>updated</translation>
    </message>
    <message>
      <source>无变化</source>
      <translation>unchanged</translation>
    </message>
    <message>
      <source>文件内重复</source>
      <translation>duplicate in file</translation>
    </message>
    <message>
      <source>冲突</source>
      <translation>conflict</translation>
    </message>
    <message>
      <source>有错误</source>
      <translation>invalid</translation>
    </message>
    <message>
      <source>已删除的记录</source>
      <translation>deleted record</translation>
    </message>
    <message>
      <source>同一订单的商品行</source>
      <translation>extra item row</translation>
    </message>
    <message>
      <source>跳过</source>
      <translation>skipped</translation>
    </message>
    <message>
      <source>第 4 步：导入</source>
      <translation>Step 4: import</translation>
    </message>
    <message>
      <source>表格文件</source>
      <translation>Spreadsheets</translation>
    </message>
    <message>
      <source>所有文件</source>
      <translation>All files</translation>
    </message>
    <message>
      <source>选择要导入的表格</source>
      <translation>Choose the spreadsheet to import</translation>
    </message>
    <message>
      <source>开始导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>请先选择要导入的文件</source>
      <translation>Please choose a file to import first</translation>
    </message>
    <message>
      <source>正在读取表格…</source>
      <translation>Reading the sheet…</translation>
    </message>
    <message>
      <source>（已使用上次为这个表头保存的对应关系）</source>
      <translation> (using the mapping saved last time for this header)</translation>
    </message>
    <message>
      <source>表头在第 %1 行。</source>
      <translation>The header is on row %1.</translation>
    </message>
    <message>
      <source>（不导入）</source>
      <translation>(do not import)</translation>
    </message>
    <message>
      <source>正在检查每一行…</source>
      <translation>Checking every row…</translation>
    </message>
    <message>
      <source>保留软件中的</source>
      <translation>Keep the app's</translation>
    </message>
    <message>
      <source>采用表格中的</source>
      <translation>Take the sheet's</translation>
    </message>
    <message>
      <source>没有需要写入的行</source>
      <translation>There are no rows to write</translation>
    </message>
    <message>
      <source>导入时更新 %1 条已有记录</source>
      <translation>Update existing records by import: %1</translation>
    </message>
    <message>
      <source>正在备份并导入 %1 行…</source>
      <translation>Backing up and importing (rows: %1)…</translation>
    </message>
    <message>
      <source>已新建客服：%1</source>
      <translation>Staff members created: %1</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>已新建客户类型：%1</source>
      <translation>Customer types created: %1</translation>
    </message>
    <message>
      <source>导入完成：新增 %1，更新 %2。
导入前的数据已备份，可在“文件 → 撤销上次导入”恢复。</source>
      <translation>Import finished: %1 new, %2 updated.
The data before the import was backed up; File → Undo last import restores it.</translation>
    </message>
    <message>
      <source>导入完成：新增 %1，更新 %2</source>
      <translation>Import finished: %1 new, %2 updated</translation>
    </message>
    <message>
      <source>保存问题报告</source>
      <translation>Save problem report</translation>
    </message>
    <message>
      <source>导入问题.xlsx</source>
      <translation>import-problems.xlsx</translation>
    </message>
    <message>
      <source>已保存问题报告：%1 行</source>
      <translation>Problem report saved (rows: %1)</translation>
    </message>
    <message>
      <source>正在取消，已写入的内容会全部撤回…</source>
      <translation>Cancelling; everything written so far is rolled back…</translation>
    </message>
  </context>
  <context>
    <name>ImportWorker</name>
    <message>
      <source>导入失败，数据没有改动：%1</source>
      <translation>The import failed; nothing was changed: %1</translation>
    </message>
  </context>
  <context>
    <name>JoinDialog</name>
    <message>
      <source>加入店铺的团队服务器</source>
      <translation>Join the shop's team server</translation>
    </message>
    <message>
      <source>店里已经有一台电脑在用团队服务器时，这台电脑可以加入，和大家用同一份客户档案和工单。</source>
      <translation>When a computer in the shop already runs the team server, this computer can join it and share the same customer archive and cases.</translation>
    </message>
    <message>
      <source>加入码</source>
      <translation>Join code</translation>
    </message>
    <message>
      <source>例如 7K3QX-9M2PD</source>
      <translation>e.g. 7K3QX-9M2PD</translation>
    </message>
    <message>
      <source>在店里那台电脑的「设置 → 团队服务器」里可以看到加入码。找不到那台电脑时，可以在加入码后面加上它的地址，例如 7K3QX-9M2PD@192.168.1.20。</source>
      <translation>The join code is shown on the shop's server computer under Settings → Team server. If that computer is not found, add its address after the code, e.g. 7K3QX-9M2PD@192.168.1.20.</translation>
    </message>
    <message>
      <source>手动填写服务器信息</source>
      <translation>Enter the server's details by hand</translation>
    </message>
    <message>
      <source>例如 192.168.1.20 或 shop-server</source>
      <translation>e.g. 192.168.1.20 or shop-server</translation>
    </message>
    <message>
      <source>服务器地址</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>端口</source>
      <translation>Port</translation>
    </message>
    <message>
      <source>数据库名</source>
      <translation>Database name</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>连接并加入</source>
      <translation>Connect and join</translation>
    </message>
    <message>
      <source>正在店里的网络上查找团队服务器…</source>
      <translation>Looking for the team server on the shop's network…</translation>
    </message>
    <message>
      <source>正在连接 %1…</source>
      <translation>Connecting to %1…</translation>
    </message>
    <message>
      <source>请输入加入码。</source>
      <translation>Please enter the join code.</translation>
    </message>
  </context>
  <context>
    <name>LetterDialog</name>
    <message>
      <source>致歉信</source>
      <translation>Apology letter</translation>
    </message>
    <message>
      <source>已按六个部分起草：称呼问候、致歉、经过与改进、补偿、反馈方式、再次致歉。请按实际情况修改。</source>
      <translation>Drafted in six parts: greeting, apology, what happened and what changes, compensation, how to object, second apology. Edit as needed.</translation>
    </message>
    <message>
      <source>在信中引用买家的原话（问题描述）</source>
      <translation>Quote the buyer's own words (the description)</translation>
    </message>
    <message>
      <source>默认只写问题的分类和商品，不引用买家生气时的原话</source>
      <translation>By default the letter names only the problem's category and the product, not what the buyer said in anger</translation>
    </message>
    <message>
      <source>编辑</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>打印预览</source>
      <translation>Print preview</translation>
    </message>
    <message>
      <source>复制</source>
      <translation>Copy</translation>
    </message>
    <message>
      <source>保存为文本…</source>
      <translation>Save as text…</translation>
    </message>
    <message>
      <source>保存为 PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>致歉信-%1</source>
      <translation>apology-letter-%1</translation>
    </message>
    <message>
      <source>致歉信已复制</source>
      <translation>Apology letter copied</translation>
    </message>
    <message>
      <source>保存致歉信</source>
      <translation>Save apology letter</translation>
    </message>
    <message>
      <source>文本文件 (*.txt)</source>
      <translation>Text files (*.txt)</translation>
    </message>
    <message>
      <source>保存失败</source>
      <translation>Save failed</translation>
    </message>
    <message>
      <source>已保存 %1</source>
      <translation>Saved %1</translation>
    </message>
  </context>
  <context>
    <name>LimitsDialog</name>
    <message>
      <source>售后时限</source>
      <translation>After-sales time limits</translation>
    </message>
    <message>
      <source>接待并道歉（小时）</source>
      <translation>Receive and apologise (hours)</translation>
    </message>
    <message>
      <source>明确答复、提出补救方案（小时）</source>
      <translation>Definite answer, remedy proposed (hours)</translation>
    </message>
    <message>
      <source>告知处理结果（天）</source>
      <translation>Result passed back (days)</translation>
    </message>
    <message>
      <source>结案后几天回访</source>
      <translation>Return visit, days after closing</translation>
    </message>
    <message>
      <source>保存后，所有未结案工单的时限会按新设置重新计算。</source>
      <translation>On saving, the deadlines of all open cases are recomputed.</translation>
    </message>
    <message>
      <source>正在按新时限重新计算未结案工单…</source>
      <translation>Recomputing the deadlines of open cases…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>客户</source>
      <translation>Customers</translation>
    </message>
    <message>
      <source>快捷短语</source>
      <translation>Quick replies</translation>
    </message>
    <message>
      <source>售后工单</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>报表</source>
      <translation>Reports</translation>
    </message>
    <message>
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>客服台</source>
      <translation>Kefu Desk</translation>
    </message>
    <message>
      <source>团队服务器 %1</source>
      <translation>Team server %1</translation>
    </message>
    <message>
      <source>⚠ 本机数据（不是团队服务器上店里的最新数据）</source>
      <translation>⚠ Local data (not the shop's current data on the team server)</translation>
    </message>
    <message>
      <source>正在等待服务器恢复…</source>
      <translation>Waiting for the server to come back…</translation>
    </message>
    <message>
      <source>与团队服务器的连接断开了。客服台每隔几秒重试一次，恢复后会自动刷新。</source>
      <translation>The connection to the team server was lost. Kefu Desk retries every few seconds and refreshes by itself once the server is back.</translation>
    </message>
    <message>
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>新建客户</source>
      <translation>New customer</translation>
    </message>
    <message>
      <source>新建售后工单</source>
      <translation>New after-sales case</translation>
    </message>
    <message>
      <source>导入客户…</source>
      <translation>Import customers…</translation>
    </message>
    <message>
      <source>导入快捷短语…</source>
      <translation>Import quick replies…</translation>
    </message>
    <message>
      <source>导入售后工单…</source>
      <translation>Import after-sales cases…</translation>
    </message>
    <message>
      <source>导入订单…</source>
      <translation>Import orders…</translation>
    </message>
    <message>
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>全部客户…</source>
      <translation>All customers…</translation>
    </message>
    <message>
      <source>当前列表中的客户…</source>
      <translation>Customers in the current list…</translation>
    </message>
    <message>
      <source>全部数据（每类一个工作表）…</source>
      <translation>All data (one sheet per kind)…</translation>
    </message>
    <message>
      <source>客户导入模板…</source>
      <translation>Customer import template…</translation>
    </message>
    <message>
      <source>快捷短语…</source>
      <translation>Quick replies…</translation>
    </message>
    <message>
      <source>快捷短语导入模板…</source>
      <translation>Quick reply import template…</translation>
    </message>
    <message>
      <source>售后工单（含补救方案和时间线）…</source>
      <translation>After-sales cases (with remedies and timeline)…</translation>
    </message>
    <message>
      <source>售后工单导入模板…</source>
      <translation>After-sales case import template…</translation>
    </message>
    <message>
      <source>报表（Excel）…</source>
      <translation>Report (Excel)…</translation>
    </message>
    <message>
      <source>报表（PDF）…</source>
      <translation>Report (PDF)…</translation>
    </message>
    <message>
      <source>撤销上次导入…</source>
      <translation>Undo last import…</translation>
    </message>
    <message>
      <source>立即备份</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <source>备份与恢复…</source>
      <translation>Backup and restore…</translation>
    </message>
    <message>
      <source>切换客服…</source>
      <translation>Switch staff…</translation>
    </message>
    <message>
      <source>锁定</source>
      <translation>Lock</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>撤销删除</source>
      <translation>Undo delete</translation>
    </message>
    <message>
      <source>查找</source>
      <translation>Find</translation>
    </message>
    <message>
      <source>回收站</source>
      <translation>Trash</translation>
    </message>
    <message>
      <source>视图(&amp;V)</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>短语(&amp;S)</source>
      <translation>&amp;Snippets</translation>
    </message>
    <message>
      <source>快捷短语面板</source>
      <translation>Quick palette</translation>
    </message>
    <message>
      <source>新建短语</source>
      <translation>New snippet</translation>
    </message>
    <message>
      <source>查找短语</source>
      <translation>Find snippet</translation>
    </message>
    <message>
      <source>检查全部短语</source>
      <translation>Check all snippets</translation>
    </message>
    <message>
      <source>禁语表…</source>
      <translation>Forbidden phrases…</translation>
    </message>
    <message>
      <source>恢复默认短语…</source>
      <translation>Restore default snippets…</translation>
    </message>
    <message>
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>关于客服台</source>
      <translation>About Kefu Desk</translation>
    </message>
    <message>
      <source>备份</source>
      <translation>Backup</translation>
    </message>
    <message>
      <source>已备份：%1</source>
      <translation>Backed up: %1</translation>
    </message>
    <message>
      <source>⚠ 日志被改动</source>
      <translation>⚠ Log tampered with</translation>
    </message>
    <message>
      <source>操作日志</source>
      <translation>Activity log</translation>
    </message>
    <message>
      <source>有人绕过客服台改动了数据文件。请店主在 设置 → 安全 → 操作日志 查看，必要时恢复之前的备份。</source>
      <translation>Someone changed the data file outside Kefu Desk. The owner should look at Settings → Security → Activity log and, if needed, restore an earlier backup.</translation>
    </message>
    <message>
      <source>客户“%1”在回收站中（编辑 → 回收站 可以恢复）</source>
      <translation>Customer “%1” is in the trash (Edit → Trash restores it)</translation>
    </message>
    <message>
      <source>本机数据</source>
      <translation>local data</translation>
    </message>
    <message>
      <source>当前客服：%1</source>
      <translation>Staff on duty: %1</translation>
    </message>
    <message>
      <source>服务器已恢复，已重新连接。</source>
      <translation>The server is back; reconnected.</translation>
    </message>
    <message>
      <source>客户 %1 位</source>
      <translation>Customers: %1</translation>
    </message>
    <message>
      <source>客服台：网店客服的客户档案、快捷短语与售后工单。
完全离线，数据保存在本机：
%1</source>
      <translation>Kefu Desk: customer archive, quick replies and after-sales cases for online shops.
Fully offline; the data stays on this computer:
%1</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <source>合并重复客户</source>
      <translation>Merge duplicate customers</translation>
    </message>
    <message>
      <source>选择与“%1”重复的客户。它的联系记录、工单和标签会并入“%1”，空白资料会被补齐，之后它会移到回收站。</source>
      <translation>Choose the duplicate of “%1”. Its contact log, cases and tags move to “%1”, empty fields are filled in, and the duplicate goes to the trash.</translation>
    </message>
    <message>
      <source>搜索称呼、手机、微信、拼音</source>
      <translation>Search name, phone, WeChat, pinyin</translation>
    </message>
    <message>
      <source>合并</source>
      <translation>Merge</translation>
    </message>
    <message>
      <source>确认合并</source>
      <translation>Confirm merge</translation>
    </message>
    <message>
      <source>把“%1”合并到“%2”？</source>
      <translation>Merge “%1” into “%2”?</translation>
    </message>
    <message>
      <source>已合并“%1”</source>
      <translation>Merged “%1”</translation>
    </message>
  </context>
  <context>
    <name>OrderError</name>
    <message>
      <source>未知的平台：%1</source>
      <translation>Unknown platform: %1</translation>
    </message>
    <message>
      <source>订单号不能为空</source>
      <translation>The order number cannot be empty</translation>
    </message>
    <message>
      <source>订单没有这一项：%1</source>
      <translation>An order has no such field: %1</translation>
    </message>
  </context>
  <context>
    <name>OrderImport</name>
    <message>
      <source>%1订单导出（按表头识别）</source>
      <translation>%1 order export (recognised from the headers)</translation>
    </message>
    <message>
      <source>%1订单导出（指定）</source>
      <translation>%1 order export (as chosen)</translation>
    </message>
    <message>
      <source>淘宝宝贝报表（按表头识别）</source>
      <translation>Taobao item report (recognised from the headers)</translation>
    </message>
    <message>
      <source>淘宝宝贝报表（指定为淘宝）</source>
      <translation>Taobao item report (Taobao chosen)</translation>
    </message>
    <message>
      <source>订单：新增 %1，更新 %2，无变化 %3</source>
      <translation>Orders: %1 new, %2 updated, %3 unchanged</translation>
    </message>
    <message>
      <source>客户：新建 %1 位，匹配已有 %2 位（按平台账号 %3，按手机 %4，按姓名和地址 %5）</source>
      <translation>Customers: %1 new, %2 found in the archive (by platform account %3, by phone %4, by name and address %5)</translation>
    </message>
    <message>
      <source>补充 %1 位已有客户的空白信息</source>
      <translation>empty fields of %1 known customer(s) filled in</translation>
    </message>
    <message>
      <source>%1 个订单的买家信息被平台隐藏，未关联客户</source>
      <translation>%1 order(s) whose buyer the platform hid: not linked to a customer</translation>
    </message>
    <message>
      <source>%1 个已有订单改到按本文件找到的另一位客户</source>
      <translation>%1 order(s) on file moved to another customer found by this file</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
  </context>
  <context>
    <name>OrderTableModel</name>
    <message>
      <source>下单时间</source>
      <translation>Ordered</translation>
    </message>
    <message>
      <source>平台</source>
      <translation>Platform</translation>
    </message>
    <message>
      <source>订单号</source>
      <translation>Order no.</translation>
    </message>
    <message>
      <source>商品</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>实付</source>
      <translation>Paid</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>物流</source>
      <translation>Shipping</translation>
    </message>
  </context>
  <context>
    <name>PeriodError</name>
    <message>
      <source>开始日期 %1 晚于结束日期 %2</source>
      <translation>The start date %1 is after the end date %2</translation>
    </message>
    <message>
      <source>时间范围太长（最多 %1 天）</source>
      <translation>The range is too long (at most %1 days)</translation>
    </message>
    <message>
      <source>未知的报表周期 %1</source>
      <translation>Unknown report period %1</translation>
    </message>
  </context>
  <context>
    <name>PhraseError</name>
    <message>
      <source>请填写禁语内容</source>
      <translation>Enter the phrase</translation>
    </message>
    <message>
      <source>未知的类别 %1</source>
      <translation>Unknown category %1</translation>
    </message>
    <message>
      <source>禁语过长（最多 %1 个字）</source>
      <translation>The phrase is too long (at most %1 characters)</translation>
    </message>
    <message>
      <source>未知的级别 %1</source>
      <translation>Unknown level %1</translation>
    </message>
    <message>
      <source>禁语“%1”已在列表中</source>
      <translation>The phrase “%1” is already in the list</translation>
    </message>
    <message>
      <source>请填写要检查的词</source>
      <translation>Enter the words to check for</translation>
    </message>
    <message>
      <source>“…”前后都要有词</source>
      <translation>“…” needs words on both sides</translation>
    </message>
    <message>
      <source>“/”前后都要有词</source>
      <translation>“/” needs words on both sides</translation>
    </message>
  </context>
  <context>
    <name>PhraseFormDialog</name>
    <message>
      <source>编辑禁语</source>
      <translation>Edit forbidden phrase</translation>
    </message>
    <message>
      <source>添加禁语</source>
      <translation>Add forbidden phrase</translation>
    </message>
    <message>
      <source>例如：公司/平台…规定</source>
      <translation>e.g. company/platform…rules</translation>
    </message>
    <message>
      <source>用“/”隔开意思相同的说法（规定/规矩）；用“…”表示中间可以隔几个字（你自己…没看），但不跨过逗号和句号。</source>
      <translation>Separate words that mean the same with "/" (rules/policy); "…" lets a few characters come between (you yourself…didn't read), within one clause (not past a comma or full stop).</translation>
    </message>
    <message>
      <source>禁语（不可使用）</source>
      <translation>Forbidden (never use)</translation>
    </message>
    <message>
      <source>慎用（提醒）</source>
      <translation>Caution (warn)</translation>
    </message>
    <message>
      <source>买家听了会怎么想</source>
      <translation>How the buyer will take it</translation>
    </message>
    <message>
      <source>换成怎么说更好</source>
      <translation>What to say instead</translation>
    </message>
    <message>
      <source>例如：保证金/质量保证（多条用“、”隔开）</source>
      <translation>e.g. deposit/quality guarantee (separate several with commas)</translation>
    </message>
    <message>
      <source>启用</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>写一句话试试，看这条规则能不能找出来</source>
      <translation>Type a sentence to see whether this rule catches it</translation>
    </message>
    <message>
      <source>要找的说法</source>
      <translation>Wording to catch</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>不算的说法</source>
      <translation>Harmless uses</translation>
    </message>
    <message>
      <source>试一试</source>
      <translation>Try it</translation>
    </message>
    <message>
      <source>这句话里没有找到</source>
      <translation>Not found in this sentence</translation>
    </message>
    <message>
      <source>级别</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>建议说法</source>
      <translation>Better wording</translation>
    </message>
  </context>
  <context>
    <name>PhrasesDialog</name>
    <message>
      <source>禁语表</source>
      <translation>Forbidden phrases</translation>
    </message>
    <message>
      <source>级别</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>要找的说法</source>
      <translation>Wording to catch</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>建议说法</source>
      <translation>Better wording</translation>
    </message>
    <message>
      <source>添加…</source>
      <translation>Add…</translation>
    </message>
    <message>
      <source>编辑…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>（停用）</source>
      <translation> (inactive)</translation>
    </message>
    <message>
      <source>删除禁语</source>
      <translation>Delete forbidden phrase</translation>
    </message>
    <message>
      <source>删除禁语“%1”？</source>
      <translation>Delete the forbidden phrase “%1”?</translation>
    </message>
  </context>
  <context>
    <name>PlaceholderCompletion</name>
    <message>
      <source>复制时询问</source>
      <translation>asked when copying</translation>
    </message>
  </context>
  <context>
    <name>PromiseDialog</name>
    <message>
      <source>约定跟进时间</source>
      <translation>Promise a follow-up time</translation>
    </message>
    <message>
      <source>答应买家的事，例如：明天上午给您补发</source>
      <translation>What was promised, e.g. re-ship tomorrow morning</translation>
    </message>
    <message>
      <source>跟进时间</source>
      <translation>Follow-up at</translation>
    </message>
    <message>
      <source>约定内容 *</source>
      <translation>Promise *</translation>
    </message>
  </context>
  <context>
    <name>QuickPaste</name>
    <message>
      <source>请用 Ctrl、Alt 或 Win/⌘ 加一个字母、数字或空格，或单独的 F1–F12</source>
      <translation>Use Ctrl, Alt or Win/⌘ with a letter, digit or Space, or F1–F12 alone</translation>
    </message>
    <message>
      <source>设置为只复制：回车后请在聊天窗口粘贴</source>
      <translation>Set to copy only: after Enter, paste in the chat window</translation>
    </message>
  </context>
  <context>
    <name>QuickPasteBox</name>
    <message>
      <source>快捷面板（在聊天程序里用）</source>
      <translation>Quick palette (used in the chat program)</translation>
    </message>
    <message>
      <source>回车只复制，不自动粘贴到聊天窗口</source>
      <translation>Enter only copies; do not paste into the chat window</translation>
    </message>
    <message>
      <source>打开“辅助功能”设置</source>
      <translation>Open Accessibility settings</translation>
    </message>
    <message>
      <source>重新检查</source>
      <translation>Check again</translation>
    </message>
    <message>
      <source>全局快捷键</source>
      <translation>System-wide shortcut</translation>
    </message>
    <message>
      <source>在任何程序里按 %1 打开快捷面板；回车把回复粘贴到原来的聊天窗口，剪贴板随后恢复原样。</source>
      <translation>Press %1 in any program to open the quick palette; Enter pastes the reply into the chat window you were in, and the clipboard is then put back as it was.</translation>
    </message>
    <message>
      <source>在任何程序里按 %1 打开快捷面板。%2</source>
      <translation>Press %1 in any program to open the quick palette. %2</translation>
    </message>
  </context>
  <context>
    <name>RecoveryKeyDialog</name>
    <message>
      <source>恢复密钥</source>
      <translation>Recovery key</translation>
    </message>
    <message>
      <source>客服台的数据库和所有备份现在已加密。下面是恢复密钥，只显示这一次。
在另一台电脑上打开数据或备份时，需要店主密码或这个恢复密钥。
忘记密码又丢了恢复密钥，数据就再也无法恢复，任何人都无法帮您找回。
请把它打印出来或保存到 U 盘，放在电脑以外的安全地方。</source>
      <translation>Kefu Desk's database and all backups are now encrypted. Below is the recovery key; it is shown only this once.
Opening the data or a backup on another computer needs the owner password or this recovery key.
Without the password and without the recovery key the data can never be recovered, by anyone.
Print it or save it to a USB stick, and keep it somewhere safe away from this computer.</translation>
    </message>
    <message>
      <source>复制</source>
      <translation>Copy</translation>
    </message>
    <message>
      <source>保存为文件…</source>
      <translation>Save to file…</translation>
    </message>
    <message>
      <source>我已把恢复密钥打印或保存在安全的地方</source>
      <translation>I have printed or saved the recovery key in a safe place</translation>
    </message>
    <message>
      <source>客服台恢复密钥：%1
与店主密码作用相同，可打开加密的数据和备份。请妥善保管。
</source>
      <translation>Kefu Desk recovery key: %1
It works like the owner password: it opens the encrypted data and backups. Keep it safe.
</translation>
    </message>
    <message>
      <source>保存恢复密钥</source>
      <translation>Save the recovery key</translation>
    </message>
    <message>
      <source>文本文件 (*.txt)</source>
      <translation>Text files (*.txt)</translation>
    </message>
  </context>
  <context>
    <name>RemedyDialog</name>
    <message>
      <source>修改补救方案</source>
      <translation>Edit remedy</translation>
    </message>
    <message>
      <source>添加补救方案</source>
      <translation>Add remedy</translation>
    </message>
    <message>
      <source>例如 20 或 12.50（元）</source>
      <translation>e.g. 20 or 12.50 (yuan)</translation>
    </message>
    <message>
      <source>订单实付 %1 元</source>
      <translation>Paid for the order: %1 yuan</translation>
    </message>
    <message>
      <source>补救方式</source>
      <translation>Remedies</translation>
    </message>
    <message>
      <source>金额</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>ReopenDialog</name>
    <message>
      <source>重新打开工单</source>
      <translation>Reopen case</translation>
    </message>
    <message>
      <source>例如：买家反馈补发的商品也有问题</source>
      <translation>e.g. the re-shipped item is faulty too</translation>
    </message>
    <message>
      <source>回到阶段</source>
      <translation>Back to stage</translation>
    </message>
    <message>
      <source>原因 *</source>
      <translation>Reason *</translation>
    </message>
  </context>
  <context>
    <name>RepeatBuyers</name>
    <message>
      <source>回头客</source>
      <translation>Repeat buyer</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>今天</source>
      <translation>Today</translation>
    </message>
    <message>
      <source>本周</source>
      <translation>This week</translation>
    </message>
    <message>
      <source>本月</source>
      <translation>This month</translation>
    </message>
    <message>
      <source>自定义范围</source>
      <translation>Custom range</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>导出 PDF…</source>
      <translation>Export PDF…</translation>
    </message>
    <message>
      <source>时间范围</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>新建工单</source>
      <translation>Cases opened</translation>
    </message>
    <message>
      <source>结案工单</source>
      <translation>Cases closed</translation>
    </message>
    <message>
      <source>处理中工单</source>
      <translation>Open cases</translation>
    </message>
    <message>
      <source>当前超时</source>
      <translation>Overdue now</translation>
    </message>
    <message>
      <source>首次答复及时率（%）</source>
      <translation>First answer on time (%)</translation>
    </message>
    <message>
      <source>平均满意度（分）</source>
      <translation>Average satisfaction</translation>
    </message>
    <message>
      <source>退款金额（元）</source>
      <translation>Refunded (yuan)</translation>
    </message>
    <message>
      <source>回访 已完成 / 应回访</source>
      <translation>Return visits done / due</translation>
    </message>
    <message>
      <source>每日新建与结案</source>
      <translation>Opened and closed per day</translation>
    </message>
    <message>
      <source>处理中工单（按阶段）</source>
      <translation>Open cases by stage</translation>
    </message>
    <message>
      <source>各环节用时（小时）</source>
      <translation>Time per step (hours)</translation>
    </message>
    <message>
      <source>满意度分布</source>
      <translation>Satisfaction</translation>
    </message>
    <message>
      <source>问题分类 Top 10</source>
      <translation>Top 10 categories</translation>
    </message>
    <message>
      <source>商品 Top 10</source>
      <translation>Top 10 products</translation>
    </message>
    <message>
      <source>补救方式</source>
      <translation>Remedies</translation>
    </message>
    <message>
      <source>客服</source>
      <translation>Staff</translation>
    </message>
    <message>
      <source>回访</source>
      <translation>Return visits</translation>
    </message>
    <message>
      <source>订单与复购</source>
      <translation>Orders and repeat purchases</translation>
    </message>
    <message>
      <source>商品售后（每百单）</source>
      <translation>After-sales per product (per 100 orders)</translation>
    </message>
    <message>
      <source>暂无数据</source>
      <translation>No data yet</translation>
    </message>
    <message>
      <source>服务看板</source>
      <translation>Dashboard</translation>
    </message>
    <message>
      <source>工作日志</source>
      <translation>Daily log</translation>
    </message>
    <message>
      <source>客服日报</source>
      <translation>Daily service report</translation>
    </message>
    <message>
      <source>客服周报</source>
      <translation>Weekly service report</translation>
    </message>
    <message>
      <source>客服月报</source>
      <translation>Monthly service report</translation>
    </message>
    <message>
      <source>客服报表</source>
      <translation>Service report</translation>
    </message>
    <message>
      <source>导出报表到 Excel</source>
      <translation>Export report to Excel</translation>
    </message>
    <message>
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>导出失败</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <source>报表已导出到 %1</source>
      <translation>Report exported to %1</translation>
    </message>
    <message>
      <source>导出报表到 PDF</source>
      <translation>Export report to PDF</translation>
    </message>
    <message>
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF file (*.pdf)</translation>
    </message>
  </context>
  <context>
    <name>RestoreDefaultsDialog</name>
    <message>
      <source>恢复默认短语</source>
      <translation>Restore default snippets</translation>
    </message>
    <message>
      <source>只添加您的短语库里没有的默认短语：您改过的短语和自己写的短语都保持不变，删除过的默认短语会回来。</source>
      <translation>Adds only the default snippets your library does not have: snippets you changed or wrote yourself stay as they are, and deleted defaults come back.</translation>
    </message>
    <message>
      <source>短语语言</source>
      <translation>Snippet language</translation>
    </message>
    <message>
      <source>恢复</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>SatisfactionChoice</name>
    <message>
      <source>很不满意</source>
      <translation>Very unhappy</translation>
    </message>
    <message>
      <source>不满意</source>
      <translation>Unhappy</translation>
    </message>
    <message>
      <source>一般</source>
      <translation>Neutral</translation>
    </message>
    <message>
      <source>满意</source>
      <translation>Happy</translation>
    </message>
    <message>
      <source>很满意</source>
      <translation>Very happy</translation>
    </message>
  </context>
  <context>
    <name>SecretDialog</name>
    <message>
      <source>密码不正确，请重试</source>
      <translation>Wrong password, please try again</translation>
    </message>
  </context>
  <context>
    <name>SecurityBox</name>
    <message>
      <source>安全</source>
      <translation>Security</translation>
    </message>
    <message>
      <source>取消密码…</source>
      <translation>Remove password…</translation>
    </message>
    <message>
      <source>加密数据…</source>
      <translation>Encrypt data…</translation>
    </message>
    <message>
      <source>为所选客服设置 PIN…</source>
      <translation>Set PIN for selected staff…</translation>
    </message>
    <message>
      <source>操作日志…</source>
      <translation>Activity log…</translation>
    </message>
    <message>
      <source>不锁定</source>
      <translation>Never</translation>
    </message>
    <message>
      <source> 分钟</source>
      <translation> min</translation>
    </message>
    <message>
      <source>客服可以导出当前列表（筛选后的客户）</source>
      <translation>Staff may export the filtered list</translation>
    </message>
    <message>
      <source>客服导入时可以更新已有客户（否则只能新增）</source>
      <translation>Staff may update customers by import</translation>
    </message>
    <message>
      <source>店主密码</source>
      <translation>Owner password</translation>
    </message>
    <message>
      <source>数据加密</source>
      <translation>Encryption</translation>
    </message>
    <message>
      <source>闲置后锁定</source>
      <translation>Lock when idle for</translation>
    </message>
    <message>
      <source>客服权限</source>
      <translation>Staff rights</translation>
    </message>
    <message>
      <source>修改密码…</source>
      <translation>Change password…</translation>
    </message>
    <message>
      <source>设置密码…</source>
      <translation>Set password…</translation>
    </message>
    <message>
      <source>这些客服的 PIN 不足 6 位（或是旧版本设置的），仍可登录，请为他们重新设置 6–8 位 PIN：%1</source>
      <translation>These staff members' PINs have fewer than 6 digits (or were set by an older version); they still sign in, but please set a new 6–8 digit PIN for them: %1</translation>
    </message>
    <message>
      <source>团队服务器：服务器磁盘的加密由服务器负责；设置店主密码后，备份会加密。</source>
      <translation>Team server: encrypting the server's disk is the server's job; once an owner password is set, backups are encrypted.</translation>
    </message>
    <message>
      <source>数据库和所有备份已加密。本机的密钥保存在：%1</source>
      <translation>The database and all backups are encrypted. This computer keeps the key in: %1</translation>
    </message>
    <message>
      <source>未加密。设置店主密码后，数据库和所有备份都会加密。</source>
      <translation>Not encrypted. Once an owner password is set, the database and all backups are encrypted.</translation>
    </message>
    <message>
      <source>当前密码：</source>
      <translation>Current password:</translation>
    </message>
    <message>
      <source>新密码（至少 6 位）：</source>
      <translation>New password (at least 6 characters):</translation>
    </message>
    <message>
      <source>再输入一次新密码：</source>
      <translation>New password again:</translation>
    </message>
    <message>
      <source>两次输入的密码不一致</source>
      <translation>The two passwords differ</translation>
    </message>
    <message>
      <source>店主密码已设置，数据已加密</source>
      <translation>Owner password set; the data is encrypted</translation>
    </message>
    <message>
      <source>店主密码：</source>
      <translation>Owner password:</translation>
    </message>
    <message>
      <source>密码不正确</source>
      <translation>Wrong password</translation>
    </message>
    <message>
      <source>已取消店主密码</source>
      <translation>Owner password removed</translation>
    </message>
    <message>
      <source>PIN 码</source>
      <translation>PIN</translation>
    </message>
    <message>
      <source>请先在“客服”列表里选中一位客服</source>
      <translation>Select a staff member in the Staff list first</translation>
    </message>
    <message>
      <source>6–8 位数字；留空表示不用 PIN：</source>
      <translation>6–8 digits; leave empty for no PIN:</translation>
    </message>
    <message>
      <source>PIN 码已保存</source>
      <translation>PIN saved</translation>
    </message>
    <message>
      <source>已取消 PIN 码</source>
      <translation>PIN removed</translation>
    </message>
  </context>
  <context>
    <name>SecurityError</name>
    <message>
      <source>PIN 连续输错多次，请 %1 秒后再试</source>
      <translation>Too many wrong PINs; try again in %1 seconds</translation>
    </message>
    <message>
      <source>当前密码不正确</source>
      <translation>The current password is wrong</translation>
    </message>
    <message>
      <source>店主密码记录被删除（操作日志记录了已设置的密码）：请恢复之前的备份</source>
      <translation>The owner password record was deleted (the activity log shows a password was set): restore an earlier backup</translation>
    </message>
    <message>
      <source>密码至少 %1 位</source>
      <translation>The password needs at least %1 characters</translation>
    </message>
    <message>
      <source>PIN 为 %1–%2 位数字</source>
      <translation>A PIN is %1–%2 digits</translation>
    </message>
  </context>
  <context>
    <name>ServerDialog</name>
    <message>
      <source>本机数据库里的数据与团队服务器上的数据是分开的：它不是店里现在的数据，在这里做的修改也不会进入服务器。要回到店里的数据，请重新连接团队服务器。</source>
      <translation>The data in the local database is separate from the data on the team server: it is not the shop's current data, and changes made here do not reach the server. To get back to the shop's data, reconnect to the team server.</translation>
    </message>
    <message>
      <source>团队服务器</source>
      <translation>Team server</translation>
    </message>
    <message>
      <source>一台电脑时，数据保存在本机（默认）。几台电脑要同时使用同一份客户档案和工单时，让店里一直开着的那台电脑开启团队服务器，其他电脑输入加入码即可。不要把本机数据文件夹放到网络共享上：那样会损坏数据。</source>
      <translation>With one computer, the data stays on this computer (the default). When several computers need the same customer archive and cases at once, start the team server on the computer that stays on in the shop; the other computers just type its join code. Do not put the local data folder on a network share: that damages the data.</translation>
    </message>
    <message>
      <source>例如 192.168.1.20 或 shop-server</source>
      <translation>e.g. 192.168.1.20 or shop-server</translation>
    </message>
    <message>
      <source>服务器地址</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>端口</source>
      <translation>Port</translation>
    </message>
    <message>
      <source>数据库名</source>
      <translation>Database name</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>测试连接</source>
      <translation>Test connection</translation>
    </message>
    <message>
      <source>重新连接团队服务器</source>
      <translation>Reconnect to the team server</translation>
    </message>
    <message>
      <source>复制本机数据到服务器</source>
      <translation>Copy this computer's data to the server</translation>
    </message>
    <message>
      <source>第一台电脑用：把这台电脑上的全部数据复制到空的服务器，然后改用服务器</source>
      <translation>For the first computer: copy all data on this computer to an empty server, then use the server</translation>
    </message>
    <message>
      <source>使用服务器上的数据</source>
      <translation>Use the data on the server</translation>
    </message>
    <message>
      <source>其他电脑用：服务器上已经有本店的数据</source>
      <translation>For the other computers: the server already holds this shop's data</translation>
    </message>
    <message>
      <source>改回本机数据库</source>
      <translation>Back to the local database</translation>
    </message>
    <message>
      <source>已有 PostgreSQL 服务器：填写它的连接信息</source>
      <translation>Already have a PostgreSQL server? Enter its connection details</translation>
    </message>
    <message>
      <source>现在使用：本机数据库（%1）</source>
      <translation>In use now: the local database (%1)</translation>
    </message>
    <message>
      <source>现在使用：服务器 %1</source>
      <translation>In use now: server %1</translation>
    </message>
    <message>
      <source>这台电脑已经在使用服务器。要复制本机数据，请先改回本机数据库。</source>
      <translation>This computer already uses a server. To copy local data, first switch back to the local database.</translation>
    </message>
    <message>
      <source>把这台电脑上的全部客户、工单、快捷短语、设置和操作日志复制到 %1，之后这台电脑改用服务器。

复制前会先备份本机数据；服务器上已有数据时不会复制。

现在复制吗？</source>
      <translation>Copy all customers, cases, quick replies, settings and the audit log on this computer to %1; this computer then uses the server.

The local data is backed up first; nothing is copied when the server already holds data.

Copy now?</translation>
    </message>
    <message>
      <source>正在复制到服务器…</source>
      <translation>Copying to the server…</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>已取消：服务器上没有留下任何数据，这台电脑继续使用本机数据库。</source>
      <translation>Cancelled: nothing was left on the server; this computer keeps using the local database.</translation>
    </message>
    <message>
      <source>复制失败，服务器上没有留下任何数据：%1</source>
      <translation>The copy failed and nothing was left on the server: %1</translation>
    </message>
    <message>
      <source>已复制 %1 条记录到服务器。</source>
      <translation>Records copied to the server: %1.</translation>
    </message>
    <message>
      <source>服务器上还没有数据。这台电脑上的数据不会带过去（要带过去，请用「复制本机数据到服务器」）。

仍然改用这个空的服务器吗？</source>
      <translation>The server holds no data yet. This computer's data will not be taken along (for that, use "Copy this computer's data to the server").

Switch to this empty server anyway?</translation>
    </message>
    <message>
      <source>这台电脑将使用服务器 %1。</source>
      <translation>This computer will use server %1.</translation>
    </message>
    <message>
      <source>这台电脑将改回使用本机数据库，里面是改用服务器之前的数据；服务器上的数据不会带回来，也不会删除。服务器的连接设置会保留，以后在这里点「重新连接团队服务器」即可。</source>
      <translation>This computer will go back to its local database, which holds the data from before it switched to the server; the server's data is neither brought back nor deleted. The server's connection settings are kept: later, click "Reconnect to the team server" here.</translation>
    </message>
    <message>
      <source>这台电脑是本店的团队服务器：改回后团队服务器停止，其他电脑连不上，直到在这里重新连接团队服务器。</source>
      <translation>This computer is the shop's team server: the team server stops, and the other computers cannot connect until you reconnect to the team server here.</translation>
    </message>
    <message>
      <source>改回本机数据库吗？</source>
      <translation>Go back to the local database?</translation>
    </message>
    <message>
      <source>这台电脑将改回使用本机数据库。</source>
      <translation>This computer will use its local database again.</translation>
    </message>
    <message>
      <source>这台电脑将重新使用服务器 %1。</source>
      <translation>This computer will use the server %1 again.</translation>
    </message>
    <message>
      <source>客服台现在重新启动。</source>
      <translation>Kefu Desk restarts now.</translation>
    </message>
  </context>
  <context>
    <name>ServerFields</name>
    <message>
      <source>服务器地址</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>数据库名</source>
      <translation>Database name</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>请填写：%1</source>
      <translation>Please fill in: %1</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source> 天</source>
      <translation> days</translation>
    </message>
    <message>
      <source>店铺与界面</source>
      <translation>Shop and display</translation>
    </message>
    <message>
      <source>店铺名称</source>
      <translation>Shop name</translation>
    </message>
    <message>
      <source>界面语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>默认回访间隔</source>
      <translation>Default return-visit interval</translation>
    </message>
    <message>
      <source>打开数据文件夹</source>
      <translation>Open data folder</translation>
    </message>
    <message>
      <source>数据与备份</source>
      <translation>Data and backups</translation>
    </message>
    <message>
      <source>数据文件夹</source>
      <translation>Data folder</translation>
    </message>
    <message>
      <source>备份与恢复…</source>
      <translation>Backup and restore…</translation>
    </message>
    <message>
      <source>用于快捷短语里的 {店铺名} 和致歉信的落款</source>
      <translation>Fills {shop} in quick replies and signs apology letters</translation>
    </message>
    <message>
      <source>全店的电脑共用这个标签名，不随界面语言改变</source>
      <translation>Every computer of the shop shares this tag name; it does not change with the interface language</translation>
    </message>
    <message>
      <source> 笔订单起</source>
      <translation> orders or more</translation>
    </message>
    <message>
      <source>回头客标签</source>
      <translation>Repeat-buyer tag</translation>
    </message>
    <message>
      <source>回头客</source>
      <translation>Repeat buyer</translation>
    </message>
    <message>
      <source>本机数据库</source>
      <translation>Local database</translation>
    </message>
    <message>
      <source>团队服务器 %1</source>
      <translation>Team server %1</translation>
    </message>
    <message>
      <source>团队服务器…</source>
      <translation>Team server…</translation>
    </message>
    <message>
      <source>几台电脑同时使用同一份数据</source>
      <translation>Several computers using the same data at once</translation>
    </message>
    <message>
      <source>数据库</source>
      <translation>Database</translation>
    </message>
    <message>
      <source>每次启动、导入前和每天自动备份。</source>
      <translation>Backed up automatically at every start, before imports and daily.</translation>
    </message>
    <message>
      <source>导入前和每天自动备份服务器的数据到这台电脑。</source>
      <translation>The server's data is backed up to this computer before imports and daily.</translation>
    </message>
    <message>
      <source>客服</source>
      <translation>Staff</translation>
    </message>
    <message>
      <source>设为离职</source>
      <translation>Mark as left</translation>
    </message>
    <message>
      <source>客户类型</source>
      <translation>Customer types</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>修改设置需要店主密码。</source>
      <translation>Changing settings needs the owner password.</translation>
    </message>
    <message>
      <source>解锁</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <source>（店主）</source>
      <translation> (owner)</translation>
    </message>
    <message>
      <source>（已离职）</source>
      <translation> (left)</translation>
    </message>
    <message>
      <source>设置已保存</source>
      <translation>Settings saved</translation>
    </message>
    <message>
      <source>设置已保存：%1 位客户加上、%2 位客户去掉了回头客标签</source>
      <translation>Settings saved: %1 customers gained and %2 lost the repeat-buyer tag</translation>
    </message>
    <message>
      <source>重新启动客服台后生效。
The new language applies after a restart.</source>
      <translation>The new language applies after a restart.</translation>
    </message>
  </context>
  <context>
    <name>SnippetAsks</name>
    <message>
      <source>未选择客户：可填“亲”，或在“客户”页选中客户</source>
      <translation>No customer selected: type a greeting such as “Dear”, or select a customer on the Customers page</translation>
    </message>
    <message>
      <source>未选择客户：在“客户”页选中客户后会自动填入</source>
      <translation>No customer selected: select one on the Customers page to fill this in</translation>
    </message>
    <message>
      <source>这位客户的资料里没有这一项：请直接填写</source>
      <translation>This customer's record does not have it: please type it</translation>
    </message>
    <message>
      <source>未选择售后工单：请直接填写</source>
      <translation>No after-sales case selected: please type it</translation>
    </message>
    <message>
      <source>工单和它的订单里都没有：请直接填写</source>
      <translation>Not in this case or its order: please type it</translation>
    </message>
    <message>
      <source>没有找到这位客户的订单：请直接填写</source>
      <translation>No order of this customer found: please type it</translation>
    </message>
    <message>
      <source>填写后会记住，可在“设置”页修改</source>
      <translation>Kept once filled in; change it in Settings</translation>
    </message>
    <message>
      <source>检查是否写错，或直接填写要发送的内容</source>
      <translation>Check for a typo, or type what should be sent</translation>
    </message>
    <message>
      <source>［待填：%1］</source>
      <translation>[to fill in: %1]</translation>
    </message>
  </context>
  <context>
    <name>SnippetCopier</name>
    <message>
      <source>已复制“%1”，可以粘贴到聊天窗口了</source>
      <translation>Copied “%1”: paste it into the chat window</translation>
    </message>
  </context>
  <context>
    <name>SnippetEditorDialog</name>
    <message>
      <source>编辑快捷短语</source>
      <translation>Edit snippet</translation>
    </message>
    <message>
      <source>新建快捷短语</source>
      <translation>New snippet</translation>
    </message>
    <message>
      <source>如：真诚道歉</source>
      <translation>e.g. Sincere apology</translation>
    </message>
    <message>
      <source>可选，如 dq，搜索时输入即可找到</source>
      <translation>Optional, e.g. dq: type it to find the snippet</translation>
    </message>
    <message>
      <source>未分类</source>
      <translation>Uncategorised</translation>
    </message>
    <message>
      <source>仅自己可见（个人短语）</source>
      <translation>Only visible to me (personal snippet)</translation>
    </message>
    <message>
      <source>插入占位符</source>
      <translation>Insert placeholder</translation>
    </message>
    <message>
      <source>蓝色为自动填入的占位符，绿色为复制时询问，红色下划线为禁语。输入 { 可选择占位符；要显示花括号本身请写 {{ 或 }}。</source>
      <translation>Blue placeholders are filled automatically, green ones are asked when copying, a red wavy underline marks a forbidden phrase. Type { to pick a placeholder; write {{ or }} for a literal brace.</translation>
    </message>
    <message>
      <source>选择图片…</source>
      <translation>Choose image…</translation>
    </message>
    <message>
      <source>粘贴图片</source>
      <translation>Paste image</translation>
    </message>
    <message>
      <source>移除图片</source>
      <translation>Remove image</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>短语码</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>分类</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Text</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>这条短语有未保存的修改，要保存吗？</source>
      <translation>This snippet has unsaved changes. Save them?</translation>
    </message>
    <message>
      <source>包含禁语</source>
      <translation>Forbidden phrase</translation>
    </message>
    <message>
      <source>这条短语包含禁语 %1，发给买家可能引起不满或投诉。
仍然保存吗？</source>
      <translation>This snippet contains the forbidden phrase %1, which may upset the buyer or cause a complaint.
Save it anyway?</translation>
    </message>
    <message>
      <source>无图片（可添加尺码表、收款码、洗护说明等）</source>
      <translation>No image (add a size chart, payment QR code, care instructions…)</translation>
    </message>
    <message>
      <source>选择图片</source>
      <translation>Choose image</translation>
    </message>
    <message>
      <source>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
      <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
    </message>
    <message>
      <source>无法读取图片文件：%1</source>
      <translation>Cannot read the image file: %1</translation>
    </message>
    <message>
      <source>剪贴板里没有图片</source>
      <translation>There is no image on the clipboard</translation>
    </message>
  </context>
  <context>
    <name>SnippetError</name>
    <message>
      <source>请填写短语标题</source>
      <translation>Enter a title for the snippet</translation>
    </message>
    <message>
      <source>内容过长（最多 %1 个字）</source>
      <translation>Too long (at most %1 characters)</translation>
    </message>
    <message>
      <source>短语码“%1”只能用英文字母和数字（如 dq）</source>
      <translation>Shortcut “%1” may use only English letters and digits (such as dq)</translation>
    </message>
    <message>
      <source>请填写短语内容，或添加一张图片</source>
      <translation>Write the snippet's text, or add a picture</translation>
    </message>
    <message>
      <source>图片太大（最多 5 MB），请先压缩</source>
      <translation>The picture is too large (at most 5 MB); compress it first</translation>
    </message>
    <message>
      <source>分类名称不能为空</source>
      <translation>The category name cannot be empty</translation>
    </message>
    <message>
      <source>分类名称过长（最多 %1 个字）</source>
      <translation>The category name is too long (at most %1 characters)</translation>
    </message>
    <message>
      <source>分类“%1”已存在</source>
      <translation>The category “%1” already exists</translation>
    </message>
  </context>
  <context>
    <name>SnippetPalette</name>
    <message>
      <source>快捷短语</source>
      <translation>Quick replies</translation>
    </message>
    <message>
      <source>不指定客户</source>
      <translation>No customer</translation>
    </message>
    <message>
      <source>输入短语码或拼音，Enter 发送</source>
      <translation>Type a code or pinyin, Enter sends</translation>
    </message>
    <message>
      <source>复制</source>
      <translation>Copy</translation>
    </message>
    <message>
      <source>检查我的回复：把准备发送的话粘贴到这里</source>
      <translation>Check my reply: paste what you are about to send</translation>
    </message>
    <message>
      <source>保存为短语</source>
      <translation>Save as snippet</translation>
    </message>
    <message>
      <source>已复制。%1</source>
      <translation>Copied. %1</translation>
    </message>
    <message>
      <source>为 %1 填写</source>
      <translation>Filled for %1</translation>
    </message>
    <message>
      <source>未指定客户</source>
      <translation>No customer chosen</translation>
    </message>
    <message>
      <source>：发送前会询问 %1</source>
      <translation>: asks for %1 before sending</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>已复制，可以粘贴到聊天窗口了</source>
      <translation>Copied: paste it into the chat window</translation>
    </message>
    <message>
      <source>客服台：快捷短语</source>
      <translation>Kefu Desk: snippets</translation>
    </message>
    <message>
      <source>显示/隐藏快捷面板</source>
      <translation>Show/hide quick palette</translation>
    </message>
    <message>
      <source>显示主窗口</source>
      <translation>Show main window</translation>
    </message>
  </context>
  <context>
    <name>SnippetPreview</name>
    <message>
      <source>不指定客户</source>
      <translation>No customer</translation>
    </message>
    <message>
      <source>复制 (Enter)</source>
      <translation>Copy (Enter)</translation>
    </message>
    <message>
      <source>收藏</source>
      <translation>Favourite</translation>
    </message>
    <message>
      <source>编辑</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>选择一条短语</source>
      <translation>Select a snippet</translation>
    </message>
    <message>
      <source>已收藏 ★</source>
      <translation>Favourite ★</translation>
    </message>
  </context>
  <context>
    <name>SnippetTableModel</name>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>短语码</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>分类</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Text</translation>
    </message>
    <message>
      <source>使用次数</source>
      <translation>Uses</translation>
    </message>
    <message>
      <source>（个人）</source>
      <translation> (personal)</translation>
    </message>
  </context>
  <context>
    <name>SnippetsPage</name>
    <message>
      <source>管理分类…</source>
      <translation>Categories…</translation>
    </message>
    <message>
      <source>搜索标题、短语码、内容，支持拼音首字母（如 dq 找道歉）</source>
      <translation>Search title, code, text; pinyin initials work (dq finds 道歉)</translation>
    </message>
    <message>
      <source>新建短语</source>
      <translation>New snippet</translation>
    </message>
    <message>
      <source>检查全部短语</source>
      <translation>Check all snippets</translation>
    </message>
    <message>
      <source>禁语表</source>
      <translation>Forbidden phrases</translation>
    </message>
    <message>
      <source>快捷面板 (%1)</source>
      <translation>Quick palette (%1)</translation>
    </message>
    <message>
      <source>复制</source>
      <translation>Copy</translation>
    </message>
    <message>
      <source>删除短语</source>
      <translation>Delete snippet</translation>
    </message>
    <message>
      <source>未选择客户：称呼等内容会在复制时询问</source>
      <translation>No customer selected: the name and such will be asked when copying</translation>
    </message>
    <message>
      <source>为 %1 填写（在“客户”页选择其他客户）</source>
      <translation>Filled for %1 (select another customer on the Customers page)</translation>
    </message>
    <message>
      <source>全部短语</source>
      <translation>All snippets</translation>
    </message>
    <message>
      <source>★ 收藏</source>
      <translation>★ Favourites</translation>
    </message>
    <message>
      <source>我的短语</source>
      <translation>My snippets</translation>
    </message>
    <message>
      <source>已新建短语“%1”</source>
      <translation>Created snippet “%1”</translation>
    </message>
    <message>
      <source>已保存短语“%1”</source>
      <translation>Saved snippet “%1”</translation>
    </message>
    <message>
      <source>删除选中的 %1 条短语？删除后不能恢复。</source>
      <translation>Delete the selected snippets (%1)? This cannot be undone.</translation>
    </message>
    <message>
      <source>已删除 %1 条短语</source>
      <translation>Snippets deleted: %1</translation>
    </message>
    <message>
      <source>已恢复默认短语 %1 条</source>
      <translation>Default snippets restored: %1</translation>
    </message>
    <message>
      <source>已选 %1 条：Enter 合并复制，或点此合并为新短语</source>
      <translation>%1 selected: Enter copies them as one reply; click to combine into a new snippet</translation>
    </message>
  </context>
  <context>
    <name>StaffError</name>
    <message>
      <source>请填写客服名字</source>
      <translation>Please enter the staff member's name</translation>
    </message>
    <message>
      <source>客服“%1”已存在</source>
      <translation>There is already a staff member called “%1”</translation>
    </message>
    <message>
      <source>未知角色 %1</source>
      <translation>Unknown role %1</translation>
    </message>
    <message>
      <source>至少要保留一位在职客服</source>
      <translation>At least one staff member must stay active</translation>
    </message>
  </context>
  <context>
    <name>StaffPickerDialog</name>
    <message>
      <source>客服台已锁定</source>
      <translation>Kefu Desk is locked</translation>
    </message>
    <message>
      <source>客服台</source>
      <translation>Kefu Desk</translation>
    </message>
    <message>
      <source>选择客服</source>
      <translation>Choose staff</translation>
    </message>
    <message>
      <source>例如：小美</source>
      <translation>e.g. Mei</translation>
    </message>
    <message>
      <source>例如：小美家居旗舰店</source>
      <translation>e.g. Mei's Home Store</translation>
    </message>
    <message>
      <source>当前是谁在值班？所做的修改都会记在这个名字下。</source>
      <translation>Who is on duty? Every change is recorded under this name.</translation>
    </message>
    <message>
      <source>欢迎使用客服台！请先输入您的名字（店主）和店铺名称。
以后可以在“设置”里添加其他客服、修改店铺名称。</source>
      <translation>Welcome to Kefu Desk! Please enter your name (the owner) and the shop's name.
You can add other staff and change the shop name later in Settings.</translation>
    </message>
    <message>
      <source>您的名字</source>
      <translation>Your name</translation>
    </message>
    <message>
      <source>店铺名称</source>
      <translation>Shop name</translation>
    </message>
    <message>
      <source>加入店铺的团队服务器…</source>
      <translation>Join the shop's team server…</translation>
    </message>
    <message>
      <source>店里已经有电脑在用团队服务器：这台电脑加入，用服务器上的客服名单登录，不新建店铺</source>
      <translation>A computer in the shop already works on a team server: this computer joins it and signs in from the server's staff list, without creating a new shop</translation>
    </message>
    <message>
      <source>店里已经在用团队服务器？</source>
      <translation>Does the shop already use a team server?</translation>
    </message>
    <message>
      <source>店主密码</source>
      <translation>Owner password</translation>
    </message>
    <message>
      <source>PIN 码</source>
      <translation>PIN</translation>
    </message>
    <message>
      <source>PIN 码连续输错多次，请 %1 秒后再试</source>
      <translation>Too many wrong PINs: try again in %1 s</translation>
    </message>
    <message>
      <source>密码不正确</source>
      <translation>Wrong password</translation>
    </message>
    <message>
      <source>PIN 码不正确</source>
      <translation>Wrong PIN</translation>
    </message>
  </context>
  <context>
    <name>StageSnippets</name>
    <message>
      <source>这个阶段还没有快捷短语（可在“快捷短语”页添加到同名分类）</source>
      <translation>No quick replies for this stage yet (add them on the Quick replies page, in the category of the same name)</translation>
    </message>
    <message>
      <source>%1：%2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>单击复制</source>
      <translation>Click to copy</translation>
    </message>
    <message>
      <source>单击复制，复制前会请您填写：%1</source>
      <translation>Click to copy; you will be asked for: %1</translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>StaleEdit</name>
    <message>
      <source>工单 #%1 已被其他人修改，请重新打开后再保存</source>
      <translation>Case #%1 was changed by someone else; reopen it before saving</translation>
    </message>
    <message>
      <source>工单 #%1 在你操作期间已被其他人修改，现在处于“%2”阶段。这一步没有执行，请查看最新内容后再操作。</source>
      <translation>Case #%1 was changed by someone else meanwhile and is now at “%2”. This step was not done; look at the latest before trying again.</translation>
    </message>
    <message>
      <source>工单 #%1 在你操作期间已被其他人修改（%3 %4：%5），现在处于“%2”阶段。这一步没有执行，请查看最新内容后再操作。</source>
      <translation>Case #%1 was changed by someone else meanwhile (%3 %4: %5) and is now at “%2”. This step was not done; look at the latest before trying again.</translation>
    </message>
    <message>
      <source>工单 #%1 在你操作期间已被其他人修改（其他人 %3：%4），现在处于“%2”阶段。这一步没有执行，请查看最新内容后再操作。</source>
      <translation>Case #%1 was changed by someone else meanwhile (%3: %4) and is now at “%2”. This step was not done; look at the latest before trying again.</translation>
    </message>
    <message>
      <source>这个补救方案在你修改期间已被其他人更新（现在：%1），这次没有保存。请取消后重新打开再改。</source>
      <translation>Someone else updated this remedy while you were editing it (now: %1); it was not saved. Cancel, then open it again to change it.</translation>
    </message>
    <message>
      <source>客户“%1”在你编辑期间已被其他人移到回收站，没有保存；请从回收站恢复后再修改</source>
      <translation>Someone else moved customer “%1” to the trash while you were editing; nothing was saved. Restore them from the trash before editing.</translation>
    </message>
    <message>
      <source>客户“%1”已被其他人修改，请重新打开后再保存</source>
      <translation>Customer “%1” was changed by someone else; reopen before saving</translation>
    </message>
    <message>
      <source>短语“%1”在你编辑期间已被其他人修改（%2），这次没有保存，以免覆盖对方的修改。请复制你的内容，关闭后重新打开再改。</source>
      <translation>Someone else changed the snippet “%1” while you were editing it (%2). It was not saved, so as not to overwrite their change. Copy your text, close, and open it again to edit.</translation>
    </message>
    <message>
      <source>短语“%1”在你编辑期间已被%3修改（%2），这次没有保存，以免覆盖对方的修改。请复制你的内容，关闭后重新打开再改。</source>
      <translation>%3 changed the snippet “%1” while you were editing it (%2). It was not saved, so as not to overwrite their change. Copy your text, close, and open it again to edit.</translation>
    </message>
  </context>
  <context>
    <name>StoreError</name>
    <message>
      <source>备份失败（%1）：%2</source>
      <translation>The backup failed (%1): %2</translation>
    </message>
    <message>
      <source>备份已保存在数据文件夹，但复制到第二个备份文件夹失败（%1）：%2</source>
      <translation>The backup was saved in the data folder, but copying it to the second backup folder failed (%1): %2</translation>
    </message>
    <message>
      <source>备份文件未通过完整性检查，未做任何改动（%1）：%2</source>
      <translation>The backup file failed its integrity check; nothing was changed (%1): %2</translation>
    </message>
    <message>
      <source>备份文件未通过完整性检查（%1）：%2</source>
      <translation>The backup file failed its integrity check (%1): %2</translation>
    </message>
    <message>
      <source>这份数据已加密，本机没有保存它的密钥：%1
请输入店主密码或恢复密钥。</source>
      <translation>This data is encrypted and this computer does not keep its key: %1
Please enter the owner password or the recovery key.</translation>
    </message>
    <message>
      <source>找不到这份加密数据的密钥文件（%1），无法打开</source>
      <translation>The key file of this encrypted data cannot be found (%1): it cannot be opened</translation>
    </message>
    <message>
      <source>店主密码或恢复密钥不正确</source>
      <translation>The owner password or recovery key is wrong</translation>
    </message>
    <message>
      <source>无法转换数据文件 %1：%2</source>
      <translation>The data file %1 could not be converted: %2</translation>
    </message>
    <message>
      <source>数据文件夹是只读的或没有写入权限：%1（%2）。请检查文件夹权限，或用 --data-dir 指定一个可写的文件夹</source>
      <translation>The data folder is read-only or cannot be written: %1 (%2). Check the folder's permissions, or give a writable folder with --data-dir</translation>
    </message>
    <message>
      <source>PostgreSQL 不能以 root 运行，而这台电脑没有 postgres 账户：请用普通账户运行客服台。</source>
      <translation>PostgreSQL cannot run as root and this computer has no postgres account: run Kefu Desk from an ordinary account.</translation>
    </message>
    <message>
      <source>这台电脑上找不到空闲的端口。</source>
      <translation>No free port was found on this computer.</translation>
    </message>
    <message>
      <source>这台电脑已经开启了团队服务器（%1）。</source>
      <translation>This computer already runs the team server (%1).</translation>
    </message>
    <message>
      <source>这台电脑上没有找到 PostgreSQL：请使用带团队服务器的客服台安装包，或先安装 PostgreSQL（见 docs/team-server.md），再开启团队服务器。</source>
      <translation>PostgreSQL was not found on this computer: use the Kefu Desk package with the team server, or install PostgreSQL first (see docs/team-server.md), then start the team server.</translation>
    </message>
    <message>
      <source>文件夹 %1 已有内容（上次开启没有完成？）：请先把它移走再试。</source>
      <translation>The folder %1 is not empty (did the last start not finish?): move it away and try again.</translation>
    </message>
    <message>
      <source>无法建立数据库（initdb）：%1</source>
      <translation>The database could not be created (initdb): %1</translation>
    </message>
    <message>
      <source>找不到 PostgreSQL 程序，团队服务器无法启动：请重新安装带团队服务器的客服台。</source>
      <translation>The PostgreSQL programs cannot be found, so the team server cannot start: reinstall Kefu Desk with the team server.</translation>
    </message>
    <message>
      <source>团队服务器没有启动：%1 %2</source>
      <translation>The team server did not start: %1 %2</translation>
    </message>
    <message>
      <source>加入码服务无法启动（端口 %1：%2）：其他电脑暂时不能用加入码连接，可以手动填写连接信息。</source>
      <translation>The join code service could not start (port %1: %2): other computers cannot join with a code for now; they can enter the connection details by hand.</translation>
    </message>
    <message>
      <source>服务器设置文件无法读取：%1（%2）。删除这个文件即可改回使用本机数据库。</source>
      <translation>The server settings file cannot be read: %1 (%2). Delete this file to use this computer's database again.</translation>
    </message>
    <message>
      <source>连接成功，但用户 %1 没有在数据库 %2 中建表的权限，请让管理员授予权限。</source>
      <translation>Connected, but user %1 may not create tables in database %2: ask the administrator for that permission.</translation>
    </message>
    <message>
      <source>连接成功：PostgreSQL %1，数据库已有 %2 位客户。</source>
      <translation>Connected: PostgreSQL %1; the database holds %2 customers.</translation>
    </message>
    <message>
      <source>连接成功：PostgreSQL %1，数据库还是空的。</source>
      <translation>Connected: PostgreSQL %1; the database is still empty.</translation>
    </message>
    <message>
      <source>服务器上的数据库 %1 已经有客户、工单或客服数据，没有复制，也没有改动。如果这是本店的服务器，请选择「使用服务器上的数据」。</source>
      <translation>The database %1 on the server already holds customers, cases or staff: nothing was copied or changed. If this is the shop's server, choose “Use the data on the server”.</translation>
    </message>
    <message>
      <source>数据文件夹在网络共享上（%1）：%2
SQLite 数据库放在网络共享上时，文件锁不可靠，多人同时使用会损坏数据（SQLite 官方建议）。请把数据文件夹放在本机硬盘或 U 盘上（--data-dir）；多台电脑要共用同一份数据，请使用团队服务器（PostgreSQL）：设置 → 数据与备份 → 团队服务器。</source>
      <translation>The data folder is on a network share (%1): %2
On a network share SQLite's file locks are unreliable and several people at once would damage the data (SQLite's own advice). Put the data folder on this computer's disk or a USB drive (--data-dir); for several computers to share the same data, use the team server (PostgreSQL): Settings → Data and backups → Team server.</translation>
    </message>
    <message>
      <source>无法打开数据库 %1：%2</source>
      <translation>The database %1 cannot be opened: %2</translation>
    </message>
    <message>
      <source>数据库文件已损坏 %1：%2</source>
      <translation>The database file is damaged %1: %2</translation>
    </message>
  </context>
  <context>
    <name>TeamServerBox</name>
    <message>
      <source>本店的团队服务器</source>
      <translation>The shop's team server</translation>
    </message>
    <message>
      <source>这台电脑是本店的团队服务器：请让它一直开着，并开着客服台。其他电脑第一次打开客服台时点「加入店铺的团队服务器」（已经在用的电脑在 设置 → 团队服务器），输入下面的加入码即可连接。</source>
      <translation>This computer is the shop's team server: keep it on, with Kefu Desk open. Other computers type the join code below: a new computer at its first start under "Join the shop's team server", one already in use under Settings → Team server.</translation>
    </message>
    <message>
      <source>换一个加入码</source>
      <translation>New join code</translation>
    </message>
    <message>
      <source>旧的加入码立即作废；已经连接的电脑不受影响</source>
      <translation>The old code stops working at once; computers already connected are not affected</translation>
    </message>
    <message>
      <source>这台电脑现在使用本机数据库，团队服务器没有运行：其他电脑暂时连不上它。</source>
      <translation>This computer now uses its local database and the team server is not running: the other computers cannot reach it for now.</translation>
    </message>
    <message>
      <source>本机地址：%1（端口 %2）</source>
      <translation>This computer's address: %1 (port %2)</translation>
    </message>
    <message>
      <source>没有连接网络</source>
      <translation>not connected to a network</translation>
    </message>
    <message>
      <source>店里一直开着的那台电脑：点一下，客服台就在这台电脑上建立团队服务器，把这台电脑上的数据搬过去，并显示一个加入码。</source>
      <translation>On the computer that stays on in the shop: one click sets up the team server on this computer, moves this computer's data into it and shows a join code.</translation>
    </message>
    <message>
      <source>在这台电脑上开启团队服务器</source>
      <translation>Start the team server on this computer</translation>
    </message>
    <message>
      <source>这台电脑正在使用另一台服务器：请先改回本机数据库</source>
      <translation>This computer uses another server: switch back to the local database first</translation>
    </message>
    <message>
      <source>其他电脑：输入团队服务器那台电脑上显示的加入码。</source>
      <translation>On the other computers: type the join code shown on the team server's computer.</translation>
    </message>
    <message>
      <source>例如 7K3QX-9M2PD</source>
      <translation>e.g. 7K3QX-9M2PD</translation>
    </message>
    <message>
      <source>用加入码连接</source>
      <translation>Join with code</translation>
    </message>
    <message>
      <source>请输入加入码。</source>
      <translation>Please type the join code.</translation>
    </message>
    <message>
      <source>这台电脑将成为本店的团队服务器：客服台在数据文件夹里建立一个数据库服务器（只允许店里的局域网连接，密码自动生成），把这台电脑上的全部数据复制过去，然后显示一个加入码，其他电脑输入它就能连接。

这台电脑需要一直开着客服台，其他电脑才能使用。复制前会先备份本机数据。

现在开启吗？</source>
      <translation>This computer becomes the shop's team server: Kefu Desk sets up a database server in the data folder (reachable from the shop's local network only, with a generated password), copies all of this computer's data into it, then shows a join code the other computers type to connect.

The other computers can work only while this computer runs Kefu Desk. This computer's data is backed up before the copy.

Start it now?</translation>
    </message>
    <message>
      <source>正在建立团队服务器…</source>
      <translation>Setting up the team server…</translation>
    </message>
    <message>
      <source>正在把本机数据复制到团队服务器…</source>
      <translation>Copying this computer's data to the team server…</translation>
    </message>
    <message>
      <source>复制失败，团队服务器没有开启，这台电脑继续使用本机数据库：%1</source>
      <translation>The copy failed; the team server was not started and this computer keeps using its local database: %1</translation>
    </message>
    <message>
      <source>团队服务器已在这台电脑上开启。

加入码：%1
本机地址：%2

新电脑第一次打开客服台时点「加入店铺的团队服务器」，已经在用的电脑打开 设置 → 团队服务器，输入这个加入码即可连接。加入码随时可以在这里再看到。</source>
      <translation>The team server is running on this computer.

Join code: %1
This computer's address: %2

On a new computer, click "Join the shop's team server" at its first start; on a computer already in use, open Settings → Team server. Then type this join code. You can see the code here again at any time.</translation>
    </message>
  </context>
  <context>
    <name>TodayView</name>
    <message>
      <source>只看我负责的</source>
      <translation>Only mine</translation>
    </message>
    <message>
      <source>已超时 %1 张</source>
      <translation>Overdue: %1</translation>
    </message>
    <message>
      <source>今天到期 %1 张</source>
      <translation>Due today: %1</translation>
    </message>
    <message>
      <source>待回访 %1 位</source>
      <translation>Return visits: %1</translation>
    </message>
    <message>
      <source>（显示最早的 %1 张）</source>
      <translation> (earliest %1 shown)</translation>
    </message>
    <message>
      <source>今天没有待办的事，辛苦了！</source>
      <translation>Nothing due today. Well done!</translation>
    </message>
    <message>
      <source>超时 %1 · 今天到期 %2 · 回访 %3</source>
      <translation>Overdue %1 · due today %2 · return visits %3</translation>
    </message>
    <message>
      <source>逾期 %1 天</source>
      <translation>%1 days late</translation>
    </message>
    <message>
      <source>今天</source>
      <translation>Today</translation>
    </message>
    <message>
      <source>客户回访</source>
      <translation>Customer return visit</translation>
    </message>
    <message>
      <source>回访买家满意度</source>
      <translation>Ask about satisfaction</translation>
    </message>
    <message>
      <source>跟进：%1</source>
      <translation>Follow up: %1</translation>
    </message>
  </context>
  <context>
    <name>TrashDialog</name>
    <message>
      <source>回收站</source>
      <translation>Trash</translation>
    </message>
    <message>
      <source>称呼</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>手机</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>删除时间</source>
      <translation>Deleted at</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>恢复所选</source>
      <translation>Restore selected</translation>
    </message>
    <message>
      <source>彻底删除所选…</source>
      <translation>Delete selected for good…</translation>
    </message>
    <message>
      <source>删除的客户先放在这里，可以随时恢复。</source>
      <translation>Deleted customers wait here and can be restored at any time.</translation>
    </message>
    <message>
      <source>已合并到 #%1</source>
      <translation>Merged into #%1</translation>
    </message>
    <message>
      <source>已恢复 %1 位客户</source>
      <translation>Restored %1 customer(s)</translation>
    </message>
    <message>
      <source>彻底删除</source>
      <translation>Delete for good</translation>
    </message>
    <message>
      <source>彻底删除 %1 位客户及其联系记录？此操作无法撤销。</source>
      <translation>Delete %1 customer(s) and their contact log for good? This cannot be undone.</translation>
    </message>
  </context>
  <context>
    <name>audit</name>
    <message>
      <source>店主密码记录被删除（日志记录了已设置的密码）：店主功能已锁定，请恢复之前的备份</source>
      <translation>The owner password's record was deleted (the log says a password is set): owner actions are locked; restore an earlier backup</translation>
    </message>
    <message>
      <source>日志完整（已核对 %1 条）</source>
      <translation>Log intact (entries checked: %1)</translation>
    </message>
    <message>
      <source>操作日志</source>
      <translation>Activity log</translation>
    </message>
    <message>
      <source>工单时间线</source>
      <translation>Case timeline</translation>
    </message>
    <message>
      <source>%1在此处断开：%2</source>
      <translation>%1 breaks here: %2</translation>
    </message>
    <message>
      <source>（工单 #%1）</source>
      <translation>(case #%1)</translation>
    </message>
  </context>
  <context>
    <name>backups</name>
    <message>
      <source>启动时</source>
      <translation>At start</translation>
    </message>
    <message>
      <source>每日</source>
      <translation>Daily</translation>
    </message>
    <message>
      <source>手动</source>
      <translation>Manual</translation>
    </message>
    <message>
      <source>导入前</source>
      <translation>Before import</translation>
    </message>
    <message>
      <source>升级前</source>
      <translation>Before upgrade</translation>
    </message>
    <message>
      <source>恢复前</source>
      <translation>Before restore</translation>
    </message>
    <message>
      <source>复制到服务器前</source>
      <translation>Before copying to server</translation>
    </message>
  </context>
  <context>
    <name>cases</name>
    <message>
      <source>热情接待</source>
      <translation>Warm reception</translation>
    </message>
    <message>
      <source>道歉</source>
      <translation>Apology</translation>
    </message>
    <message>
      <source>补救</source>
      <translation>Remedy</translation>
    </message>
    <message>
      <source>跟进</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>已结案</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>（未判断）</source>
      <translation>(not judged)</translation>
    </message>
    <message>
      <source>平静</source>
      <translation>Calm</translation>
    </message>
    <message>
      <source>焦虑</source>
      <translation>Anxious</translation>
    </message>
    <message>
      <source>愤怒</source>
      <translation>Angry</translation>
    </message>
    <message>
      <source>悲伤</source>
      <translation>Sad</translation>
    </message>
    <message>
      <source>喧哗</source>
      <translation>Loud</translation>
    </message>
    <message>
      <source>简单</source>
      <translation>Simple</translation>
    </message>
    <message>
      <source>复杂</source>
      <translation>Complex</translation>
    </message>
    <message>
      <source>退款</source>
      <translation>Refund</translation>
    </message>
    <message>
      <source>换货</source>
      <translation>Exchange</translation>
    </message>
    <message>
      <source>补发</source>
      <translation>Re-ship</translation>
    </message>
    <message>
      <source>维修</source>
      <translation>Repair</translation>
    </message>
    <message>
      <source>优惠券</source>
      <translation>Coupon</translation>
    </message>
    <message>
      <source>小额补偿</source>
      <translation>Small compensation</translation>
    </message>
    <message>
      <source>赠品</source>
      <translation>Gift</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>提议</source>
      <translation>Proposed</translation>
    </message>
    <message>
      <source>已同意</source>
      <translation>Agreed</translation>
    </message>
    <message>
      <source>执行中</source>
      <translation>In progress</translation>
    </message>
    <message>
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>被拒绝</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>接待并道歉</source>
      <translation>Receive and apologise</translation>
    </message>
    <message>
      <source>提出补救方案</source>
      <translation>Propose a remedy</translation>
    </message>
    <message>
      <source>告知处理结果</source>
      <translation>Report the result</translation>
    </message>
    <message>
      <source>按约定跟进</source>
      <translation>Follow up as promised</translation>
    </message>
    <message>
      <source>客户</source>
      <translation>Customer</translation>
    </message>
    <message>
      <source>订单号</source>
      <translation>Order no.</translation>
    </message>
    <message>
      <source>商品</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>渠道</source>
      <translation>Channel</translation>
    </message>
    <message>
      <source>问题分类</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>问题描述</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>买家情绪</source>
      <translation>Buyer's mood</translation>
    </message>
    <message>
      <source>投诉类型</source>
      <translation>Complaint profile</translation>
    </message>
    <message>
      <source>严重程度</source>
      <translation>Severity</translation>
    </message>
    <message>
      <source>负责客服</source>
      <translation>Staff in charge</translation>
    </message>
    <message>
      <source>%1 元</source>
      <translation>%1 yuan</translation>
    </message>
    <message>
      <source>已超时</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>今天到期</source>
      <translation>Due today</translation>
    </message>
    <message>
      <source>超时 %1 分钟</source>
      <translation>%1 min overdue</translation>
    </message>
    <message>
      <source>超时 %1 小时</source>
      <translation>%1 h overdue</translation>
    </message>
    <message>
      <source>超时 %1 天</source>
      <translation>%1 d overdue</translation>
    </message>
    <message>
      <source>首次明确答复时限</source>
      <translation>Time to a clear first answer</translation>
    </message>
    <message>
      <source>接待道歉时限</source>
      <translation>Time to receive and apologise</translation>
    </message>
    <message>
      <source>告知结果时限</source>
      <translation>Time to tell the result</translation>
    </message>
  </context>
  <context>
    <name>categories</name>
    <message>
      <source>质量问题</source>
      <translation>Quality problem</translation>
    </message>
    <message>
      <source>物流延误</source>
      <translation>Shipping delay</translation>
    </message>
    <message>
      <source>少件漏发</source>
      <translation>Missing item</translation>
    </message>
    <message>
      <source>错发</source>
      <translation>Wrong item sent</translation>
    </message>
    <message>
      <source>尺码不符</source>
      <translation>Wrong size</translation>
    </message>
    <message>
      <source>色差</source>
      <translation>Colour differs</translation>
    </message>
    <message>
      <source>破损</source>
      <translation>Damaged</translation>
    </message>
    <message>
      <source>服务态度</source>
      <translation>Service attitude</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
  </context>
  <context>
    <name>channels</name>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>微信</source>
      <translation>WeChat</translation>
    </message>
    <message>
      <source>旺旺/千牛</source>
      <translation>Wangwang/Qianniu</translation>
    </message>
    <message>
      <source>QQ</source>
      <translation>QQ</translation>
    </message>
    <message>
      <source>短信</source>
      <translation>Text message</translation>
    </message>
    <message>
      <source>平台消息</source>
      <translation>Platform message</translation>
    </message>
    <message>
      <source>上门</source>
      <translation>In person</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
  </context>
  <context>
    <name>checklist</name>
    <message>
      <source>比售前更热情地接待，第一时间回复</source>
      <translation>Be even warmer than before the sale; answer at once</translation>
    </message>
    <message>
      <source>记下买家称呼、订单号、商品</source>
      <translation>Write down the buyer's name, the order and the product</translation>
    </message>
    <message>
      <source>耐心听完，不急于下结论</source>
      <translation>Listen fully before judging</translation>
    </message>
    <message>
      <source>向买家复述问题并得到确认</source>
      <translation>Restate the problem and get the buyer's confirmation</translation>
    </message>
    <message>
      <source>不论原因，先真诚道歉</source>
      <translation>Apologise sincerely, whatever the cause</translation>
    </message>
    <message>
      <source>先安抚情绪（愤怒、焦虑、悲伤、喧哗）</source>
      <translation>Calm the emotion first (angry, anxious, sad, loud)</translation>
    </message>
    <message>
      <source>用“您”和“我们”，不说推脱的话</source>
      <translation>Say 您 and 我们; no blocking phrases</translation>
    </message>
    <message>
      <source>尽快提出具体的补救方案</source>
      <translation>Propose a concrete remedy quickly</translation>
    </message>
    <message>
      <source>说清楚方案内容：退款、换货、补发、维修、优惠券、补偿或赠品</source>
      <translation>Say exactly what it is: refund, exchange, re-ship, repair, coupon, compensation or gift</translation>
    </message>
    <message>
      <source>买家同意方案</source>
      <translation>The buyer accepts the remedy</translation>
    </message>
    <message>
      <source>告诉买家处理进度和明确的时间点</source>
      <translation>Tell the buyer the progress with a clear time</translation>
    </message>
    <message>
      <source>处理完成后确认结果</source>
      <translation>Check the result once done</translation>
    </message>
    <message>
      <source>回访满意度，感谢买家，维护关系</source>
      <translation>Visit back for satisfaction, thank the buyer, keep the relationship</translation>
    </message>
    <message>
      <source>买家确认满意</source>
      <translation>The buyer confirms they are satisfied</translation>
    </message>
    <message>
      <source>把原因反馈给店铺，改善缺点、预防再犯</source>
      <translation>Take the cause back to the shop so it does not happen again</translation>
    </message>
  </context>
  <context>
    <name>customer types</name>
    <message>
      <source>新客户</source>
      <translation>New customer</translation>
    </message>
    <message>
      <source>老客户</source>
      <translation>Regular customer</translation>
    </message>
    <message>
      <source>VIP</source>
      <translation>VIP</translation>
    </message>
    <message>
      <source>黑名单</source>
      <translation>Blacklist</translation>
    </message>
  </context>
  <context>
    <name>customers</name>
    <message>
      <source>用户感知型</source>
      <translation>Wants to be heard</translation>
    </message>
    <message>
      <source>解决问题型</source>
      <translation>Wants it fixed</translation>
    </message>
    <message>
      <source>刁难纠缠型</source>
      <translation>Persistent / demanding</translation>
    </message>
    <message>
      <source>（未判断）</source>
      <translation>(not judged)</translation>
    </message>
    <message>
      <source>称呼</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>手机</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>微信</source>
      <translation>WeChat</translation>
    </message>
    <message>
      <source>QQ</source>
      <translation>QQ</translation>
    </message>
    <message>
      <source>平台</source>
      <translation>Platform</translation>
    </message>
    <message>
      <source>平台账号</source>
      <translation>Platform account</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>投诉类型</source>
      <translation>Complaint profile</translation>
    </message>
    <message>
      <source>标签</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>负责客服</source>
      <translation>Staff in charge</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>下次回访</source>
      <translation>Next return visit</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>出现了意外错误，刚才的操作可能没有完成。已经保存的数据不受影响。

%1</source>
      <translation>An unexpected error occurred; the last action may not have finished. Data saved before is not affected.

%1</translation>
    </message>
    <message>
      <source>另外还有 %1 条提示：</source>
      <translation>%1 more messages:</translation>
    </message>
    <message>
      <source>客服台</source>
      <translation>Kefu Desk</translation>
    </message>
    <message>
      <source>磁盘空间已满。</source>
      <translation>The disk is full. </translation>
    </message>
    <message>
      <source>数据文件夹是只读的或没有写入权限。</source>
      <translation>The data folder is read-only or cannot be written. </translation>
    </message>
    <message>
      <source>数据文件正被其他程序占用（例如杀毒软件或同步盘）。</source>
      <translation>The data file is held by another program (e.g. antivirus or a sync folder). </translation>
    </message>
    <message>
      <source>数据库正被其他程序占用，等了几秒仍未释放。</source>
      <translation>Another program holds the database and did not let go within a few seconds. </translation>
    </message>
    <message>
      <source>与团队服务器的连接断开了（服务器关机、重启或网络中断）。</source>
      <translation>The connection to the team server was lost (the server was shut down or restarted, or the network dropped). </translation>
    </message>
    <message>
      <source>数据库文件已损坏。</source>
      <translation>The database file is damaged. </translation>
    </message>
    <message>
      <source>数据文件夹的路径太长，系统拒绝写入。</source>
      <translation>The data folder's path is too long; the system refused to write. </translation>
    </message>
    <message>
      <source>团队服务器没有及时回应。</source>
      <translation>The team server did not answer in time. </translation>
    </message>
    <message>
      <source>团队服务器的连接数已满。</source>
      <translation>The team server has no free connections. </translation>
    </message>
    <message>
      <source>服务器上的这个用户没有需要的权限。</source>
      <translation>This user lacks the rights it needs on the server. </translation>
    </message>
    <message>
      <source>请清理磁盘空间（或把数据文件夹移到空间更大的磁盘）后重试。</source>
      <translation>Free some disk space (or move the data folder to a larger disk) and try again.</translation>
    </message>
    <message>
      <source>请检查文件夹权限，或用 --data-dir 指定一个可写的文件夹。</source>
      <translation>Check the folder's permissions, or choose a writable folder with --data-dir.</translation>
    </message>
    <message>
      <source>请稍后重试。</source>
      <translation>Please try again in a moment.</translation>
    </message>
    <message>
      <source>请关闭其他正在使用客服台数据的程序后重试。</source>
      <translation>Close other programs using Kefu Desk's data and try again.</translation>
    </message>
    <message>
      <source>请检查网络和服务器电脑；服务器恢复后再试一次（连接会自动重新建立）。</source>
      <translation>Check the network and the server computer; try again once the server is back (the connection is re-established by itself).</translation>
    </message>
    <message>
      <source>请关闭客服台后重新打开，程序会提供从最近的完好备份恢复。</source>
      <translation>Close and reopen Kefu Desk; it will offer to restore the newest good backup.</translation>
    </message>
    <message>
      <source>请把数据文件夹放到路径较短的位置（--data-dir）。</source>
      <translation>Put the data folder at a shorter path (--data-dir).</translation>
    </message>
    <message>
      <source>请稍后再试；一直这样时，请检查网络和服务器电脑。</source>
      <translation>Try again in a moment; if it keeps happening, check the network and the server computer.</translation>
    </message>
    <message>
      <source>请稍后再试，或请管理员调高服务器的 max_connections。</source>
      <translation>Try again in a moment, or ask the administrator to raise the server's max_connections.</translation>
    </message>
    <message>
      <source>请让管理员给这个用户授予本店数据库的全部权限。</source>
      <translation>Ask the administrator to grant this user all rights on the shop's database.</translation>
    </message>
    <message>
      <source>刚才的修改没有保存，已经保存的数据不受影响。</source>
      <translation>Your last change was not saved; data saved before is not affected. </translation>
    </message>
    <message>
      <source>搜索没有完成，数据没有任何改动。</source>
      <translation>The search did not finish; no data was changed. </translation>
    </message>
    <message>
      <source>列表暂时没有更新，数据没有任何改动。</source>
      <translation>The list was not updated for now; no data was changed. </translation>
    </message>
    <message>
      <source>导入没有完成，数据没有改动（一次导入要么全部写入，要么一行也不写）。</source>
      <translation>The import did not finish and no data was changed (an import writes all its rows or none). </translation>
    </message>
    <message>
      <source>导出没有完成，没有写出文件。</source>
      <translation>The export did not finish; no file was written. </translation>
    </message>
    <message>
      <source>这次备份没有完成，已有的备份不受影响。</source>
      <translation>This backup did not finish; existing backups are not affected. </translation>
    </message>
    <message>
      <source>刚才的操作没有完成，已经保存的数据不受影响。</source>
      <translation>The last action did not finish; data saved before is not affected. </translation>
    </message>
    <message>
      <source>服务器还没有允许这台电脑连接：请在服务器电脑上，把这台电脑所在的网段加入 PostgreSQL 的 pg_hba.conf（例如一行 host all all 192.168.1.0/24 scram-sha-256），然后重新加载服务器的设置（或重启服务器），再点一次「测试连接」。</source>
      <translation>The server does not accept this computer yet: on the server computer, add this computer's network to PostgreSQL's pg_hba.conf (e.g. a line host all all 192.168.1.0/24 scram-sha-256), reload the server's settings (or restart the server), then click "Test connection" again.</translation>
    </message>
    <message>
      <source>用户名或密码不对（用户 %4）：请核对大小写后重新填写；忘记密码时，请在服务器电脑上重新设置这个用户的密码。</source>
      <translation>The user name or password is wrong (user %4): check upper and lower case and type them again; if the password is forgotten, set a new one for this user on the server computer.</translation>
    </message>
    <message>
      <source>服务器上没有名为 %3 的数据库：请检查数据库名的拼写，或先在服务器上创建它（createdb %3）。</source>
      <translation>The server has no database named %3: check the spelling of the database name, or create it on the server first (createdb %3).</translation>
    </message>
    <message>
      <source>服务器 %1 的端口 %2 没有在接受连接：请确认服务器电脑上的 PostgreSQL 已经启动、端口号没有填错，并且它在监听局域网地址（postgresql.conf 里 listen_addresses = '*'）。</source>
      <translation>Nothing accepts connections on port %2 of the server %1: check that PostgreSQL is running on the server computer, that the port number is right, and that it listens on the local network (listen_addresses = '*' in postgresql.conf).</translation>
    </message>
    <message>
      <source>从这台电脑连不到服务器的地址 %1：请确认两台电脑连在同一个网络（同一个路由器或 Wi-Fi），并检查地址有没有填错（服务器电脑上可以查到它的 IP 地址，例如 192.168.1.20）。</source>
      <translation>The server's address %1 cannot be reached from this computer: check that both computers are on the same network (the same router or Wi-Fi) and that the address is right (the server computer shows its IP address, e.g. 192.168.1.20).</translation>
    </message>
    <message>
      <source>找不到名为 %1 的电脑：请检查服务器地址的拼写，或改填服务器电脑的 IP 地址（例如 192.168.1.20）。</source>
      <translation>No computer named %1 was found: check the spelling of the server address, or enter the server computer's IP address instead (e.g. 192.168.1.20).</translation>
    </message>
    <message>
      <source>服务器 %1 没有回应：服务器电脑可能关着，或它的防火墙挡住了端口 %2。请打开服务器电脑，并在它的防火墙里允许端口 %2（PostgreSQL）的连接。</source>
      <translation>The server %1 does not answer: the server computer may be off, or its firewall blocks port %2. Turn the server computer on and allow connections to port %2 (PostgreSQL) in its firewall.</translation>
    </message>
    <message>
      <source>服务器的连接数已满：请关掉不用的客服台窗口后再试，或请管理员调高 max_connections。</source>
      <translation>The server has no free connections: close Kefu Desk windows that are not in use and try again, or ask the administrator to raise max_connections.</translation>
    </message>
    <message>
      <source>用户 %4 没有使用数据库 %3 的权限：请在服务器上给这个用户授予这个数据库的全部权限。</source>
      <translation>User %4 has no rights on the database %3: on the server, grant this user all rights on this database.</translation>
    </message>
    <message>
      <source>连不上服务器 %1：请检查地址和端口、服务器电脑是否开着、网络是否通。</source>
      <translation>Cannot connect to the server %1: check the address and port, that the server computer is on, and that the network works.</translation>
    </message>
    <message>
      <source>无法使用这个服务器（%1）。</source>
      <translation>This server cannot be used (%1).</translation>
    </message>
    <message>
      <source>服务器 %1 上还没有店铺的数据：请先在店里第一台电脑上打开「设置 → 团队服务器」，把那台电脑的数据复制到服务器，再来加入。</source>
      <translation>The server %1 does not hold a shop's data yet: first, on the shop's first computer, open Settings → Team server and copy that computer's data to the server, then join.</translation>
    </message>
    <message>
      <source>加入码应是 %1 个字母和数字（例如 %2），请对照团队服务器那台电脑上显示的加入码重新输入。</source>
      <translation>A join code is %1 letters and digits (e.g. %2). Please type it again as shown on the team server computer.</translation>
    </message>
    <message>
      <source>连不上 %1：请确认那台电脑开着客服台，并且和这台电脑在同一个网络上（%2）。</source>
      <translation>Cannot reach %1: make sure Kefu Desk is open on that computer and that it is on the same network as this one (%2).</translation>
    </message>
    <message>
      <source>%1 上的团队服务器没有正常回答，请稍后再试（%2）。</source>
      <translation>The team server on %1 did not answer properly. Please try again later (%2).</translation>
    </message>
    <message>
      <source>加入码试错太多次，已经停用。团队服务器那台电脑上现在显示一个新的加入码，请输入新的加入码。</source>
      <translation>Too many wrong tries: this join code no longer works. The team server computer now shows a new join code; please enter the new one.</translation>
    </message>
    <message>
      <source>加入码不对（还可以再试 %1 次）。请对照团队服务器那台电脑上显示的加入码重新输入。</source>
      <translation>Wrong join code (%1 tries left). Please type it again as shown on the team server computer.</translation>
    </message>
    <message>
      <source>%1 上的团队服务器没有正常回答，请稍后再试。</source>
      <translation>The team server on %1 did not answer properly. Please try again later.</translation>
    </message>
    <message>
      <source>%1 的回答无法验证，没有使用。请在团队服务器那台电脑上确认地址后再试。</source>
      <translation>The answer from %1 could not be verified and was not used. Please check the address on the team server computer and try again.</translation>
    </message>
    <message>
      <source>在这个网络上没有找到开着团队服务器的电脑。请确认那台电脑开着客服台，两台电脑连着同一个路由器或 Wi-Fi；也可以在加入码后面加上那台电脑的地址，例如 7K3QX-9M2PD@192.168.1.20（地址显示在加入码旁边）。</source>
      <translation>No computer running a team server was found on this network. Make sure Kefu Desk is open on that computer and that both computers are on the same router or Wi-Fi; you can also add that computer's address after the code, e.g. 7K3QX-9M2PD@192.168.1.20 (the address is shown next to the code).</translation>
    </message>
  </context>
  <context>
    <name>orders</name>
    <message>
      <source>淘宝</source>
      <translation>Taobao</translation>
    </message>
    <message>
      <source>拼多多</source>
      <translation>Pinduoduo</translation>
    </message>
    <message>
      <source>抖音</source>
      <translation>Douyin</translation>
    </message>
    <message>
      <source>微信小店</source>
      <translation>WeChat Shop</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>订单信息取自该客户最近一笔订单：%1</source>
      <translation>Order details are from this customer's latest order: %1</translation>
    </message>
  </context>
  <context>
    <name>placeholders</name>
    <message>
      <source>称呼</source>
      <translation>Greeting name</translation>
    </message>
    <message>
      <source>客户名</source>
      <translation>Customer name</translation>
    </message>
    <message>
      <source>买家账号</source>
      <translation>Buyer account</translation>
    </message>
    <message>
      <source>平台</source>
      <translation>Platform</translation>
    </message>
    <message>
      <source>手机尾号</source>
      <translation>Phone ending</translation>
    </message>
    <message>
      <source>店铺名</source>
      <translation>Shop name</translation>
    </message>
    <message>
      <source>客服名</source>
      <translation>Agent name</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>星期</source>
      <translation>Weekday</translation>
    </message>
    <message>
      <source>订单号</source>
      <translation>Order number</translation>
    </message>
    <message>
      <source>商品</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>时限</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>快递公司</source>
      <translation>Courier</translation>
    </message>
    <message>
      <source>快递单号</source>
      <translation>Tracking number</translation>
    </message>
    <message>
      <source>收货地址</source>
      <translation>Delivery address</translation>
    </message>
    <message>
      <source>下单时间</source>
      <translation>Order time</translation>
    </message>
  </context>
  <context>
    <name>platforms</name>
    <message>
      <source>淘宝/天猫</source>
      <translation>Taobao/Tmall</translation>
    </message>
    <message>
      <source>拼多多</source>
      <translation>Pinduoduo</translation>
    </message>
    <message>
      <source>抖音</source>
      <translation>Douyin</translation>
    </message>
    <message>
      <source>京东</source>
      <translation>JD.com</translation>
    </message>
    <message>
      <source>快手</source>
      <translation>Kuaishou</translation>
    </message>
    <message>
      <source>小红书</source>
      <translation>Xiaohongshu</translation>
    </message>
    <message>
      <source>微信小店</source>
      <translation>WeChat shop</translation>
    </message>
    <message>
      <source>闲鱼</source>
      <translation>Xianyu</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
  </context>
  <context>
    <name>reports</name>
    <message>
      <source>%1 至 %2</source>
      <translation>%1 to %2</translation>
    </message>
    <message>
      <source>暂无数据</source>
      <translation>No data yet</translation>
    </message>
    <message>
      <source>投诉到结案</source>
      <translation>Complaint to closure</translation>
    </message>
    <message>
      <source>新建工单</source>
      <translation>Cases opened</translation>
    </message>
    <message>
      <source>结案工单</source>
      <translation>Cases closed</translation>
    </message>
    <message>
      <source>处理中工单</source>
      <translation>Open cases</translation>
    </message>
    <message>
      <source>当前超时</source>
      <translation>Overdue now</translation>
    </message>
    <message>
      <source>首次答复及时率（%）</source>
      <translation>First answer on time (%)</translation>
    </message>
    <message>
      <source>首次答复及时 / 应答复</source>
      <translation>First answers on time / due</translation>
    </message>
    <message>
      <source>平均满意度（分）</source>
      <translation>Average satisfaction</translation>
    </message>
    <message>
      <source>退款金额（元）</source>
      <translation>Refunded (yuan)</translation>
    </message>
    <message>
      <source>补偿金额（元）</source>
      <translation>Compensated (yuan)</translation>
    </message>
    <message>
      <source>回访 已完成 / 应回访</source>
      <translation>Return visits done / due</translation>
    </message>
    <message>
      <source>工单数</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>概览</source>
      <translation>Overview</translation>
    </message>
    <message>
      <source>指标</source>
      <translation>Figure</translation>
    </message>
    <message>
      <source>订单数</source>
      <translation>Orders</translation>
    </message>
    <message>
      <source>下单客户</source>
      <translation>Buyers</translation>
    </message>
    <message>
      <source>其中回头客（累计 2 单及以上）</source>
      <translation>Of them repeat buyers (2+ orders so far)</translation>
    </message>
    <message>
      <source>复购率（%）</source>
      <translation>Repeat-purchase rate (%)</translation>
    </message>
    <message>
      <source>每百单工单</source>
      <translation>Cases per 100 orders</translation>
    </message>
    <message>
      <source>每百单退款</source>
      <translation>Refunds per 100 orders</translation>
    </message>
    <message>
      <source>订单与复购</source>
      <translation>Orders and repeat purchases</translation>
    </message>
    <message>
      <source>数值</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>商品售后（每百单）</source>
      <translation>After-sales per product (per 100 orders)</translation>
    </message>
    <message>
      <source>退款数</source>
      <translation>Refunds</translation>
    </message>
    <message>
      <source>每日新建与结案</source>
      <translation>Opened and closed per day</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>新建</source>
      <translation>Opened</translation>
    </message>
    <message>
      <source>结案</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>处理中工单（按阶段）</source>
      <translation>Open cases by stage</translation>
    </message>
    <message>
      <source>阶段</source>
      <translation>Stage</translation>
    </message>
    <message>
      <source>各环节用时（小时）</source>
      <translation>Time per step (hours)</translation>
    </message>
    <message>
      <source>环节</source>
      <translation>Step</translation>
    </message>
    <message>
      <source>平均</source>
      <translation>Average</translation>
    </message>
    <message>
      <source>满意度分布</source>
      <translation>Satisfaction</translation>
    </message>
    <message>
      <source>满意度</source>
      <translation>Rating</translation>
    </message>
    <message>
      <source>%1 分</source>
      <translation>%1 of 5</translation>
    </message>
    <message>
      <source>问题分类 Top 10</source>
      <translation>Top 10 categories</translation>
    </message>
    <message>
      <source>问题分类</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>商品 Top 10</source>
      <translation>Top 10 products</translation>
    </message>
    <message>
      <source>商品</source>
      <translation>Product</translation>
    </message>
    <message>
      <source>未填商品</source>
      <translation>(no product)</translation>
    </message>
    <message>
      <source>补救方式</source>
      <translation>Remedies</translation>
    </message>
    <message>
      <source>次数</source>
      <translation>Times</translation>
    </message>
    <message>
      <source>金额（元，已同意及以后）</source>
      <translation>Agreed amount (yuan)</translation>
    </message>
    <message>
      <source>客服</source>
      <translation>Staff</translation>
    </message>
    <message>
      <source>处理工单</source>
      <translation>Cases handled</translation>
    </message>
    <message>
      <source>平均满意度</source>
      <translation>Average satisfaction</translation>
    </message>
    <message>
      <source>评分数</source>
      <translation>Ratings</translation>
    </message>
    <message>
      <source>回访</source>
      <translation>Return visits</translation>
    </message>
    <message>
      <source>数量</source>
      <translation>Count</translation>
    </message>
    <message>
      <source>应回访</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>逾期未做</source>
      <translation>Overdue, not done</translation>
    </message>
    <message>
      <source>无法写入 PDF 文件 %1（文件被占用或没有写入权限）</source>
      <translation>Cannot write the PDF file %1 (it is in use or the folder is not writable)</translation>
    </message>
    <message>
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
  </context>
  <context>
    <name>security</name>
    <message>
      <source>删除客户</source>
      <translation>Delete customer</translation>
    </message>
    <message>
      <source>彻底删除</source>
      <translation>Delete for good</translation>
    </message>
    <message>
      <source>导出全部数据</source>
      <translation>Export all data</translation>
    </message>
    <message>
      <source>导出当前列表</source>
      <translation>Export the current list</translation>
    </message>
    <message>
      <source>导入时更新已有客户</source>
      <translation>Update existing customers by import</translation>
    </message>
    <message>
      <source>恢复备份</source>
      <translation>Restore a backup</translation>
    </message>
    <message>
      <source>修改设置</source>
      <translation>Change settings</translation>
    </message>
    <message>
      <source>修改禁语</source>
      <translation>Edit forbidden phrases</translation>
    </message>
    <message>
      <source>查看操作日志</source>
      <translation>View the activity log</translation>
    </message>
    <message>
      <source>需要店主密码</source>
      <translation>Owner password needed</translation>
    </message>
    <message>
      <source>“%1”需要店主确认，请输入店主密码：</source>
      <translation>“%1” needs the owner. Please enter the owner password:</translation>
    </message>
  </context>
  <context>
    <name>snippets</name>
    <message>
      <source>禁语</source>
      <translation>Forbidden</translation>
    </message>
    <message>
      <source>慎用</source>
      <translation>Caution</translation>
    </message>
    <message>
      <source>推诿</source>
      <translation>Passing the buck</translation>
    </message>
    <message>
      <source>指责</source>
      <translation>Blaming</translation>
    </message>
    <message>
      <source>拒绝</source>
      <translation>Refusing</translation>
    </message>
    <message>
      <source>不耐烦</source>
      <translation>Impatience</translation>
    </message>
    <message>
      <source>绝对承诺</source>
      <translation>Absolute promise</translation>
    </message>
    <message>
      <source>拖延</source>
      <translation>Putting off</translation>
    </message>
    <message>
      <source>反驳</source>
      <translation>Contradicting</translation>
    </message>
    <message>
      <source>转折</source>
      <translation>Taking it back (but)</translation>
    </message>
  </context>
  <context>
    <name>startup</name>
    <message>
      <source>客服台已经在使用这个数据文件夹：
%1
请切换到已打开的窗口。如果刚刚异常退出，请稍候几秒再试。</source>
      <translation>Kefu Desk is already using this data folder:
%1
Please switch to the open window. If it has just quit unexpectedly, wait a few seconds and try again.</translation>
    </message>
    <message>
      <source>没有找到完好的备份。请不要删除数据文件夹，联系技术支持：
%1</source>
      <translation>No intact backup was found. Please do not delete the data folder; contact support:
%1</translation>
    </message>
    <message>
      <source>可以从最近一份完好的备份恢复（%1）。损坏的文件会保留在数据文件夹中，不会删除。

现在恢复吗？</source>
      <translation>The newest intact backup (%1) can be restored. The damaged file stays in the data folder; nothing is deleted.

Restore now?</translation>
    </message>
    <message>
      <source>备份在：%1</source>
      <translation>Backups are in: %1</translation>
    </message>
    <message>
      <source>无法打开团队服务器的数据库。</source>
      <translation>Cannot open the team server's database.</translation>
    </message>
    <message>
      <source>重试</source>
      <translation>Retry</translation>
    </message>
    <message>
      <source>改用本机数据库</source>
      <translation>Use this computer's database</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>本机数据库里是改用服务器之前的数据，在本机录入的内容不会自动进入服务器。服务器的连接设置会保留：以后在「设置 → 团队服务器」里点「重新连接团队服务器」即可。

改用本机数据库吗？</source>
      <translation>The local database holds the data from before the switch to the server; what is entered here does not reach the server by itself. The server's connection settings are kept: later, click "Reconnect to the team server" under Settings → Team server.

Use the local database?</translation>
    </message>
  </context>
  <context>
    <name>storage</name>
    <message>
      <source>这个数据库由更新版本的客服台写入（数据库版本 %1，本程序只认识到 %2）。请更新程序。</source>
      <translation>This database was written by a newer version of Kefu Desk (schema %1; this program knows up to %2). Please update the program.</translation>
    </message>
  </context>
  <context>
    <name>timeline</name>
    <message>
      <source>新建工单（{customer}）{summary}</source>
      <translation>New case ({customer}) {summary}</translation>
    </message>
    <message>
      <source>修改：{changes}</source>
      <translation>Edited: {changes}</translation>
    </message>
    <message>
      <source>{field} {old} → {new}</source>
      <translation>{field} {old} → {new}</translation>
    </message>
    <message>
      <source>“{text}”</source>
      <translation>"{text}"</translation>
    </message>
    <message>
      <source>空</source>
      <translation>empty</translation>
    </message>
    <message>
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <source>{from_stage} → {to_stage}</source>
      <translation>{from_stage} → {to_stage}</translation>
    </message>
    <message>
      <source>重新打开，回到“{stage}”</source>
      <translation>Reopened, back to "{stage}"</translation>
    </message>
    <message>
      <source>原因：{text}</source>
      <translation>Reason: {text}</translation>
    </message>
    <message>
      <source>跳过 {stages}，原因：{reason}</source>
      <translation>Skipped {stages}, reason: {reason}</translation>
    </message>
    <message>
      <source>满意度 {score} 分</source>
      <translation>Satisfaction {score}/5</translation>
    </message>
    <message>
      <source>改善措施：{text}</source>
      <translation>Improvement: {text}</translation>
    </message>
    <message>
      <source>{date} 回访</source>
      <translation>Return visit on {date}</translation>
    </message>
    <message>
      <source>备注：{text}</source>
      <translation>Note: {text}</translation>
    </message>
    <message>
      <source>补救方案：{remedy}</source>
      <translation>Remedy: {remedy}</translation>
    </message>
    <message>
      <source>补救方案更新：{remedy}（原为“{old}”）</source>
      <translation>Remedy updated: {remedy} (was "{old}")</translation>
    </message>
    <message>
      <source>约定 {when} 跟进：{text}</source>
      <translation>Follow-up promised for {when}: {text}</translation>
    </message>
    <message>
      <source>已跟进：{text}</source>
      <translation>Followed up: {text}</translation>
    </message>
    <message>
      <source>已跟进：{text}；{note}</source>
      <translation>Followed up: {text}; {note}</translation>
    </message>
    <message>
      <source>完成回访</source>
      <translation>Return visit done</translation>
    </message>
    <message>
      <source>完成回访：{note}</source>
      <translation>Return visit done: {note}</translation>
    </message>
    <message>
      <source>{amount} 元</source>
      <translation>¥{amount}</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
  </context>
  <context>
    <name>unlock</name>
    <message>
      <source>打开加密数据</source>
      <translation>Open encrypted data</translation>
    </message>
    <message>
      <source>%1 已加密，这台电脑上没有它的密钥。
请输入店主密码或恢复密钥：</source>
      <translation>%1 is encrypted and this computer does not have its key.
Enter the owner password or the recovery key:</translation>
    </message>
  </context>
</TS>