<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsPage</name>
    <message>
        <source>账户名</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>显示名称</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>停用时间</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>添加账户…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <source>修改角色…</source>
        <translation>Change roles…</translation>
    </message>
    <message>
        <source>重置口令…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>管理员只管理账户，看不到专家信息。一个账户可兼任秘书、监督员、审批人；审计员和管理员不兼任其他角色（SEPARATION）。停用的账户不能再登录，其审计记录保留。</source>
        <translation>The administrator manages accounts only and sees no expert data. One account may be secretary, supervisor and approver at once; an auditor or an administrator holds no other role (SEPARATION). A disabled account can no longer sign in; its audit entries stay.</translation>
    </message>
    <message>
        <source>共 {0} 个账户，其中停用 {1} 个</source>
        <translation>{0} accounts, {1} of them disabled</translation>
    </message>
    <message>
        <source>停用账户</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>停用账户 {0}（{1}）？停用后不能再登录，已在使用中的登录在锁定或注销后失效。</source>
        <translation>Disable account {0} ({1})? It can no longer sign in; a session already signed in ends at its next lock or sign-out.</translation>
    </message>
    <message>
        <source>未能停用账户</source>
        <translation>Could not disable the account</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>添加账户</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>如 王芳；不填则同账户名</source>
        <translation>e.g. Wang Fang; empty: the account name</translation>
    </message>
    <message>
        <source>账户名</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>显示名称</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>初始口令（至少 8 个字符）</source>
        <translation>Initial password (at least 8 characters)</translation>
    </message>
</context>
<context>
    <name>AfterReviewStep</name>
    <message>
        <source>专家姓名</source>
        <translation>expert&apos;s name</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>employer</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>电话号码</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>不能发给申报单位的内容</source>
        <translation>What cannot go to the applicant</translation>
    </message>
    <message>
        <source>修改所选意见…</source>
        <translation>Correct the selected opinion…</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>评审行为</source>
        <translation>Conduct</translation>
    </message>
    <message>
        <source>评价分</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>按所示登记所选专家的评审行为</source>
        <translation>Record the selected expert&apos;s conduct as shown</translation>
    </message>
    <message>
        <source>修改所选专家的评审行为…</source>
        <translation>Edit the selected expert&apos;s conduct…</translation>
    </message>
    <message>
        <source>关闭评审轮次</source>
        <translation>Close the round</translation>
    </message>
    <message>
        <source>需要修改的专家意见（结果通知书生成前）</source>
        <translation>Opinions to correct (before the outcome notices)</translation>
    </message>
    <message>
        <source>结果通知书（每个项目一份，意见匿名，附申诉期限）</source>
        <translation>Outcome notices (one per application, opinions anonymised, with the appeal deadline)</translation>
    </message>
    <message>
        <source>专家评审行为（评审后2个工作日内登记）</source>
        <translation>Experts&apos; conduct (to be recorded within 2 working days of the review)</translation>
    </message>
    <message>
        <source>评审结果审批后，在这里修改意见、登记专家评审行为并关闭轮次。</source>
        <translation>Once the results are approved, correct opinions, record the experts&apos; conduct and close the round here.</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>公示名单尚未确认（公示期满且异议均已答复后确认）</source>
        <translation>the publicity list is not final yet (made final once the period has ended and every objection is answered)</translation>
    </message>
    <message>
        <source>还有{0}条异议未答复</source>
        <translation>{0} objection(s) still unanswered</translation>
    </message>
    <message>
        <source>还有{0}位专家未登记评审行为：{1}</source>
        <translation>{0} expert(s) without recorded conduct: {1}</translation>
    </message>
    <message>
        <source>{0}“{1}”</source>
        <translation>{0} “{1}”</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>未登记（预填）</source>
        <translation>Not recorded (prefilled)</translation>
    </message>
    <message>
        <source>本轮已关闭，只能查看。</source>
        <translation>This round is closed and can only be viewed.</translation>
    </message>
    <message>
        <source>关闭前还需：{0}</source>
        <translation>Before closing: {0}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>公示、异议和专家评审行为均已完成，可以关闭本轮。</source>
        <translation>Publicity, objections and the experts&apos; conduct are done: the round can be closed.</translation>
    </message>
    <message>
        <source>修改专家意见</source>
        <translation>Correct an expert opinion</translation>
    </message>
    <message>
        <source>删去可识别专家的内容后的意见（原文保留在记录中）：</source>
        <translation>The opinion without what identifies anyone (the original stays on record):</translation>
    </message>
    <message>
        <source>无法修改意见</source>
        <translation>Cannot correct the opinion</translation>
    </message>
    <message>
        <source>无法登记评审行为</source>
        <translation>Cannot record the conduct</translation>
    </message>
    <message>
        <source>无法关闭评审轮次</source>
        <translation>Cannot close the round</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>异议成立</source>
        <translation>Objection upheld</translation>
    </message>
    <message>
        <source>异议不成立</source>
        <translation>Objection dismissed</translation>
    </message>
    <message>
        <source>答复异议</source>
        <translation>Answer an objection</translation>
    </message>
    <message>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>答复日期</source>
        <translation>Answered on</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <source>登记申诉或复核申请</source>
        <translation>Record an appeal or review request</translation>
    </message>
    <message>
        <source>申诉（针对评审结果）</source>
        <translation>Appeal (against a review result)</translation>
    </message>
    <message>
        <source>复核申请（针对失信行为记录）</source>
        <translation>Review request (against a misconduct record)</translation>
    </message>
    <message>
        <source>项目编号</source>
        <translation>Application number</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>评审轮次编号</source>
        <translation>Review round number</translation>
    </message>
    <message>
        <source>失信行为记录编号</source>
        <translation>Misconduct record number</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Appellant</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>申请事项</source>
        <translation>Request</translation>
    </message>
</context>
<context>
    <name>AppealsPage</name>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Appellant</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>受理决定期限</source>
        <translation>Acceptance due</translation>
    </message>
    <message>
        <source>处理决定期限</source>
        <translation>Decision due</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>登记申诉或复核申请…</source>
        <translation>Record an appeal or review request…</translation>
    </message>
    <message>
        <source>予以受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不予受理…</source>
        <translation>Not accepted…</translation>
    </message>
    <message>
        <source>作出处理决定…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <source>延长处理期限…</source>
        <translation>Extend the decision deadline…</translation>
    </message>
    <message>
        <source>所选申诉的通知书（受理、不予受理或处理决定）</source>
        <translation>Notice of the selected appeal (acceptance, non-acceptance or decision)</translation>
    </message>
    <message>
        <source>（已延长：{0}）</source>
        <translation> (extended: {0})</translation>
    </message>
    <message>
        <source>共 {0} 件，待受理或待决定 {1} 件</source>
        <translation>{0} in all, {1} awaiting acceptance or a decision</translation>
    </message>
    <message>
        <source>所选申诉的通知书（受理、不予受理或处理决定）。无论保存到哪个文件夹，工作区都在 {0} 留存一份，随评审轮次 {1} 归档</source>
        <translation>Notice of the selected appeal (acceptance, non-acceptance or decision). Whatever folder it is saved to, the workspace keeps a copy in {0}, archived with review round {1}</translation>
    </message>
    <message>
        <source>无法受理</source>
        <translation>Cannot accept</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>不予受理的理由：</source>
        <translation>Why it is not accepted:</translation>
    </message>
    <message>
        <source>无法作出不予受理决定</source>
        <translation>Cannot record the non-acceptance</translation>
    </message>
    <message>
        <source>延长处理期限</source>
        <translation>Extend the decision deadline</translation>
    </message>
    <message>
        <source>延长六个月的理由（第二十三条，只能延长一次）：</source>
        <translation>Reason for the six-month extension (article 23, once only):</translation>
    </message>
    <message>
        <source>无法延长处理期限</source>
        <translation>Could not extend the decision deadline</translation>
    </message>
    <message>
        <source>处理决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>处理决定：</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>无法作出处理决定</source>
        <translation>Cannot record the decision</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <source>导出轮次归档（含清单、签名、审计日志片段，可在任何电脑上核验）</source>
        <translation>Export a round archive (manifest, signature, audit log slice; verifiable on any computer)</translation>
    </message>
    <message>
        <source>至少 8 个字符，请另行告知核验人</source>
        <translation>At least 8 characters; tell the verifier separately</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>评审轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>归档口令</source>
        <translation>Archive password</translation>
    </message>
    <message>
        <source>核验或导入归档（可把 .zip 文件拖到本页）</source>
        <translation>Verify or import an archive (drop a .zip file on this page)</translation>
    </message>
    <message>
        <source>尚未选择归档文件</source>
        <translation>No archive chosen yet</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>归档文件</source>
        <translation>Archive file</translation>
    </message>
    <message>
        <source>评审办公室公布的签名证书指纹（至少前 16 位）</source>
        <translation>The signing certificate fingerprint the secretariat published (at least 16 digits)</translation>
    </message>
    <message>
        <source>导出时设定的归档口令</source>
        <translation>The archive password chosen at export</translation>
    </message>
    <message>
        <source>证书指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>导入到本工作区（只读）</source>
        <translation>Import into this workspace (read-only)</translation>
    </message>
    <message>
        <source>备份工作区（如备份到 U 盘）</source>
        <translation>Back up the workspace (to a USB stick, say)</translation>
    </message>
    <message>
        <source>至少 8 个字符，恢复时需要</source>
        <translation>At least 8 characters; needed to restore</translation>
    </message>
    <message>
        <source>备份到…</source>
        <translation>Back up to…</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>用备份替换当前工作区（先校验备份；原工作区改名保留）</source>
        <translation>Replace this workspace with a backup (the backup is checked first; the current workspace is kept, renamed)</translation>
    </message>
    <message>
        <source>上次备份</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <source>备份口令</source>
        <translation>Backup password</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法读取评审轮次</source>
        <translation>Cannot read the review rounds</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}（{2}）</source>
        <translation>{0}  {1} ({2})</translation>
    </message>
    <message>
        <source>生成的文书 {0} 份已写入 {1}；期限 {2} 条（各按原来的日历版本）</source>
        <translation>{0} generated documents written to {1}; {2} deadlines (each on the calendar version it was counted on)</translation>
    </message>
    <message>
        <source>工作日日历新增 {0} 年（本工作区原先没有，随归档导入）</source>
        <translation>Working-day calendar: {0} added (this workspace did not have it; it came with the archive)</translation>
    </message>
    <message>
        <source>从哪个备份文件夹恢复</source>
        <translation>Restore from which backup folder</translation>
    </message>
    <message>
        <source>已从备份 {0} 恢复工作区 {1}（{2} 个文件，已逐一校验）</source>
        <translation>Workspace {1} restored from backup {0} ({2} files, each checked)</translation>
    </message>
    <message>
        <source>原来的工作区已改名保留为 {0}</source>
        <translation>The previous workspace is kept, renamed, as {0}</translation>
    </message>
    <message>
        <source>备份的签名者指纹：{0}</source>
        <translation>The backup signer&apos;s fingerprint: {0}</translation>
    </message>
    <message>
        <source>此备份没有签名</source>
        <translation>This backup is not signed</translation>
    </message>
    <message>
        <source>从未备份</source>
        <translation>never</translation>
    </message>
    <message>
        <source>导出归档</source>
        <translation>Export archive</translation>
    </message>
    <message>
        <source>归档 (*.zip)</source>
        <translation>Archives (*.zip)</translation>
    </message>
    <message>
        <source>两次输入的归档口令不一致</source>
        <translation>The two archive passwords differ</translation>
    </message>
    <message>
        <source>已导出：{0}
{1} 个成员，{2} 字节；签名者指纹 {3}</source>
        <translation>Exported: {0}
{1} members, {2} bytes; signer fingerprint {3}</translation>
    </message>
    <message>
        <source>选择归档</source>
        <translation>Choose archive</translation>
    </message>
    <message>
        <source>请先选择或拖入归档文件</source>
        <translation>Choose or drop an archive file first</translation>
    </message>
    <message>
        <source>✔ 归档完整、可信，抽取已重算一致</source>
        <translation>✔ Archive intact and trusted; the draw replays to the same panels</translation>
    </message>
    <message>
        <source>✘ 归档未通过核验</source>
        <translation>✘ The archive did not verify</translation>
    </message>
    <message>
        <source>该归档已导入为轮次 {0}，本次没有重复导入</source>
        <translation>This archive was already imported as round {0}; nothing was imported again</translation>
    </message>
    <message>
        <source>同一轮次的另一份归档（{1}）已导入为轮次 {0}，本次没有重复导入</source>
        <translation>Another archive of the same round ({1}) was already imported as round {0}; nothing was imported again</translation>
    </message>
    <message>
        <source>已导入为轮次 {0}（只读）：人员新增 {1}、合并 {2}；单位新增 {3}、合并 {4}</source>
        <translation>Imported as round {0} (read-only): persons {1} new, {2} merged; organisations {3} new, {4} merged</translation>
    </message>
    <message>
        <source>备份到哪个文件夹（如 U 盘）</source>
        <translation>Back up to which folder (a USB stick, say)</translation>
    </message>
    <message>
        <source>已备份到 {0}（{1} 个文件）</source>
        <translation>Backed up to {0} ({1} files)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>校验日志完整性</source>
        <translation>Verify the log</translation>
    </message>
    <message>
        <source>最近 {0} 条操作记录（每条与前一条以哈希相连，任何改动都会被发现）</source>
        <translation>Last {0} actions (each is hash-linked to the one before, so any change is detected)</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>校验失败</source>
        <translation>Cannot verify the log</translation>
    </message>
    <message>
        <source>✔ 日志完整，共 {0} 条</source>
        <translation>✔ Log intact, {0} entries</translation>
    </message>
    <message>
        <source>✘ 日志在第 {0} 条处断开：{1}</source>
        <translation>✘ Log broken at entry {0}: {1}</translation>
    </message>
    <message>
        <source>（没有签名检查点：日志被截断或整体改写时无法发现）</source>
        <translation> (no signed checkpoint: a truncated or rewritten log would not show)</translation>
    </message>
    <message>
        <source>改动</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>显示原始记录</source>
        <translation>Show the raw entry</translation>
    </message>
    <message>
        <source>按日志中保存的样子显示这一条（JSON、哈希），供审计核对</source>
        <translation>Show this entry as the log stores it (JSON, hashes), for auditors</translation>
    </message>
    <message>
        <source>所选记录的改动</source>
        <translation>Changes in the selected entry</translation>
    </message>
    <message>
        <source>第 {0} 条&#x3000;{1}&#x3000;{2}&#x3000;{3}</source>
        <translation>Entry {0}   {1}   {2}   {3}</translation>
    </message>
    <message>
        <source>对象：{0}</source>
        <translation>Target: {0}</translation>
    </message>
    <message>
        <source>✘ 数据与日志不符：{0}</source>
        <translation>✘ The data does not match the log: {0}</translation>
    </message>
</context>
<context>
    <name>BackupOffer</name>
    <message>
        <source>退出前备份</source>
        <translation>Back up before closing</translation>
    </message>
    <message>
        <source>今天还没有备份。上次备份：{0}。</source>
        <translation>No backup yet today. Last backup: {0}.</translation>
    </message>
    <message>
        <source>本机还没有备份过这个工作区。</source>
        <translation>This workspace has never been backed up from this computer.</translation>
    </message>
    <message>
        <source>如 U 盘上的文件夹</source>
        <translation>A folder on a USB stick, say</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>至少 8 个字符，恢复时需要</source>
        <translation>At least 8 characters; needed to restore</translation>
    </message>
    <message>
        <source>备份口令</source>
        <translation>Backup password</translation>
    </message>
    <message>
        <source>备份后退出</source>
        <translation>Back up and close</translation>
    </message>
    <message>
        <source>不备份，直接退出</source>
        <translation>Close without a backup</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>备份到哪个文件夹</source>
        <translation>Back up to which folder</translation>
    </message>
    <message>
        <source>请选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>（暂无数据）</source>
        <translation>(no data yet)</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>依据文号</source>
        <translation>Notice number</translation>
    </message>
    <message>
        <source>按通知录入年度安排…</source>
        <translation>Enter a year from its notice…</translation>
    </message>
    <message>
        <source>从表格导入…</source>
        <translation>Import a sheet…</translation>
    </message>
    <message>
        <source>表格列：日期、类型（放假/调休上班）、名称、依据文号</source>
        <translation>Sheet columns: 日期 (date), 类型 (放假 day off / 调休上班 make-up working day), 名称 (holiday), 依据文号 (notice number)</translation>
    </message>
    <message>
        <source>计算期限</source>
        <translation>Count the deadline</translation>
    </message>
    <message>
        <source>工作日按国务院办公厅每年公布的放假安排计算：放假日不计，调休上班的周末计入。“自某日起N个工作日内”从次日起算，第N个工作日为最后一天。尚未录入的年度不作推算，期限跨入该年度时会提示先录入（WORKING_DAYS）。</source>
        <translation>Working days follow the holiday schedule the State Council publishes each year: days off do not count, make-up working weekends do. “Within N working days from a date” counts from the next day, and the N-th working day is the last day. A year not entered is never guessed: a deadline that reaches into it asks for the year to be entered first (WORKING_DAYS).</translation>
    </message>
    <message>
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>起</source>
        <translation>within</translation>
    </message>
    <message>
        <source>个工作日内</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>已录入</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>未录入</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <source>已录入 {0} 个年度；尚未录入：{1}</source>
        <translation>{0} years entered; not entered: {1}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{0}年的放假安排尚未录入：跨入该年度的期限不能计算。</source>
        <translation>The holiday schedule of {0} is not entered: no deadline reaching into that year can be counted.</translation>
    </message>
    <message>
        <source>{0}年：{1}；来源：{2}；日历版本 {3}</source>
        <translation>{0}: {1}; source: {2}; calendar version {3}</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>截止于 {0}（日历版本 {1}）</source>
        <translation>Due {0} (calendar version {1})</translation>
    </message>
    <message>
        <source>导入放假安排</source>
        <translation>Import a holiday schedule</translation>
    </message>
    <message>
        <source>表格 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>已导入{0}年的放假安排：放假 {1} 天，调休上班 {2} 天</source>
        <translation>Imported the holiday schedule of {0}: {1} days off, {2} make-up working days</translation>
    </message>
    <message>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
</context>
<context>
    <name>CallsStep</name>
    <message>
        <source>接受</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>未接通</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <source>待回复</source>
        <translation>Will call back</translation>
    </message>
    <message>
        <source>时间冲突</source>
        <translation>Schedule conflict</translation>
    </message>
    <message>
        <source>需回避</source>
        <translation>Must recuse</translation>
    </message>
    <message>
        <source>身体原因</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>已接受</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已拒绝</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>已递补</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <source>抽取</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>备选递补</source>
        <translation>From the reserve</translation>
    </message>
    <message>
        <source>第{0}批补抽</source>
        <translation>Supplementary draw {0}</translation>
    </message>
    <message>
        <source>评审组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>席位</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>企业专家</source>
        <translation>Enterprise expert</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>通话次数</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>打印联系名单（PDF，机密）</source>
        <translation>Print the call list (PDF, confidential)</translation>
    </message>
    <message>
        <source>导出联系名单（Excel）</source>
        <translation>Export the call list (Excel)</translation>
    </message>
    <message>
        <source>补抽空缺座位…</source>
        <translation>Draw the open seats…</translation>
    </message>
    <message>
        <source>请在上表中选择一位专家</source>
        <translation>Choose an expert in the table above</translation>
    </message>
    <message>
        <source>拒绝理由的具体说明（理由为「其他」时必填）</source>
        <translation>The reason in detail (required for “Other”)</translation>
    </message>
    <message>
        <source>专家在电话中申报回避的本组项目编号，以逗号分隔（记为申报回避，让出座位）</source>
        <translation>Numbers of this panel’s applications the expert declared a conflict with on the call, comma-separated (recorded as declared; the seat is given up)</translation>
    </message>
    <message>
        <source>（无录音）</source>
        <translation>(no recording)</translation>
    </message>
    <message>
        <source>导入录音文件…</source>
        <translation>Import a recording…</translation>
    </message>
    <message>
        <source>用麦克风录音</source>
        <translation>Record from the microphone</translation>
    </message>
    <message>
        <source>记录这次通话</source>
        <translation>Record this call</translation>
    </message>
    <message>
        <source>记录已确认专家退出</source>
        <translation>Record a confirmed member&apos;s withdrawal</translation>
    </message>
    <message>
        <source>已确认评审组的专家在评分开始前来电拒绝或因病退出：评审组须重新确认，座位按备选顺序递补（理由和录音取自上方）</source>
        <translation>A member of a confirmed panel calls back to decline or falls ill before scoring starts: the panel must be confirmed again and the seat goes to the reserve in its order (the reason and recording are taken from above)</translation>
    </message>
    <message>
        <source>播放所选录音</source>
        <translation>Play the selected recording</translation>
    </message>
    <message>
        <source>记录通话</source>
        <translation>Record a call</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>通话结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>拒绝理由</source>
        <translation>Reason for declining</translation>
    </message>
    <message>
        <source>申报回避</source>
        <translation>Declared conflict</translation>
    </message>
    <message>
        <source>通话录音</source>
        <translation>Recording</translation>
    </message>
    <message>
        <source>该专家的通话记录</source>
        <translation>Calls to this expert</translation>
    </message>
    <message>
        <source>抽取后在这里逐一电话确认专家。</source>
        <translation>After the draw, confirm each expert by phone here.</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>{0} 个座位：已接受 {1}，待确认 {2}。</source>
        <translation>{0} seats: {1} accepted, {2} pending.</translation>
    </message>
    <message>
        <source>备选专家已用完的空缺座位 {0} 个（{1}）：请补抽。</source>
        <translation>{0} open seats whose reserve is used up ({1}): draw them again.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>全部接受，可以确认评审组。</source>
        <translation>All accepted: the panels can be confirmed.</translation>
    </message>
    <message>
        <source>{0} 等 {1} 位</source>
        <translation>{0} and {1} in all</translation>
    </message>
    <message>
        <source>尚待答复：{0}。</source>
        <translation> Still to answer: {0}.</translation>
    </message>
    <message>
        <source>无法读取通话记录</source>
        <translation>Cannot read the calls</translation>
    </message>
    <message>
        <source>（{0}：{1}）</source>
        <translation> ({0}: {1})</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>&#x3000;录音 {0:.0f} 秒</source>
        <translation>&#x3000;recording {0:.0f} s</translation>
    </message>
    <message>
        <source>本机没有可用的麦克风（或没有音频服务），不能在本程序中录音：请用手机的通话录音，再点「导入录音文件…」。</source>
        <translation>This computer has no microphone (or no audio service), so recording here is not possible: use the phone’s call recording and click “Import a recording…”.</translation>
    </message>
    <message>
        <source>导入通话录音</source>
        <translation>Import a call recording</translation>
    </message>
    <message>
        <source>通话录音 ({0})</source>
        <translation>Call recordings ({0})</translation>
    </message>
    <message>
        <source>停止录音</source>
        <translation>Stop recording</translation>
    </message>
    <message>
        <source>正在录音…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <source>录音失败：{0}</source>
        <translation>Recording failed: {0}</translation>
    </message>
    <message>
        <source>请先在表中选择一位专家</source>
        <translation>Choose an expert in the table first</translation>
    </message>
    <message>
        <source>记录退出</source>
        <translation>Record withdrawal</translation>
    </message>
    <message>
        <source>已记录：{0} {1}</source>
        <translation>Recorded: {0} {1}</translation>
    </message>
    <message>
        <source>；按备选顺序递补：{0}</source>
        <translation>; replaced from the reserve order by {0}</translation>
    </message>
    <message>
        <source>；备选专家已用完，请补抽该座位</source>
        <translation>; the reserve is used up: draw the seat again</translation>
    </message>
    <message>
        <source>；评审组「{0}」须重新确认</source>
        <translation>; panel &quot;{0}&quot; must be confirmed again</translation>
    </message>
    <message>
        <source>通话未记录</source>
        <translation>The call was not recorded</translation>
    </message>
    <message>
        <source>播放录音</source>
        <translation>Play a recording</translation>
    </message>
    <message>
        <source>请选择一条有录音的通话</source>
        <translation>Choose a call with a recording</translation>
    </message>
    <message>
        <source>无法播放录音</source>
        <translation>Cannot play the recording</translation>
    </message>
    <message>
        <source>专家联系名单</source>
        <translation>Call list</translation>
    </message>
    <message>
        <source>保存专家联系名单</source>
        <translation>Save the call list</translation>
    </message>
    <message>
        <source>已写出 {0}（{1} 位专家；已记入审计日志）</source>
        <translation>Wrote {0} ({1} experts; logged in the audit log)</translation>
    </message>
    <message>
        <source>名单未写出</source>
        <translation>The list was not written</translation>
    </message>
    <message>
        <source>不能补抽</source>
        <translation>Cannot draw again</translation>
    </message>
    <message>
        <source>补抽：{0} 第{1}批，{2}个座位</source>
        <translation>Supplementary draw: {0}, batch {1}, {2} seats</translation>
    </message>
    <message>
        <source>补抽未完成</source>
        <translation>The supplementary draw was not made</translation>
    </message>
    <message>
        <source>第{0}批补抽完成：{1}</source>
        <translation>Supplementary draw {0} made: {1}</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>搜索：姓名、拼音或首字母（如 zhangsan、zs）、证件号、单位</source>
        <translation>Search: name, pinyin or initials (zhangsan, zs), ID number, organisation</translation>
    </message>
    <message>
        <source>按此列筛选</source>
        <translation>Filter by this column</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>更正所选记录（记入审计日志）</source>
        <translation>Correct the selected record (recorded in the audit log)</translation>
    </message>
    <message>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>{0}：全部</source>
        <translation>{0}: all</translation>
    </message>
    <message>
        <source>{0} / {1} 条</source>
        <translation>{0} / {1} rows</translation>
    </message>
    <message>
        <source>{0} 条（正在建立搜索索引…）</source>
        <translation>{0} rows (building the search index…)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>修改我的口令</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>原口令</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新口令（至少 8 个字符）</source>
        <translation>New password (at least 8 characters)</translation>
    </message>
</context>
<context>
    <name>CommitmentsStep</name>
    <message>
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>缺席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>中途离会</source>
        <translation>Left early</translation>
    </message>
    <message>
        <source>扫描件</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>现场签署</source>
        <translation>Signed on site</translation>
    </message>
    <message>
        <source>评审组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>企业专家</source>
        <translation>Enterprise expert</translation>
    </message>
    <message>
        <source>承诺书</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>导入签署的承诺书扫描件…</source>
        <translation>Import the scan of a signed commitment…</translation>
    </message>
    <message>
        <source>现场签署（监督员确认）…</source>
        <translation>Signed on site (supervisor confirms)…</translation>
    </message>
    <message>
        <source>记录出席情况</source>
        <translation>Record attendance</translation>
    </message>
    <message>
        <source>评审组确认后在这里记录承诺书和出席情况。</source>
        <translation>Once the panels are confirmed, record commitments and attendance here.</translation>
    </message>
    <message>
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>（{0} 确认）</source>
        <translation> (confirmed by {0})</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>尚无已确认的评审组。</source>
        <translation>No panel is confirmed yet.</translation>
    </message>
    <message>
        <source>{0} 位评审专家，尚缺承诺书 {1} 份（没有承诺书的专家的评分不被接受）。</source>
        <translation>{0} panel members, {1} commitments missing (scores of an expert without one are not accepted).</translation>
    </message>
    <message>
        <source>✘ 低于比例，已标记</source>
        <translation>✘ below the quota, flagged</translation>
    </message>
    <message>
        <source>✔</source>
        <translation>✔</translation>
    </message>
    <message>
        <source>{0} 实到 {1} 人，企业专家 {2} 人（至少 {3} 人）{4}</source>
        <translation>{0}: {1} sat, {2} enterprise experts (at least {3}) {4}</translation>
    </message>
    <message>
        <source>承诺书与出席</source>
        <translation>Commitments and attendance</translation>
    </message>
    <message>
        <source>请先在表中选择一位评审专家</source>
        <translation>Choose a panel member in the table first</translation>
    </message>
    <message>
        <source>导入签署的承诺书</source>
        <translation>Import a signed commitment</translation>
    </message>
    <message>
        <source>扫描件或照片 (*.pdf *.jpg *.jpeg *.png *.PDF *.JPG *.JPEG *.PNG)</source>
        <translation>Scans or photos (*.pdf *.jpg *.jpeg *.png *.PDF *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>承诺书未记录</source>
        <translation>The commitment was not recorded</translation>
    </message>
    <message>
        <source>确认 {0} 已在现场签署承诺书。</source>
        <translation>Confirm that {0} signed the commitment on site.</translation>
    </message>
    <message>
        <source>出席情况未记录</source>
        <translation>Attendance was not recorded</translation>
    </message>
</context>
<context>
    <name>ConductDialog</name>
    <message>
        <source>按时出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>无故缺席</source>
        <translation>Absent without reason</translation>
    </message>
    <message>
        <source>被替换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <source>未及时申报回避</source>
        <translation>Declared a conflict late</translation>
    </message>
    <message>
        <source>泄露评审信息</source>
        <translation>Leaked review information</translation>
    </message>
    <message>
        <source>说情打招呼</source>
        <translation>Lobbied others</translation>
    </message>
    <message>
        <source>评审意见不专业</source>
        <translation>Unqualified opinions</translation>
    </message>
    <message>
        <source>登记评审行为：{0}</source>
        <translation>Record conduct: {0}</translation>
    </message>
    <message>
        <source>评价分（百分制，可不填）</source>
        <translation>Rating (out of 100, optional)</translation>
    </message>
    <message>
        <source>评审行为</source>
        <translation>Conduct</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ConfirmationStep</name>
    <message>
        <source>评审组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>已接受</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>企业专家</source>
        <translation>Enterprise experts</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>还缺什么</source>
        <translation>Still missing</translation>
    </message>
    <message>
        <source>确认所选评审组</source>
        <translation>Confirm the selected panel</translation>
    </message>
    <message>
        <source>电话确认后在这里确认评审组。</source>
        <translation>After the calls, confirm the panels here.</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>已确认（{0}）</source>
        <translation>Confirmed ({0})</translation>
    </message>
    <message>
        <source>，低于比例经监督员 {0} 同意</source>
        <translation>, below the quota with supervisor {0}’s consent</translation>
    </message>
    <message>
        <source>未确认</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <source>待接受：{0}</source>
        <translation>Still to accept: {0}</translation>
    </message>
    <message>
        <source>可以确认</source>
        <translation>Ready to confirm</translation>
    </message>
    <message>
        <source>{0} 个评审组中已确认 {1} 个。</source>
        <translation>{1} of {0} panels confirmed.</translation>
    </message>
    <message>
        <source>全部确认后轮次进入「已确认」。</source>
        <translation>With every panel confirmed the round becomes “confirmed”.</translation>
    </message>
    <message>
        <source>确认评审组</source>
        <translation>Confirm a panel</translation>
    </message>
    <message>
        <source>请先在表中选择一个评审组</source>
        <translation>Choose a panel in the table first</translation>
    </message>
    <message>
        <source>评审组未确认</source>
        <translation>The panel was not confirmed</translation>
    </message>
</context>
<context>
    <name>ConflictsStep</name>
    <message>
        <source>计算回避关系</source>
        <translation>Compute conflicts</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>回避事由代码</source>
        <translation>Ground codes</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <source>输入任一专家的身份证号，查看其与所选项目的回避情况</source>
        <translation>Enter any expert&apos;s ID number to see their conflicts with the selected application</translation>
    </message>
    <message>
        <source>设置评审组后才能计算回避关系。</source>
        <translation>Set up the panels before computing conflicts.</translation>
    </message>
    <message>
        <source>点击「计算回避关系」，逐一核对每位专家与每个项目之间的回避事由。</source>
        <translation>Click “Compute conflicts” to check every expert against every application for grounds for recusal.</translation>
    </message>
    <message>
        <source>正在计算回避关系…</source>
        <translation>Computing conflicts…</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>{0}（{1}）回避 {2} 人</source>
        <translation>{0} ({1}): {2} recused</translation>
    </message>
    <message>
        <source>共 {0} 个项目、{1} 位专家；除学科不符外，共 {2} 对专家—项目须回避。</source>
        <translation>{0} applications, {1} experts; apart from field mismatches, {2} expert–application pairs require recusal.</translation>
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
        <source>正在查询…</source>
        <translation>Looking up…</translation>
    </message>
    <message>
        <source>专家 {0}（{1}）与项目 {2}：</source>
        <translation>Expert {0} ({1}) and application {2}:</translation>
    </message>
    <message>
        <source>无回避事由，可以评审此项目。</source>
        <translation>No grounds for recusal: the expert may review this application.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>评审轮次</source>
        <translation>Review rounds</translation>
    </message>
    <message>
        <source>评审日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>评审方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>本周到期</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <source>各评审组企业专家人数（虚线为三分之一要求）</source>
        <translation>Enterprise experts per panel (dashed line: the one-third requirement)</translation>
    </message>
    <message>
        <source>专家库学科覆盖（深色：专家人数；浅色：项目数）</source>
        <translation>Field coverage of the expert pool (dark: experts; light: applications)</translation>
    </message>
    <message>
        <source>评审轮次（双击进入）</source>
        <translation>Review rounds (double-click to open)</translation>
    </message>
    <message>
        <source>待办事项</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>专家 {0} 人（企业专家 {1} 人）&#x3000;单位 {2} 个&#x3000;项目 {3} 项&#x3000;诚信记录 {4} 条</source>
        <translation>{0} experts ({1} enterprise) · {2} organisations · {3} applications · {4} integrity records</translation>
    </message>
    <message>
        <source>{0}：{1}（{2}）</source>
        <translation>{0}: {1} ({2})</translation>
    </message>
    <message>
        <source>{0}（{1}）：{2}{3}</source>
        <translation>{0} ({1}): {2}{3}</translation>
    </message>
    <message>
        <source>，{0}</source>
        <translation>, {0}</translation>
    </message>
    <message>
        <source>还没有评审轮次：先导入专家库和项目，再在「评审轮次」中新建</source>
        <translation>No review rounds yet: import the expert pool and applications, then create a round under “Review rounds”</translation>
    </message>
    <message>
        <source>{0}：各评审组企业专家人数（虚线为三分之一要求）</source>
        <translation>{0}: enterprise experts per panel (dashed line: the one-third requirement)</translation>
    </message>
    <message>
        <source>抽取专家后在此显示</source>
        <translation>Shown here once experts are drawn</translation>
    </message>
    <message>
        <source>{0}人 / {1}项</source>
        <translation>{0} experts / {1} applications</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>至今</source>
        <translation>now</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>学科</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>企业专家</source>
        <translation>Enterprise expert</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>声明回避：{0}</source>
        <translation>Declared a conflict: {0}</translation>
    </message>
    <message>
        <source>请托（{0}），已接受：{1}</source>
        <translation>Lobbied ({0}), accepted: {1}</translation>
    </message>
    <message>
        <source>请托（{0}）：{1}</source>
        <translation>Lobbied ({0}): {1}</translation>
    </message>
    <message>
        <source>任职经历</source>
        <translation>Employment history</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>人员关系</source>
        <translation>Relations</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>诚信记录</source>
        <translation>Integrity records</translation>
    </message>
    <message>
        <source>失信行为</source>
        <translation>Violation</translation>
    </message>
    <message>
        <source>惩戒期</source>
        <translation>Penalty period</translation>
    </message>
    <message>
        <source>处理单位</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>回避声明与请托记录</source>
        <translation>Declared conflicts and lobbying</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>What</translation>
    </message>
    <message>
        <source>参加过的评审</source>
        <translation>Reviews served on</translation>
    </message>
    <message>
        <source>评审轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>评审组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>As</translation>
    </message>
    <message>
        <source>备选第{0}位</source>
        <translation>Reserve no. {0}</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Panel member</translation>
    </message>
    <message>
        <source>低分评价已达本工作区的复核线（{0}），需复核其专家库资格</source>
        <translation>Low ratings reach this workspace&apos;s review line ({0}): review the expert&apos;s membership of the pool</translation>
    </message>
    <message>
        <source>评审行为与评价</source>
        <translation>Conduct and ratings</translation>
    </message>
    <message>
        <source>评审行为</source>
        <translation>Conduct</translation>
    </message>
    <message>
        <source>评价分</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>学科代码</source>
        <translation>Field code</translation>
    </message>
    <message>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>项目团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>单位信用代码</source>
        <translation>Organisation&apos;s credit code</translation>
    </message>
    <message>
        <source>合作单位</source>
        <translation>Partner organisations</translation>
    </message>
    <message>
        <source>申请回避的专家（不宜评审专家）</source>
        <translation>Experts the applicant asked to exclude</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>显示完整的身份证号和手机号；此操作记入审计日志</source>
        <translation>Show the whole ID and mobile numbers; this is recorded in the audit log</translation>
    </message>
    <message>
        <source>详细信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>在左侧表格中选择一行查看详细信息</source>
        <translation>Select a row in the table on the left to see its details</translation>
    </message>
    <message>
        <source>无法显示</source>
        <translation>Cannot show</translation>
    </message>
</context>
<context>
    <name>DrawStep</name>
    <message>
        <source>（尚未生成）</source>
        <translation>(not made yet)</translation>
    </message>
    <message>
        <source>生成并公布承诺值</source>
        <translation>Make and show the commitment</translation>
    </message>
    <message>
        <source>仅重新抽取时填写：理由将记入记录</source>
        <translation>Only for a redraw: the reason is recorded</translation>
    </message>
    <message>
        <source>监督员签到并抽取…</source>
        <translation>Supervisor sign-in and draw…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>企业专家人数（虚线：各组最低人数）</source>
        <translation>Enterprise experts (dashed line: each panel&apos;s minimum)</translation>
    </message>
    <message>
        <source>抽取</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>承诺值（在见证人给出随机数之前公布）</source>
        <translation>Commitment (shown before the witness gives digits)</translation>
    </message>
    <message>
        <source>重新抽取理由</source>
        <translation>Reason for the redraw</translation>
    </message>
    <message>
        <source>设置评审组并开启轮次后才能抽取。</source>
        <translation>Set up panels and open the round before drawing.</translation>
    </message>
    <message>
        <source>轮次尚未开启：请先在第一步开启轮次（冻结评审方法）。</source>
        <translation>The round is not open yet: open it in step one (this freezes the method).</translation>
    </message>
    <message>
        <source>尚未抽取。先生成并向现场公布承诺值，再请监督员签到并给出随机数。</source>
        <translation>Not drawn yet. First make the commitment and show it to the room, then the supervisor signs in and gives random digits.</translation>
    </message>
    <message>
        <source>未能生成承诺值</source>
        <translation>Could not make the commitment</translation>
    </message>
    <message>
        <source>本轮已抽取过专家。如确需重新抽取，请先在上方「{0}」中写明理由，再请监督员签到；原抽取结果将保留在记录中并标为已被取代。</source>
        <translation>Experts have already been drawn for this round. To draw again, first write the reason in “{0}” above, then ask the supervisor to sign in; the earlier draw stays in the record, marked as superseded.</translation>
    </message>
    <message>
        <source>正在抽取…</source>
        <translation>Drawing…</translation>
    </message>
    <message>
        <source>正在抽取：{0}…</source>
        <translation>Drawing: {0}…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>未能抽取</source>
        <translation>Could not draw</translation>
    </message>
    <message>
        <source>承诺值 {0}（{1} 于 {2} 生成并公布）
见证人随机数 {3}&#x3000;抽取后公布的密钥 {4}
随机种子 {5}</source>
        <translation>Commitment {0} (made and shown by {1} at {2})
Witness digits {3}&#x3000;secret revealed after the draw {4}
Seed {5}</translation>
    </message>
    <message>
        <source>随机种子 {0}（旧版本的输入种子，不能证明无人操纵）</source>
        <translation>Seed {0} (typed in an earlier version: cannot show that nobody steered it)</translation>
    </message>
    <message>
        <source>第 {0} 次抽取&#x3000;{1}&#x3000;操作员 {2}，监督员 {3}</source>
        <translation>Draw {0}&#x3000;{1}&#x3000;operator {2}, supervisor {3}</translation>
    </message>
    <message>
        <source>
专家库快照哈希 {0}</source>
        <translation>
Pool hash {0}</translation>
    </message>
    <message>
        <source>
重新抽取理由：{0}</source>
        <translation>
Reason for the redraw: {0}</translation>
    </message>
    <message>
        <source>企业专家人数（虚线：至少为组人数的{0}）</source>
        <translation>Enterprise experts (dashed line: at least {0} of each panel)</translation>
    </message>
</context>
<context>
    <name>EnterYearDialog</name>
    <message>
        <source>按通知录入年度放假安排</source>
        <translation>Enter a year&apos;s holiday schedule from its notice</translation>
    </message>
    <message>
        <source>如 国办发明电〔2026〕×号</source>
        <translation>e.g. 国办发明电〔2026〕×号</translation>
    </message>
    <message>
        <source>节日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>放假开始</source>
        <translation>First day off</translation>
    </message>
    <message>
        <source>放假结束</source>
        <translation>Last day off</translation>
    </message>
    <message>
        <source>调休上班日（可多个，用逗号分隔）</source>
        <translation>Make-up working days (several: separate with commas)</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>通知文号</source>
        <translation>Notice number</translation>
    </message>
    <message>
        <source>日期写作 YYYY-MM-DD。未填日期的节日不录入；录入后该年度原有的安排整体替换，记入审计日志。</source>
        <translation>Write dates as YYYY-MM-DD. A holiday without dates is left out; the year&apos;s schedule is replaced whole, recorded in the audit log.</translation>
    </message>
    <message>
        <source>第 {0} 行的日期「{1}」应写作 YYYY-MM-DD</source>
        <translation>Row {0}: the date “{1}” should be written YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>自动识别</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <source>GB18030 / GBK（简体中文）</source>
        <translation>GB18030 / GBK (Simplified Chinese)</translation>
    </message>
    <message>
        <source>Big5（繁体中文）</source>
        <translation>Big5 (Traditional Chinese)</translation>
    </message>
    <message>
        <source>CSV 文件编码</source>
        <translation>CSV encoding</translation>
    </message>
    <message>
        <source>选择要导入的表格</source>
        <translation>Choose spreadsheets to import</translation>
    </message>
    <message>
        <source>Excel（.xlsx）或 CSV（UTF-8 或 GB18030）；每个工作表一类数据，表名或表头决定类型。</source>
        <translation>Excel (.xlsx) or CSV (UTF-8 or GB18030); one kind of data per sheet, recognised by the sheet name or headers.</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>选择表格</source>
        <translation>Choose spreadsheets</translation>
    </message>
    <message>
        <source>表格 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入表格</source>
        <translation>Import spreadsheets</translation>
    </message>
</context>
<context>
    <name>LettersStep</name>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>用工作区的签名身份签名（PAdES）</source>
        <translation>Sign with the workspace&apos;s signing identity (PAdES)</translation>
    </message>
    <message>
        <source>创建签名身份…</source>
        <translation>Create signing identity…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>评审专家承诺书（每位专家一份）</source>
        <translation>Expert commitment letters (one per expert)</translation>
    </message>
    <message>
        <source>签到表（每个评审组一份）</source>
        <translation>Sign-in sheets (one per panel)</translation>
    </message>
    <message>
        <source>评分表（每位专家一份，按本轮评分方式）</source>
        <translation>Score sheets (one per expert, in the round&apos;s scoring)</translation>
    </message>
    <message>
        <source>✔ 签名完整、可信</source>
        <translation>✔ Signature intact and trusted</translation>
    </message>
    <message>
        <source>签名完整，但签名身份不是本工作区的</source>
        <translation>Signature intact, but the signing identity is not this workspace&apos;s</translation>
    </message>
    <message>
        <source>在本程序中查看</source>
        <translation>View here</translation>
    </message>
    <message>
        <source>不经系统的 PDF 阅读器，在本程序的窗口中查看所选文书</source>
        <translation>View the selected documents in PanelDesk&apos;s own window, without the system&apos;s PDF reader</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>输出文件夹</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <source>抽取专家后，在此为每位评审专家生成承诺书。</source>
        <translation>Once experts are drawn, generate a commitment letter for each of them here.</translation>
    </message>
    <message>
        <source>{0}&#x3000;已生成</source>
        <translation>{0}   made</translation>
    </message>
    <message>
        <source>第 {0} 次抽取：已生成 {1} 份，保存在 {2}（可再次生成以替换）。</source>
        <translation>Draw {0}: {1} made, saved in {2} (make them again to replace them).</translation>
    </message>
    <message>
        <source>第 {0} 次抽取：尚未生成。</source>
        <translation>Draw {0}: not made yet.</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;评审专家承诺书（待生成）</source>
        <translation>{0}&#x3000;{1}&#x3000;Commitment letter (not yet generated)</translation>
    </message>
    <message>
        <source>第 {0} 次抽取：待生成承诺书 {1} 份。</source>
        <translation>Draw {0}: {1} commitment letters to generate.</translation>
    </message>
    <message>
        <source>本工作区还没有签名身份。</source>
        <translation>This workspace has no signing identity yet.</translation>
    </message>
    <message>
        <source>签名人：{0}
SHA-256 指纹（请公布给收件人核对）：{1}</source>
        <translation>Signer: {0}
SHA-256 fingerprint (publish it so recipients can check it): {1}</translation>
    </message>
    <message>
        <source>承诺书保存到</source>
        <translation>Save the letters to</translation>
    </message>
    <message>
        <source>操作员口令</source>
        <translation>Operator password</translation>
    </message>
    <message>
        <source>本机没有系统钥匙串。请输入操作员口令以打开加密的密钥文件：</source>
        <translation>This computer has no system keyring. Enter the operator password to open the encrypted key file:</translation>
    </message>
    <message>
        <source>创建签名身份</source>
        <translation>Create signing identity</translation>
    </message>
    <message>
        <source>签名人名称（如“省科学技术厅评审办公室”）：</source>
        <translation>Signer name (e.g. “Review Office, Provincial Department of Science and Technology”):</translation>
    </message>
    <message>
        <source>评审办公室</source>
        <translation>Review Office</translation>
    </message>
    <message>
        <source>未能创建签名身份</source>
        <translation>Cannot create the signing identity</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>已生成 {0} 份，保存在 {1}</source>
        <translation>{0} documents made, saved in {1}</translation>
    </message>
    <message>
        <source>正在取消：已开始的几份写完即停止，未完成的不留文件…</source>
        <translation>Cancelling: letters already started are finished, then it stops; no partial files are left…</translation>
    </message>
    <message>
        <source>，均已签名并核验通过。</source>
        <translation>, all signed and verified.</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>
有 {0} 份签名核验未通过，请勿发出。</source>
        <translation>
{0} failed signature verification: do not send them.</translation>
    </message>
    <message>
        <source>请先生成承诺书。</source>
        <translation>Generate the letters first.</translation>
    </message>
    <message>
        <source>打印承诺书（{0} 份）</source>
        <translation>Print commitment letters ({0})</translation>
    </message>
    <message>
        <source>正在打印 {0} 份…</source>
        <translation>Printing {0} letters…</translation>
    </message>
    <message>
        <source>已送打印机：{0} 份，共 {1} 页。</source>
        <translation>Sent to the printer: {0} letters, {1} pages.</translation>
    </message>
</context>
<context>
    <name>LimitsPage</name>
    <message>
        <source>项目编号</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>予以受理…</source>
        <translation>Admit…</translation>
    </message>
    <message>
        <source>不予受理…</source>
        <translation>Do not admit…</translation>
    </message>
    <message>
        <source>按评审日期核查：一人同时主持或参与省级项目不超过2项，单位负责人主持不超过1项（在研项目加本轮申报，PROJECT_LIMIT）；申报单位、负责人或成员在惩戒期内受限制申报措施（APPLICANT_INTEGRITY）；有请托记录的项目（LOBBIED）。每项标记须记录决定：不予受理，或予以受理并写明理由。</source>
        <translation>Checked on the review date: a researcher leads or takes a main part in at most 2 provincial projects at a time, a head of unit leads at most 1 (ongoing projects plus this round&apos;s applications, PROJECT_LIMIT); an applicant unit, PI or team member under a measure restricting applications in its penalty period (APPLICANT_INTEGRITY); applications with a lobbying record (LOBBIED). Each flag needs a recorded decision: not admitted, or admitted with a reason.</translation>
    </message>
    <message>
        <source>评审轮次</source>
        <translation>Review round</translation>
    </message>
    <message>
        <source>{0}（评审日期 {1}）</source>
        <translation>{0} (review date {1})</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>{0}：{1}；{2}</source>
        <translation>{0}: {1}; {2}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{0} {1}：惩戒期 {2} 至 {3}，{4}</source>
        <translation>{0} {1}: penalty {2} to {3}, {4}</translation>
    </message>
    <message>
        <source>{0} 请托专家 {1}：{2}</source>
        <translation>{0} expert {1} lobbied: {2}</translation>
    </message>
    <message>
        <source>待决定</source>
        <translation>To decide</translation>
    </message>
    <message>
        <source>予以受理：{0}（{1}）</source>
        <translation>Admitted: {0} ({1})</translation>
    </message>
    <message>
        <source>不予受理（{0}）</source>
        <translation>Not admitted ({0})</translation>
    </message>
    <message>
        <source>{0} 个项目有标记，{1} 项待决定</source>
        <translation>{0} applications flagged, {1} flags to decide</translation>
    </message>
    <message>
        <source>予以受理</source>
        <translation>Admit</translation>
    </message>
    <message>
        <source>予以受理的理由：</source>
        <translation>Reason for admitting:</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Do not admit</translation>
    </message>
    <message>
        <source>项目 {0} 因 {1} 不予受理？决定记录后不能改动。</source>
        <translation>Do not admit application {0} for {1}? A recorded decision cannot be changed.</translation>
    </message>
    <message>
        <source>未能记录决定</source>
        <translation>Could not record the decision</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>PanelDesk 已锁定</source>
        <translation>PanelDesk is locked</translation>
    </message>
    <message>
        <source>长时间无操作，窗口已锁定。请 {0} 输入口令继续；屏幕上的内容都保留着。</source>
        <translation>The window locked after a while without use. {0}, enter your password to continue; everything on screen is kept.</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PanelDesk 评审组织工作台</source>
        <translation>PanelDesk review secretariat</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>专家库</source>
        <translation>Experts</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>评审轮次</source>
        <translation>Review rounds</translation>
    </message>
    <message>
        <source>诚信记录</source>
        <translation>Integrity records</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>归档与备份</source>
        <translation>Archive &amp; backup</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>账户管理</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>限项与资格</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>失信与修复</source>
        <translation>Misconduct</translation>
    </message>
    <message>
        <source>申诉与复核</source>
        <translation>Appeals</translation>
    </message>
    <message>
        <source>工作日历</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建工作区…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <source>打开工作区…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>导入表格…</source>
        <translation>Import spreadsheets…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>修改我的口令…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>打开工作区文件夹（含日志）</source>
        <translation>Open the workspace folder (with the log)</translation>
    </message>
    <message>
        <source>关于 PanelDesk</source>
        <translation>About PanelDesk</translation>
    </message>
    <message>
        <source>PanelDesk 评审组织工作台 {0}

科技计划项目专家评审的组织工具：专家库与项目导入、回避审查、专家抽取、承诺书与会议材料的签名生成。全部数据保存在本机工作区，无需联网。

工作区：{1}
出错时的详细信息记入工作区中的 paneldesk.log。</source>
        <translation>PanelDesk {0}

Organises the expert review of science and technology project applications: importing the expert pool and the applications, recusal checks, drawing the panels, and signed commitment letters and meeting papers. All data stays in the workspace on this computer; no network is needed.

Workspace: {1}
When something fails, the details go to paneldesk.log in the workspace.</translation>
    </message>
    <message>
        <source>（未打开）</source>
        <translation>(none open)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <source>选择（或新建）一个空文件夹作为工作区</source>
        <translation>Choose (or create) an empty folder for the workspace</translation>
    </message>
    <message>
        <source>无法打开工作区</source>
        <translation>Cannot open the workspace</translation>
    </message>
    <message>
        <source>“{0}”不是 PanelDesk 工作区（其中没有 paneldesk.db）。请选择已有的工作区文件夹，或用「文件 › 新建工作区…」在空文件夹中新建一个。</source>
        <translation>“{0}” is not a PanelDesk workspace (it has no paneldesk.db). Choose an existing workspace folder, or make one in an empty folder with File › New workspace….</translation>
    </message>
    <message>
        <source>有操作正在进行（如抽取专家、生成文书或导入），注销后它仍将完成。仍要注销？</source>
        <translation>An operation is under way (a draw, documents or an import); it will still finish after you sign out. Sign out anyway?</translation>
    </message>
    <message>
        <source>正在生成示例工作区（合成的专家库、项目和一个评审轮次）…</source>
        <translation>Building the demo workspace (a synthetic expert pool, applications and one review round)…</translation>
    </message>
    <message>
        <source>无法生成示例工作区</source>
        <translation>Cannot build the demo workspace</translation>
    </message>
    <message>
        <source>工作区：{0}</source>
        <translation>Workspace: {0}</translation>
    </message>
    <message>
        <source>PanelDesk 评审组织工作台 — {0}</source>
        <translation>PanelDesk review secretariat — {0}</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>未登录。请用「文件」菜单打开或新建工作区，并用本人的账户登录。</source>
        <translation>Not signed in. Open or create a workspace from the File menu and sign in with your own account.</translation>
    </message>
    <message>
        <source>已注销。请用「文件 › 最近打开」重新登录工作区 {0}。</source>
        <translation>Signed out. Use File › Recent to sign in to workspace {0} again.</translation>
    </message>
    <message>
        <source>{0}（{1}）｜{2}</source>
        <translation>{0} ({1}) | {2}</translation>
    </message>
    <message>
        <source>导入表格</source>
        <translation>Import spreadsheets</translation>
    </message>
    <message>
        <source>请先打开或新建一个工作区</source>
        <translation>Open or create a workspace first</translation>
    </message>
    <message>
        <source>有操作正在进行（如抽取专家、生成文书或导入）。现在退出将中断它：未完成的部分不会保存。仍要退出？</source>
        <translation>Work is under way (a draw, documents or an import). Quitting now interrupts it: what is unfinished is not saved. Quit anyway?</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>。请点「上一步」换用其他文件或选择文件编码。</source>
        <translation>. Click Back to choose other files or the file encoding.</translation>
    </message>
    <message>
        <source>预览并对应表头</source>
        <translation>Preview and map headers</translation>
    </message>
    <message>
        <source>检查每个工作表被识别成的类型；表头无法识别时，请指定它对应的字段。</source>
        <translation>Check the kind each sheet was recognised as; where a header is not recognised, choose its field.</translation>
    </message>
    <message>
        <source>（不导入此表）</source>
        <translation>(do not import this sheet)</translation>
    </message>
    <message>
        <source>表中的列</source>
        <translation>Column in the sheet</translation>
    </message>
    <message>
        <source>对应字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>（忽略）</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <source>（选填）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source>未识别此表的类型：请在「类型」中选择，或保持「不导入此表」。</source>
        <translation>The kind of this sheet was not recognised: choose one under “Kind”, or leave it at “do not import this sheet”.</translation>
    </message>
    <message>
        <source>识别为「{0}」，共 {1} 行；缺少必填字段：{2}。请在左侧为相应的列选择字段。</source>
        <translation>Recognised as “{0}”, {1} rows; required fields missing: {2}. Choose a field for the matching columns on the left.</translation>
    </message>
    <message>
        <source>识别为「{0}」，共 {1} 行；必填字段齐全。</source>
        <translation>Recognised as “{0}”, {1} rows; all required fields present.</translation>
    </message>
</context>
<context>
    <name>MethodStep</name>
    <message>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>开启轮次（冻结评审方法）</source>
        <translation>Open round (freeze the method)</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>轮次名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>计划类别</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>评审阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>评审日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>评审方法（同一轮次只用一种方法：ONE_METHOD）</source>
        <translation>Review method (one method per round: ONE_METHOD)</translation>
    </message>
    <message>
        <source>评审形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>计分方式</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>汇总规则</source>
        <translation>Aggregation</translation>
    </message>
    <message>
        <source>投票通过比例</source>
        <translation>Vote pass fraction</translation>
    </message>
    <message>
        <source>可选择或输入分数，如 2/3、三分之二、3/5；得票率不低于此比例即通过</source>
        <translation>Choose or type a fraction, such as 2/3 or 3/5; an application passes when its share of yes votes is at least this</translation>
    </message>
    <message>
        <source>如：山东省科学技术厅评审办公室（生成文书前须填写）</source>
        <translation>e.g. Review Office, Department of Science and Technology of Shandong Province (needed before documents are made)</translation>
    </message>
    <message>
        <source>未填写时文书写“另行通知”</source>
        <translation>Documents say “to be announced” while empty</translation>
    </message>
    <message>
        <source>如：上午9:00；未填写时文书写“另行通知”</source>
        <translation>e.g. 9:00 a.m.; documents say “to be announced” while empty</translation>
    </message>
    <message>
        <source>删除草稿…</source>
        <translation>Delete draft…</translation>
    </message>
    <message>
        <source>回避与组成规则</source>
        <translation>Recusal and composition</translation>
    </message>
    <message>
        <source>回避年限（年）</source>
        <translation>Look-back (years)</translation>
    </message>
    <message>
        <source>学科匹配级别</source>
        <translation>Field match level</translation>
    </message>
    <message>
        <source>每组默认人数</source>
        <translation>Default panel size</translation>
    </message>
    <message>
        <source>每项目申请回避专家上限</source>
        <translation>Requested exclusions per application</translation>
    </message>
    <message>
        <source>文书落款与评审安排（开启后仍可修改）</source>
        <translation>Issuer and arrangements (may be changed after opening)</translation>
    </message>
    <message>
        <source>签发单位</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>评审地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>评审时间</source>
        <translation>Review time</translation>
    </message>
    <message>
        <source>创建轮次</source>
        <translation>Create round</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>保存落款与安排</source>
        <translation>Save issuer and arrangements</translation>
    </message>
    <message>
        <source>新建评审轮次：填写名称和日期，选定评审方法后点「创建轮次」。开启轮次后评审方法和规则即冻结，不能再改。</source>
        <translation>New review round: fill in the name and date, choose the review method, then click “Create round”. Once the round is opened, its method and rules are frozen and cannot be changed.</translation>
    </message>
    <message>
        <source>草稿：评审方法为「{0}」，开启前可修改。</source>
        <translation>Draft: review method “{0}”; it can be changed until the round is opened.</translation>
    </message>
    <message>
        <source>【已冻结】评审方法：「{0}」。本轮次已于开启时锁定方法与规则（ONE_METHOD），如需采用其他评审方法，请另建评审轮次。</source>
        <translation>[Frozen] Review method: “{0}”. The method and rules were locked when this round was opened (ONE_METHOD); to use another review method, create a new review round.</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>{0}。仍按此日期保存？</source>
        <translation>{0}. Save with this date anyway?</translation>
    </message>
    <message>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>删除评审轮次草稿「{0}」及其评审组？删除记入审计日志。</source>
        <translation>Delete the draft round “{0}” and its panels? The deletion is recorded in the audit log.</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>开启轮次</source>
        <translation>Open round</translation>
    </message>
    <message>
        <source>开启后评审方法「{0}」和回避规则将冻结，本轮所有项目都按此方法评审。确定开启？</source>
        <translation>Opening freezes the review method “{0}” and the recusal rules; every application in this round will be reviewed by this method. Open the round?</translation>
    </message>
    <message>
        <source>无法开启</source>
        <translation>Cannot open the round</translation>
    </message>
    <message>
        <source>开启时核查限项与资格（在研项目数、诚信记录、请托）：列出 {0} 项，{1} 项待决定，请在「限项与资格」页作出决定。</source>
        <translation>Limits checked on opening (projects under way, integrity records, lobbying): {0} applications listed, {1} flags to decide on the Limits page.</translation>
    </message>
    <message>
        <source>开启时核查限项与资格（在研项目数、诚信记录、请托）：没有需要决定的项目。</source>
        <translation>Limits checked on opening (projects under way, integrity records, lobbying): nothing to decide.</translation>
    </message>
</context>
<context>
    <name>MisconductDialog</name>
    <message>
        <source>录入失信行为记录</source>
        <translation>Enter a misconduct record</translation>
    </message>
    <message>
        <source>身份证号或统一社会信用代码</source>
        <translation>ID number or unified social credit code</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>有惩戒期（措施(五)(六)须填）</source>
        <translation>Has a penalty period (required for measures (5) and (6))</translation>
    </message>
    <message>
        <source>已通报，通报日期：</source>
        <translation>Notified, on:</translation>
    </message>
    <message>
        <source>责任主体名称</source>
        <translation>Subject&apos;s name</translation>
    </message>
    <message>
        <source>身份证号或信用代码</source>
        <translation>ID number or credit code</translation>
    </message>
    <message>
        <source>失信行为（002第九至十三条）</source>
        <translation>Violation (002 art. 9–13)</translation>
    </message>
    <message>
        <source>惩戒措施（002第十八条）</source>
        <translation>Measures (002 art. 18)</translation>
    </message>
    <message>
        <source>惩戒开始</source>
        <translation>Penalty from</translation>
    </message>
    <message>
        <source>惩戒结束</source>
        <translation>Penalty until</translation>
    </message>
    <message>
        <source>处理单位</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>处理依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>所涉项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>所涉项目编号</source>
        <translation>Project number</translation>
    </message>
</context>
<context>
    <name>MisconductPage</name>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>责任主体</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID / credit code</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>惩戒期</source>
        <translation>Penalty period</translation>
    </message>
    <message>
        <source>通报日期</source>
        <translation>Notified on</translation>
    </message>
    <message>
        <source>复核申请截止</source>
        <translation>Review request due</translation>
    </message>
    <message>
        <source>失信行为</source>
        <translation>Violation</translation>
    </message>
    <message>
        <source>惩戒措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>录入失信行为记录…</source>
        <translation>Enter a misconduct record…</translation>
    </message>
    <message>
        <source>记录通报日期…</source>
        <translation>Record the notification…</translation>
    </message>
    <message>
        <source>登记信用修复申请…</source>
        <translation>Record a repair application…</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>是否满足</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>同意修复…</source>
        <translation>Approve repair…</translation>
    </message>
    <message>
        <source>不予修复…</source>
        <translation>Refuse repair…</translation>
    </message>
    <message>
        <source>失信行为选自002第九至十三条，惩戒措施选自第十八条；措施(五)(六)在惩戒期内使专家回避（INTEGRITY）并限制申报。责任主体自通报之日起15个工作日内可申请复核。信用修复须同时满足第二十五条四项条件，由审批人决定；同意修复后自决定之日起移出名单，记录与决定均保留。</source>
        <translation>Violations are chosen from 002 articles 9–13, measures from article 18; measures (5) and (6) exclude an expert (INTEGRITY) and restrict applications during the penalty period. The subject may request a review within 15 working days of the notification. Credit repair needs all four conditions of article 25 and is decided by an approver; an approved repair takes the subject off the list from the decision&apos;s date, and the record and the decision are kept.</translation>
    </message>
    <message>
        <source>无惩戒期</source>
        <translation>No penalty period</translation>
    </message>
    <message>
        <source>未到惩戒期</source>
        <translation>Penalty not begun</translation>
    </message>
    <message>
        <source>惩戒期内</source>
        <translation>In penalty period</translation>
    </message>
    <message>
        <source>惩戒期已满</source>
        <translation>Penalty ended</translation>
    </message>
    <message>
        <source>已信用修复</source>
        <translation>Credit repaired</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>Awaiting decision</translation>
    </message>
    <message>
        <source>同意修复</source>
        <translation>Repair approved</translation>
    </message>
    <message>
        <source>不予修复</source>
        <translation>Repair refused</translation>
    </message>
    <message>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>共 {0} 条记录，其中惩戒期内 {1} 条，已信用修复 {2} 条</source>
        <translation>{0} records: {1} in their penalty period, {2} credit repaired</translation>
    </message>
    <message>
        <source>满足</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>不满足</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>所选记录没有信用修复申请。</source>
        <translation>The selected record has no repair application.</translation>
    </message>
    <message>
        <source>修复申请 {0}（{1}申请）：{2}{3}</source>
        <translation>Repair application {0} (applied {1}): {2}{3}</translation>
    </message>
    <message>
        <source>，{0}于{1}决定</source>
        <translation>, decided by {0} on {1}</translation>
    </message>
    <message>
        <source>决定日期为今天。理由（不予修复时必填）：</source>
        <translation>Decided today. Reason (required to refuse):</translation>
    </message>
    <message>
        <source>未能作出决定</source>
        <translation>Could not decide</translation>
    </message>
</context>
<context>
    <name>NotificationDialog</name>
    <message>
        <source>记录通报日期</source>
        <translation>Record the notification</translation>
    </message>
    <message>
        <source>{0}：自通报之日起15个工作日内可申请复核（002第二十二条）</source>
        <translation>{0}: a review may be requested within 15 working days of the notification (002 art. 22)</translation>
    </message>
    <message>
        <source>通报日期</source>
        <translation>Notified on</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>登记异议</source>
        <translation>Record an objection</translation>
    </message>
    <message>
        <source>姓名或单位，实名或匿名</source>
        <translation>Name or organisation, named or anonymous</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachments…</translation>
    </message>
    <message>
        <source>针对项目</source>
        <translation>Against application</translation>
    </message>
    <message>
        <source>提出人</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
</context>
<context>
    <name>PanelsStep</name>
    <message>
        <source>评审组</source>
        <translation>Panels</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>项目数</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>项目编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>按学科代码筛选（如 520），或输入项目名称中的词</source>
        <translation>Filter by field code (e.g. 520), or type a word of the application&apos;s title</translation>
    </message>
    <message>
        <source>全选筛选结果</source>
        <translation>Check all shown</translation>
    </message>
    <message>
        <source>添加评审组</source>
        <translation>Add panel</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>删除评审组…</source>
        <translation>Delete panel…</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>新增评审组</source>
        <translation>New panel</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>请先在第一步创建评审轮次。</source>
        <translation>Create the review round in step 1 first.</translation>
    </message>
    <message>
        <source>本轮已抽取专家：评审组是抽取的依据，不能再修改。</source>
        <translation>Experts have been drawn for this round: the panels the draw was made from can no longer change.</translation>
    </message>
    <message>
        <source>共 {0} 个评审组。每组的项目应属相近学科：只有熟悉该组全部项目学科的专家才会被抽取（FIELD）。在表中选中一组可修改或删除（抽取前）。</source>
        <translation>{0} panels. The applications in a panel should be in related fields: only experts who know the fields of all its applications are drawn (FIELD). Select a panel in the table to change or delete it (before the draw).</translation>
    </message>
    <message>
        <source>修改评审组「{0}」</source>
        <translation>Change panel “{0}”</translation>
    </message>
    <message>
        <source>无法修改评审组</source>
        <translation>Cannot change the panel</translation>
    </message>
    <message>
        <source>删除评审组</source>
        <translation>Delete panel</translation>
    </message>
    <message>
        <source>删除评审组「{0}」？其项目可再编入其他评审组；删除记入审计日志。</source>
        <translation>Delete panel “{0}”? Its applications can then go into other panels; the deletion is recorded in the audit log.</translation>
    </message>
    <message>
        <source>无法删除评审组</source>
        <translation>Cannot delete the panel</translation>
    </message>
    <message>
        <source>无法添加评审组</source>
        <translation>Cannot add the panel</translation>
    </message>
</context>
<context>
    <name>PublicityStep</name>
    <message>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>开始公示</source>
        <translation>Start publicity</translation>
    </message>
    <message>
        <source>公示开始日期</source>
        <translation>Publicity starts on</translation>
    </message>
    <message>
        <source>公示期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>提出人</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>登记异议…</source>
        <translation>Record an objection…</translation>
    </message>
    <message>
        <source>答复所选异议…</source>
        <translation>Answer the selected objection…</translation>
    </message>
    <message>
        <source>确认公示名单</source>
        <translation>Make the publicity list final</translation>
    </message>
    <message>
        <source>异议（公示期内收到的，及期满后收到、记为逾期的）</source>
        <translation>Objections (received in the period, and those received after it, marked late)</translation>
    </message>
    <message>
        <source>公示名单（PDF）</source>
        <translation>Publicity list (PDF)</translation>
    </message>
    <message>
        <source>评审结果审批后，在这里公示推荐名单、登记和答复异议。</source>
        <translation>Once the results are approved, publish the recommended list here and record and answer objections.</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>尚未开始公示：选择开始日期和公示期（工作日），公示名单为审批后的推荐项目。</source>
        <translation>Publicity has not started: choose the start date and the period (working days); the list is the approved recommended applications.</translation>
    </message>
    <message>
        <source>公示期：{0} 至 {1}（{2}个工作日，按工作日历版本 {3} 计算）；公示名单 {4} 项；异议 {5} 条，其中未答复 {6} 条。</source>
        <translation>Publicity period: {0} to {1} ({2} working days, counted on calendar version {3}); {4} applications listed; {5} objections, {6} unanswered. </translation>
    </message>
    <message>
        <source>公示名单已于 {0} 由 {1} 确认。</source>
        <translation>The list was made final on {0} by {1}.</translation>
    </message>
    <message>
        <source>期满（{0}之后）且异议均已答复后，才能确认公示名单。</source>
        <translation>The list can be made final once the period has ended (after {0}) and every objection is answered.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>修改记录：{0}</source>
        <translation>Edit record: {0}</translation>
    </message>
    <message>
        <source>现为 {0}；不改请留空</source>
        <translation>Now {0}; leave empty to keep it</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>学科代码</source>
        <translation>Field codes</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>单位类型</source>
        <translation>Organisation type</translation>
    </message>
    <message>
        <source>修改记入审计日志，保留修改前后的内容。</source>
        <translation>The correction is recorded in the audit log, with the values before and after.</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <source>登记信用修复申请</source>
        <translation>Record a credit repair application</translation>
    </message>
    <message>
        <source>如 已按处理决定全面完成整改、退回不当得利、撤销虚假成果</source>
        <translation>e.g. rectification completed as decided, gains returned, false results withdrawn</translation>
    </message>
    <message>
        <source>书面科研诚信承诺（如 承诺书日期及编号）</source>
        <translation>Written integrity commitment (e.g. its date and number)</translation>
    </message>
    <message>
        <source>惩戒实施后获得表彰或嘉奖</source>
        <translation>Commended after the penalty began</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>（二）纠正情况</source>
        <translation>(2) Correction</translation>
    </message>
    <message>
        <source>（三）书面承诺</source>
        <translation>(3) Written commitment</translation>
    </message>
    <message>
        <source>（四）表彰日期</source>
        <translation>(4) Commended on</translation>
    </message>
    <message>
        <source>表彰级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>表彰名称</source>
        <translation>Commendation</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置口令：{0}</source>
        <translation>Reset password: {0}</translation>
    </message>
    <message>
        <source>为忘记口令的账户设置新口令，并当面告知本人；审计日志只记下口令已重置。</source>
        <translation>Set a new password for an account whose password was forgotten, and tell its holder in person; the audit log records only that it was reset.</translation>
    </message>
    <message>
        <source>新口令（至少 8 个字符）</source>
        <translation>New password (at least 8 characters)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>从备份恢复工作区</source>
        <translation>Restore the workspace from a backup</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>备份时设定的备份口令</source>
        <translation>The backup password chosen when backing up</translation>
    </message>
    <message>
        <source>读取备份</source>
        <translation>Read the backup</translation>
    </message>
    <message>
        <source>备份口令</source>
        <translation>Backup password</translation>
    </message>
    <message>
        <source>恢复哪一次备份</source>
        <translation>Backup to restore</translation>
    </message>
    <message>
        <source>输入备份口令后点「读取备份」，查看备份的时间和签名者。</source>
        <translation>Enter the backup password and click “Read the backup” to see when it was made and who signed it.</translation>
    </message>
    <message>
        <source>本单位公布的指纹（64 位十六进制）；或留空，核对后勾选下面一项</source>
        <translation>Your office&apos;s published fingerprint (64 hex digits); or leave empty and tick below</translation>
    </message>
    <message>
        <source>证书指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>我已核对：上面显示的签名者指纹与本单位公布的指纹一致</source>
        <translation>I have checked: the signer&apos;s fingerprint shown above is the one our office published</translation>
    </message>
    <message>
        <source>恢复将替换当前打开的工作区 {0}。当前工作区不会被删除：它将改名保留为“{1}.before-restore-日期-时间”，需要时可以重新打开。恢复前先校验备份的每个文件和签名，校验不通过则不作任何改动。恢复后请重新登录。</source>
        <translation>Restoring replaces the open workspace {0}. The current workspace is not deleted: it is kept, renamed “{1}.before-restore-date-time”, and can be opened again if needed. Every file of the backup and its signature are checked first; if the check fails, nothing is changed. Sign in again after the restore.</translation>
    </message>
    <message>
        <source>我明白当前工作区将被替换（原工作区改名保留）</source>
        <translation>I understand the current workspace will be replaced (it is kept, renamed)</translation>
    </message>
    <message>
        <source>取消恢复</source>
        <translation>Cancel restore</translation>
    </message>
    <message>
        <source>校验并恢复</source>
        <translation>Check and restore</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0}（最近一次）</source>
        <translation>{0} (latest)</translation>
    </message>
    <message>
        <source>备份 {0}（共 {1} 次；备份于 {2}，由 {3} 备份，{4} 个文件）</source>
        <translation>Backup {0} ({1} in all; made {2} by {3}, {4} files)</translation>
    </message>
    <message>
        <source>此备份没有签名（备份时工作区还没有签名身份），无法确认它出自本单位。</source>
        <translation>This backup is not signed (the workspace had no signing identity when it was made): it cannot be confirmed to come from your office.</translation>
    </message>
    <message>
        <source>我知道此备份没有签名，仍要恢复</source>
        <translation>I know this backup is not signed and restore it anyway</translation>
    </message>
    <message>
        <source>签名者：{0}
SHA-256 指纹：{1}</source>
        <translation>Signer: {0}
SHA-256 fingerprint: {1}</translation>
    </message>
    <message>
        <source>请先读取备份，核对签名者指纹，或填写本单位公布的指纹</source>
        <translation>Read the backup first and check its signer&apos;s fingerprint, or enter the fingerprint your office published</translation>
    </message>
    <message>
        <source>请填写本单位公布的指纹，或核对上面显示的签名者指纹后勾选确认</source>
        <translation>Enter the fingerprint your office published, or check the signer&apos;s fingerprint shown above and tick to confirm</translation>
    </message>
    <message>
        <source>请勾选确认：当前工作区将被替换（原工作区改名保留）</source>
        <translation>Tick to confirm that the current workspace will be replaced (it is kept, renamed)</translation>
    </message>
</context>
<context>
    <name>ResultsStep</name>
    <message>
        <source>评审组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>汇总结果</source>
        <translation>Aggregate</translation>
    </message>
    <message>
        <source>推荐</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <source>非共识</source>
        <translation>Non-consensus</translation>
    </message>
    <message>
        <source>各专家评分</source>
        <translation>Each expert&apos;s score</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>评审组决定</source>
        <translation>Panel decision</translation>
    </message>
    <message>
        <source>不推荐</source>
        <translation>Not recommended</translation>
    </message>
    <message>
        <source>按汇总结果</source>
        <translation>As aggregated</translation>
    </message>
    <message>
        <source>评审组的理由（必填）</source>
        <translation>The panel&apos;s reason (required)</translation>
    </message>
    <message>
        <source>登记决定</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>会后回避确认</source>
        <translation>Post-review certification</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>登记专家已确认</source>
        <translation>Record certification</translation>
    </message>
    <message>
        <source>（监督员）未取得确认的理由</source>
        <translation>(Supervisor) why there is no certification</translation>
    </message>
    <message>
        <source>监督员登记理由</source>
        <translation>Supervisor&apos;s reason</translation>
    </message>
    <message>
        <source>已审批后再次提交：修改的理由</source>
        <translation>Proposing again after approval: the reason</translation>
    </message>
    <message>
        <source>提交审批</source>
        <translation>Propose for approval</translation>
    </message>
    <message>
        <source>审批并冻结结果</source>
        <translation>Approve and freeze</translation>
    </message>
    <message>
        <source>结果与排序</source>
        <translation>Results and ranking</translation>
    </message>
    <message>
        <source>非共识项目按全部评分（不去掉最高最低分）标出，须由评审组决定，不能被平均掉。</source>
        <translation>Non-consensus applications are flagged on all scores (nothing trimmed) and need the panel&apos;s decision; they are never averaged away.</translation>
    </message>
    <message>
        <source>非共识项目</source>
        <translation>Non-consensus</translation>
    </message>
    <message>
        <source>评分分布</source>
        <translation>Score distribution</translation>
    </message>
    <message>
        <source>开始评分之后，这里显示汇总结果、非共识项目和审批。</source>
        <translation>Once scoring has begun, results, non-consensus applications and approval are shown here.</translation>
    </message>
    <message>
        <source>{0}：Krippendorff α = {1}（1 为完全一致，0 相当于随机）；{2}；{3}</source>
        <translation>{0}: Krippendorff α = {1} (1 full agreement, 0 as by chance); {2}; {3}</translation>
    </message>
    <message>
        <source>待决定</source>
        <translation>To decide</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>未确认</source>
        <translation>Not certified</translation>
    </message>
    <message>
        <source>评审方法：{0}；{1}个项目，{2}个非共识项目。</source>
        <translation>Method: {0}; {1} applications, {2} non-consensus.</translation>
    </message>
    <message>
        <source>{0}分（{1}，{2}个评分）</source>
        <translation>{0} ({1}, {2} scores)</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>同意{0}/{1}（{2}，通过比例{3}）</source>
        <translation>{0}/{1} in favour ({2}, pass share {3})</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>未通过</source>
        <translation>not passed</translation>
    </message>
    <message>
        <source>波达计分{0}</source>
        <translation>Borda count {0}</translation>
    </message>
    <message>
        <source>同分时依次比较：全部评分（不去掉最高最低分）的平均分、最高分，仍相同按项目编号先后</source>
        <translation>ties broken by the mean of all scores (none dropped), then the highest score, then the application number</translation>
    </message>
    <message>
        <source>同等级时依次比较：全部等级的平均（A=4，B=3，C=2，D=1）、A的个数，仍相同按项目编号先后</source>
        <translation>ties broken by the mean of all grades (A=4, B=3, C=2, D=1), then the number of As, then the application number</translation>
    </message>
    <message>
        <source>得票率相同时依次比较：同意票数、不同意票数少者在前，仍相同按项目编号先后</source>
        <translation>ties broken by the votes in favour, then fewer votes against, then the application number</translation>
    </message>
    <message>
        <source>波达计分相同时依次比较：排第一的次数、最差名次较好者在前，仍相同按项目编号先后</source>
        <translation>ties broken by the number of first places, then the better worst place, then the application number</translation>
    </message>
    <message>
        <source>每组前{0}名推荐</source>
        <translation>the first {0} of each panel recommended</translation>
    </message>
    <message>
        <source>汇总结果不低于{0}者推荐</source>
        <translation>recommended at {0} or above</translation>
    </message>
    <message>
        <source>表决通过者推荐</source>
        <translation>recommended when the vote passes</translation>
    </message>
    <message>
        <source>不作推荐</source>
        <translation>no recommendation</translation>
    </message>
    <message>
        <source>评分极差{0}分，达到满分的{1}%（{2}分）</source>
        <translation>scores range over {0} points, at least {1}% of the scale ({2} points)</translation>
    </message>
    <message>
        <source>既有专家评为{0}，又有专家评为{1}</source>
        <translation>graded {0} by some experts and {1} by others</translation>
    </message>
    <message>
        <source>同意{0}票，共{1}票，得票率介于三分之一与三分之二之间</source>
        <translation>{0} of {1} votes in favour, between one third and two thirds</translation>
    </message>
    <message>
        <source>有专家排在前{0}名，也有专家排在后{0}名</source>
        <translation>ranked in the first {0} by some experts and in the last {0} by others</translation>
    </message>
    <message>
        <source>等</source>
        <translation> and more</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>尚有{0}份评分未录入或未计入（{1}{2}）</source>
        <translation>{0} scores not entered or not counted yet ({1}{2})</translation>
    </message>
    <message>
        <source>双人录入有{0}处不一致，须先裁定</source>
        <translation>Double entry: {0} differences to settle first</translation>
    </message>
    <message>
        <source>双人录入有{0}份只录入了一遍</source>
        <translation>Double entry: {0} sheets entered once only</translation>
    </message>
    <message>
        <source>POST_REVIEW 尚有{0}位专家未作会后回避确认（{1}{2}），或由监督员登记理由</source>
        <translation>POST_REVIEW {0} experts have not certified after the meeting ({1}{2}), nor has a supervisor recorded why</translation>
    </message>
    <message>
        <source>NON_CONSENSUS 非共识项目尚待评审组决定：{0}</source>
        <translation>NON_CONSENSUS non-consensus applications awaiting the panel&apos;s decision: {0}</translation>
    </message>
    <message>
        <source>尚未提交审批。</source>
        <translation>Not yet proposed.</translation>
    </message>
    <message>
        <source>尚不能提交审批（见上方红字）。</source>
        <translation>Cannot be proposed yet (see the red lines above).</translation>
    </message>
    <message>
        <source>第{0}版已由{1}审批并冻结（{2}提交）。</source>
        <translation>Version {0} approved by {1} and frozen (proposed by {2}).</translation>
    </message>
    <message>
        <source>审批之后评分或决定有变动：须写明理由重新提交审批。</source>
        <translation> Scores or decisions changed since: propose again with a reason.</translation>
    </message>
    <message>
        <source>第{0}版已由{1}提交，待审批人审批。</source>
        <translation>Version {0} proposed by {1}, waiting for the approver.</translation>
    </message>
    <message>
        <source>{0}：各专家评分分布</source>
        <translation>{0}: each expert&apos;s scores</translation>
    </message>
    <message>
        <source>▲ 红色：非共识项目</source>
        <translation>▲ red: non-consensus</translation>
    </message>
    <message>
        <source>未能登记决定</source>
        <translation>Decision not recorded</translation>
    </message>
    <message>
        <source>未能登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>未能提交审批</source>
        <translation>Not proposed</translation>
    </message>
    <message>
        <source>未能审批</source>
        <translation>Not approved</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>修改角色：{0}</source>
        <translation>Change roles: {0}</translation>
    </message>
    <message>
        <source>角色的改变在该账户下次登录（含锁定后重新登录）时生效。</source>
        <translation>A change of roles takes effect at the account&apos;s next sign-in (including after a lock).</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
</context>
<context>
    <name>RoundWorkspace</name>
    <message>
        <source>创建与评审方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>评审组</source>
        <translation>Panels</translation>
    </message>
    <message>
        <source>回避关系</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>抽取专家</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>承诺书</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>电话确认</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>确认评审组</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>承诺与出席</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>结果与审批</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>反馈与结束</source>
        <translation>Feedback and closing</translation>
    </message>
    <message>
        <source>公示与异议</source>
        <translation>Publicity</translation>
    </message>
    <message>
        <source>无法载入评审轮次的步骤</source>
        <translation>Cannot load the steps of the review round</translation>
    </message>
    <message>
        <source>无法读取评审轮次</source>
        <translation>Cannot read the review round</translation>
    </message>
    <message>
        <source>新建评审轮次</source>
        <translation>New review round</translation>
    </message>
    <message>
        <source>{0}&#x3000;·&#x3000;{1}&#x3000;·&#x3000;{2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <source>{0} {1}（{2}）</source>
        <translation>{0} {1} ({2})</translation>
    </message>
    <message>
        <source>尚未答复的座位 {0} 个：{1}</source>
        <translation>{0} seats still without an answer: {1}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <source>新建评审轮次</source>
        <translation>New review round</translation>
    </message>
    <message>
        <source>无法读取评审轮次</source>
        <translation>Cannot read the review rounds</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>取消导入</source>
        <translation>Cancel the import</translation>
    </message>
    <message>
        <source>导入正在进行。取消后不会写入任何数据。确定取消吗？</source>
        <translation>The import is running. If you cancel, nothing is written. Cancel it?</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>取消未能生效：导入在取消前已完成并写入。</source>
        <translation>Too late to cancel: the import had already finished and was written.</translation>
    </message>
    <message>
        <source>校验并导入</source>
        <translation>Check and import</translation>
    </message>
    <message>
        <source>先校验每个单元格和引用关系：有任何问题则一条也不写入。</source>
        <translation>Every cell and reference is checked first: if there is any problem, nothing is written.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>正在校验…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>限项与资格名单（{0}）：列出 {1} 项，{2} 项待决定（见「限项与资格」）</source>
        <translation>Limits list ({0}): {1} applications listed, {2} flags to decide (see Limits)</translation>
    </message>
    <message>
        <source>导入完成。</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <source>。请修改表格后点「上一步」重新导入。</source>
        <translation>. Correct the spreadsheets, then click “Back” to import again.</translation>
    </message>
</context>
<context>
    <name>ScoresStep</name>
    <message>
        <source>导出评分模板…</source>
        <translation>Export score template…</translation>
    </message>
    <message>
        <source>导入评分表…</source>
        <translation>Import score sheet…</translation>
    </message>
    <message>
        <source>当前单元格的专家评审意见（用于匿名反馈）</source>
        <translation>The expert&apos;s opinion for the current cell (for anonymised feedback)</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>评审组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>第一遍</source>
        <translation>First entry</translation>
    </message>
    <message>
        <source>第二遍</source>
        <translation>Second entry</translation>
    </message>
    <message>
        <source>按专家纸质评分表核定的评分</source>
        <translation>The score as the expert&apos;s paper sheet says</translation>
    </message>
    <message>
        <source>按纸质评分表裁定</source>
        <translation>Settle from the paper sheet</translation>
    </message>
    <message>
        <source>评审意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>双人录入：两遍不一致之处</source>
        <translation>Double entry: differences</translation>
    </message>
    <message>
        <source>各评审组确认（电话确认、承诺书、签到）之后才能录入评分。</source>
        <translation>Scores are entered once the panels are confirmed (calls, commitments, attendance).</translation>
    </message>
    <message>
        <source>评审方法：{0}；每格填写：{1}</source>
        <translation>Method: {0}; each cell holds: {1}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}位专家 × {1}个项目，已计入{2}份评分。</source>
        <translation>{0} experts × {1} applications, {2} scores counted. </translation>
    </message>
    <message>
        <source>灰色的{0}位专家不能评分（鼠标停留可见原因）。</source>
        <translation>The {0} experts in grey may not score (hover for why). </translation>
    </message>
    <message>
        <source>本轮双人录入：您只看到自己录入的一遍，两遍一致才计入。</source>
        <translation>Double entry: you see only your own entries; a score counts when both agree.</translation>
    </message>
    <message>
        <source>已录入第一遍，待另一位操作员录入</source>
        <translation>First entry made; waiting for another operator&apos;s</translation>
    </message>
    <message>
        <source>两遍录入不一致，见下方列表</source>
        <translation>The two entries differ: see the list below</translation>
    </message>
    <message>
        <source>{0}格未保存</source>
        <translation>{0} cells not saved</translation>
    </message>
    <message>
        <source>修改已审批的评分</source>
        <translation>Change an approved score</translation>
    </message>
    <message>
        <source>评审结果已审批并冻结。修改评分的理由（修改后须重新提交审批）：</source>
        <translation>The results are approved and frozen. Why is this score changed (the results then need a new approval)?</translation>
    </message>
    <message>
        <source>评分未保存</source>
        <translation>Scores not saved</translation>
    </message>
    <message>
        <source>未能裁定</source>
        <translation>Not settled</translation>
    </message>
    <message>
        <source>导出评分模板</source>
        <translation>Export score template</translation>
    </message>
    <message>
        <source>评分模板-{0}.xlsx</source>
        <translation>score-template-{0}.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出评分模板：{0}</source>
        <translation>Score template exported: {0}</translation>
    </message>
    <message>
        <source>未能导出评分模板</source>
        <translation>Score template not exported</translation>
    </message>
    <message>
        <source>导入评分表</source>
        <translation>Import score sheet</translation>
    </message>
    <message>
        <source>评分表未导入</source>
        <translation>Score sheet not imported</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>本机设置（不随工作区保存）</source>
        <translation>This computer&apos;s settings (not stored in the workspace)</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>无操作多久后锁定窗口</source>
        <translation>Lock the window after this long without use</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> points</translation>
    </message>
    <message>
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>保存本工作区的规则</source>
        <translation>Save this workspace&apos;s rules</translation>
    </message>
    <message>
        <source>本工作区的规则（随工作区保存，修改记入审计日志）</source>
        <translation>This workspace&apos;s rules (kept with the workspace, changes audited)</translation>
    </message>
    <message>
        <source>评价低于此分为低分</source>
        <translation>A rating below this is low</translation>
    </message>
    <message>
        <source>低分达到此次数</source>
        <translation>Low ratings reaching this number</translation>
    </message>
    <message>
        <source>在此天数内（按评审日期）</source>
        <translation>Within this many days (by review date)</translation>
    </message>
    <message>
        <source>达到时，专家详情中提示复核其专家库资格。</source>
        <translation>When reached, the expert&apos;s detail asks for a review of pool membership.</translation>
    </message>
    <message>
        <source>当前工作区：{0}</source>
        <translation>Current workspace: {0}</translation>
    </message>
    <message>
        <source>（未打开）</source>
        <translation>(none open)</translation>
    </message>
    <message>
        <source>已保存：{0}天内{1}次评价低于{2}分的专家提示复核。</source>
        <translation>Saved: experts rated low {1} times within {0} days (below {2} points) are flagged for review.</translation>
    </message>
    <message>
        <source>已保存。界面语言在重新启动后生效。</source>
        <translation>Saved. The language changes when the program is restarted.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>新建管理员账户</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <source>登录 PanelDesk 评审组织工作台</source>
        <translation>Sign in to PanelDesk</translation>
    </message>
    <message>
        <source>创建并登录</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>工作区「{0}」</source>
        <translation>Workspace “{0}”</translation>
    </message>
    <message>
        <source>这个工作区还没有账户。请设置第一个账户：管理员。管理员只管理账户，不能查看专家信息；请登录后为秘书、监督员等另设账户。</source>
        <translation>This workspace has no account yet. Set up the first one, its administrator. The administrator manages accounts only and cannot see expert data; once signed in, add accounts for the secretary, the supervisor and the others.</translation>
    </message>
    <message>
        <source>管理员账户名</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <source>显示名称</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>口令（至少 8 个字符）</source>
        <translation>Password (at least 8 characters)</translation>
    </message>
    <message>
        <source>再次输入口令</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>账户名</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>两次输入的口令不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>正在核对口令，请稍候…</source>
        <translation>Checking the password, please wait…</translation>
    </message>
    <message>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>恢复密钥已写入：
{0}

忘记全部口令时，只有它能打开这个工作区。请立即打印，交单位负责人存放在保险柜中，然后从本机删除该文件。</source>
        <translation>The recovery key was written to:
{0}

When every password is forgotten, only this key opens the workspace. Print it now, give it to the head of the unit to keep in a safe, then delete the file from this computer.</translation>
    </message>
</context>
<context>
    <name>SignedBatch</name>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>用工作区的签名身份签名（PAdES）</source>
        <translation>Sign with the workspace&apos;s signing identity (PAdES)</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>输出文件夹</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>操作员口令</source>
        <translation>Operator password</translation>
    </message>
    <message>
        <source>本机没有系统钥匙串。请输入操作员口令以打开加密的密钥文件：</source>
        <translation>This computer has no system keyring. Enter the operator password to open the encrypted key file:</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>正在取消：已开始的几份写完即停止，未完成的不留文件…</source>
        <translation>Cancelling: documents already started are finished, then it stops; no partial files are left…</translation>
    </message>
    <message>
        <source>已生成 {0} 份，保存在 {1}</source>
        <translation>{0} documents made, saved in {1}</translation>
    </message>
</context>
<context>
    <name>StripChart</name>
    <message>
        <source>（暂无数据）</source>
        <translation>(no data yet)</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <source>监督员登录确认</source>
        <translation>Supervisor’s confirmation</translation>
    </message>
    <message>
        <source>监督员用本人的账户和口令登录（不能是操作员本人）：</source>
        <translation>The supervisor signs in with their own account and password (not the operator):</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>请写明理由</source>
        <translation>Please give the reason</translation>
    </message>
</context>
<context>
    <name>WitnessDialog</name>
    <message>
        <source>监督员见证签到</source>
        <translation>Supervisor sign-in</translation>
    </message>
    <message>
        <source>掷骰子或用随机数器现场产生，至少6位数字</source>
        <translation>Rolled with dice or a number generator in the room, at least 6 digits</translation>
    </message>
    <message>
        <source>本人在场监督本次抽取，承诺值已在我给出随机数之前公布</source>
        <translation>I am present and supervise this draw; the commitment was shown before I gave my digits</translation>
    </message>
    <message>
        <source>操作员：{0}。见证人须为另一人（决策、执行、监督相互分离：SEPARATION）。</source>
        <translation>Operator: {0}. The witness must be another person (decision, execution and supervision kept apart: SEPARATION).</translation>
    </message>
    <message>
        <source>已公布的承诺值</source>
        <translation>Commitment shown</translation>
    </message>
    <message>
        <source>监督员用本人的账户和口令签到：</source>
        <translation>The supervisor signs in with their own account and password:</translation>
    </message>
    <message>
        <source>见证人随机数</source>
        <translation>Witness digits</translation>
    </message>
    <message>
        <source>请监督员确认在场</source>
        <translation>The supervisor must confirm being present</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>account_dialogs</name>
    <message>
        <source>再次输入新口令</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>两次输入的口令不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>导入数据</source>
        <translation>Import data</translation>
    </message>
    <message>
        <source>新建评审轮次</source>
        <translation>New review round</translation>
    </message>
    <message>
        <source>修改评审轮次</source>
        <translation>Change review round</translation>
    </message>
    <message>
        <source>删除评审轮次草稿</source>
        <translation>Delete draft round</translation>
    </message>
    <message>
        <source>开启评审轮次</source>
        <translation>Open review round</translation>
    </message>
    <message>
        <source>生成并公布抽取承诺值</source>
        <translation>Make and show the draw commitment</translation>
    </message>
    <message>
        <source>抽取评审专家</source>
        <translation>Draw the experts</translation>
    </message>
    <message>
        <source>按记录重算抽取（复核）</source>
        <translation>Recompute a draw from its record (replay)</translation>
    </message>
    <message>
        <source>生成并公布补抽承诺值</source>
        <translation>Supplementary draw commitment made and shown</translation>
    </message>
    <message>
        <source>补抽评审专家</source>
        <translation>Supplementary draw</translation>
    </message>
    <message>
        <source>记录确认电话</source>
        <translation>Confirmation call recorded</translation>
    </message>
    <message>
        <source>记录已确认专家退出</source>
        <translation>Record a confirmed member&apos;s withdrawal</translation>
    </message>
    <message>
        <source>打印专家联系名单</source>
        <translation>Call list printed</translation>
    </message>
    <message>
        <source>导出专家联系名单</source>
        <translation>Call list exported</translation>
    </message>
    <message>
        <source>确认评审组</source>
        <translation>Panel confirmed</translation>
    </message>
    <message>
        <source>记录专家承诺书</source>
        <translation>Expert commitment recorded</translation>
    </message>
    <message>
        <source>记录专家出席情况</source>
        <translation>Attendance recorded</translation>
    </message>
    <message>
        <source>新建评审组</source>
        <translation>New panel</translation>
    </message>
    <message>
        <source>修改评审组</source>
        <translation>Change panel</translation>
    </message>
    <message>
        <source>删除评审组</source>
        <translation>Delete panel</translation>
    </message>
    <message>
        <source>修改专家记录</source>
        <translation>Correct expert record</translation>
    </message>
    <message>
        <source>修改单位记录</source>
        <translation>Correct organisation record</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>创建签名身份</source>
        <translation>Create signing identity</translation>
    </message>
    <message>
        <source>导入签名身份</source>
        <translation>Import signing identity</translation>
    </message>
    <message>
        <source>为数据表建立摘要</source>
        <translation>Digest the data tables</translation>
    </message>
    <message>
        <source>为数据表建立逐行记录</source>
        <translation>Row lists made for the data tables</translation>
    </message>
    <message>
        <source>升级时将身份证号和信用代码统一为规范形式</source>
        <translation>Brought ID numbers and credit codes to their canonical form on upgrade</translation>
    </message>
    <message>
        <source>合并重复登记的人员、单位或诚信记录</source>
        <translation>Merge a person, organisation or integrity record registered twice</translation>
    </message>
    <message>
        <source>更正登记错的身份证号或信用代码</source>
        <translation>Correct a mistyped ID number or credit code</translation>
    </message>
    <message>
        <source>生成评审专家承诺书</source>
        <translation>Make expert commitment letters</translation>
    </message>
    <message>
        <source>生成通知书与名单</source>
        <translation>Make notices and lists</translation>
    </message>
    <message>
        <source>生成签到表</source>
        <translation>Make sign-in sheets</translation>
    </message>
    <message>
        <source>生成评分表</source>
        <translation>Make score sheets</translation>
    </message>
    <message>
        <source>新建账户</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>登录失败（密码错误）</source>
        <translation>Failed sign-in (wrong password)</translation>
    </message>
    <message>
        <source>停用账户</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>修改账户角色</source>
        <translation>Change account roles</translation>
    </message>
    <message>
        <source>重置账户密码</source>
        <translation>Reset account password</translation>
    </message>
    <message>
        <source>修改本人密码</source>
        <translation>Change own password</translation>
    </message>
    <message>
        <source>生成恢复密钥</source>
        <translation>Issue a recovery key</translation>
    </message>
    <message>
        <source>用恢复密钥打开工作区</source>
        <translation>Open the workspace with the recovery key</translation>
    </message>
    <message>
        <source>导出轮次归档</source>
        <translation>Export round archive</translation>
    </message>
    <message>
        <source>导入轮次归档</source>
        <translation>Import round archive</translation>
    </message>
    <message>
        <source>备份工作区</source>
        <translation>Back up workspace</translation>
    </message>
    <message>
        <source>录入年度放假安排</source>
        <translation>Enter a year&apos;s holiday schedule</translation>
    </message>
    <message>
        <source>导入年度放假安排</source>
        <translation>Import a year&apos;s holiday schedule</translation>
    </message>
    <message>
        <source>录入失信行为记录</source>
        <translation>Enter a misconduct record</translation>
    </message>
    <message>
        <source>记录失信行为通报日期</source>
        <translation>Record when a misconduct record was notified</translation>
    </message>
    <message>
        <source>登记信用修复申请</source>
        <translation>Record a credit repair application</translation>
    </message>
    <message>
        <source>作出信用修复决定</source>
        <translation>Decide on credit repair</translation>
    </message>
    <message>
        <source>对限项、申报资格或请托标记作出决定</source>
        <translation>Decide on a project-limit, eligibility or lobbying flag</translation>
    </message>
    <message>
        <source>录入评分</source>
        <translation>Enter scores</translation>
    </message>
    <message>
        <source>裁定双人录入的差异</source>
        <translation>Settle a double-entry difference</translation>
    </message>
    <message>
        <source>导出评分模板</source>
        <translation>Export a score template</translation>
    </message>
    <message>
        <source>导入评分表</source>
        <translation>Import a score sheet</translation>
    </message>
    <message>
        <source>登记专家会后回避确认</source>
        <translation>Record a post-review certification</translation>
    </message>
    <message>
        <source>监督员登记未取得会后回避确认的理由</source>
        <translation>Supervisor&apos;s reason for a missing certification</translation>
    </message>
    <message>
        <source>登记评审组对非共识项目的决定</source>
        <translation>Record the panel&apos;s non-consensus decision</translation>
    </message>
    <message>
        <source>提交评审结果审批</source>
        <translation>Propose the results</translation>
    </message>
    <message>
        <source>审批评审结果</source>
        <translation>Approve the results</translation>
    </message>
    <message>
        <source>修改含可识别信息的专家意见</source>
        <translation>Correct an expert opinion that identified someone</translation>
    </message>
    <message>
        <source>计算结果通知书的申诉期限</source>
        <translation>Count the outcome notices&apos; appeal deadline</translation>
    </message>
    <message>
        <source>生成评审结果通知书</source>
        <translation>Generate outcome notices</translation>
    </message>
    <message>
        <source>生成公示名单</source>
        <translation>Generate the publicity list</translation>
    </message>
    <message>
        <source>生成申诉受理或处理通知书</source>
        <translation>Generate an appeal notice</translation>
    </message>
    <message>
        <source>将申诉受理或处理通知书复制到所选文件夹</source>
        <translation>Copy an appeal notice to the chosen folder</translation>
    </message>
    <message>
        <source>开始公示</source>
        <translation>Start publicity</translation>
    </message>
    <message>
        <source>确认公示名单</source>
        <translation>Make the publicity list final</translation>
    </message>
    <message>
        <source>登记异议</source>
        <translation>Record an objection</translation>
    </message>
    <message>
        <source>答复异议</source>
        <translation>Answer an objection</translation>
    </message>
    <message>
        <source>登记申诉或复核申请</source>
        <translation>Record an appeal or review request</translation>
    </message>
    <message>
        <source>受理申诉</source>
        <translation>Accept an appeal</translation>
    </message>
    <message>
        <source>不予受理申诉</source>
        <translation>Not accept an appeal</translation>
    </message>
    <message>
        <source>延长申诉处理期限</source>
        <translation>Extend an appeal&apos;s time limit</translation>
    </message>
    <message>
        <source>作出申诉处理决定</source>
        <translation>Decide an appeal</translation>
    </message>
    <message>
        <source>登记专家评审行为</source>
        <translation>Record an expert&apos;s conduct</translation>
    </message>
    <message>
        <source>修改专家低分复核线</source>
        <translation>Changed the experts&apos; low-rating review line</translation>
    </message>
    <message>
        <source>关闭评审轮次</source>
        <translation>Close a round</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>评审日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>计划类别</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>评审阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>单位类型</source>
        <translation>Organisation type</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>学科代码</source>
        <translation>Field codes</translation>
    </message>
    <message>
        <source>评审方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>评审形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>计分方式</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>汇总规则</source>
        <translation>Aggregation</translation>
    </message>
    <message>
        <source>评分指标</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>投票通过比例</source>
        <translation>Vote pass fraction</translation>
    </message>
    <message>
        <source>规则设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>默认评审组人数</source>
        <translation>Default panel size</translation>
    </message>
    <message>
        <source>备选人数</source>
        <translation>Reserves</translation>
    </message>
    <message>
        <source>企业专家最低比例</source>
        <translation>Minimum enterprise share</translation>
    </message>
    <message>
        <source>学科匹配级别</source>
        <translation>Field match level</translation>
    </message>
    <message>
        <source>回避年限</source>
        <translation>Look-back years</translation>
    </message>
    <message>
        <source>每个项目申请回避专家上限</source>
        <translation>Requested exclusions per application (at most)</translation>
    </message>
    <message>
        <source>每位专家只参加一个评审组</source>
        <translation>One panel per expert</translation>
    </message>
    <message>
        <source>近亲属回避包括姻亲</source>
        <translation>Relatives include in-laws</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>已删除的评审组</source>
        <translation>Deleted panel</translation>
    </message>
    <message>
        <source>复核重算</source>
        <translation>Replay</translation>
    </message>
    <message>
        <source>抽取次序</source>
        <translation>Draw number</translation>
    </message>
    <message>
        <source>与之相同的抽取记录</source>
        <translation>Recorded draw it matches</translation>
    </message>
    <message>
        <source>监督员</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>重新抽取理由</source>
        <translation>Reason for the redraw</translation>
    </message>
    <message>
        <source>评审组</source>
        <translation>Panels</translation>
    </message>
    <message>
        <source>承诺值</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>承诺值生成人</source>
        <translation>Commitment made by</translation>
    </message>
    <message>
        <source>见证人随机数</source>
        <translation>Witness digits</translation>
    </message>
    <message>
        <source>公布的密钥</source>
        <translation>Revealed secret</translation>
    </message>
    <message>
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>专家库快照哈希</source>
        <translation>Pool hash</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>份数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>计划生成</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>数字签名</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>保存位置</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>签发单位</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>评审地点</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>评审时间</source>
        <translation>Review time</translation>
    </message>
    <message>
        <source>进程号</source>
        <translation>Process id</translation>
    </message>
    <message>
        <source>文件 SHA-256</source>
        <translation>Files&apos; SHA-256</translation>
    </message>
    <message>
        <source>显示的内容</source>
        <translation>What was shown</translation>
    </message>
    <message>
        <source>涉及人员</source>
        <translation>People</translation>
    </message>
    <message>
        <source>证书主体</source>
        <translation>Certificate subject</translation>
    </message>
    <message>
        <source>证书指纹</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <source>密钥编号</source>
        <translation>Key id</translation>
    </message>
    <message>
        <source>口令保存于</source>
        <translation>Passphrase kept in</translation>
    </message>
    <message>
        <source>导入数量</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>数据表</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>评审轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>显示名称</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>停用时间</source>
        <translation>Disabled at</translation>
    </message>
    <message>
        <source>连续输错密码次数</source>
        <translation>Wrong passwords in a row</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>成员数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>字节数</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>清单哈希</source>
        <translation>Manifest hash</translation>
    </message>
    <message>
        <source>签名者指纹</source>
        <translation>Signer fingerprint</translation>
    </message>
    <message>
        <source>审计日志条数</source>
        <translation>Audit log entries</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>依据文号</source>
        <translation>Notice number</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>责任主体</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>失信行为条款</source>
        <translation>Violation (article)</translation>
    </message>
    <message>
        <source>惩戒措施条款</source>
        <translation>Measures (items)</translation>
    </message>
    <message>
        <source>惩戒开始</source>
        <translation>Penalty from</translation>
    </message>
    <message>
        <source>惩戒结束</source>
        <translation>Penalty until</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>通报日期</source>
        <translation>Notified on</translation>
    </message>
    <message>
        <source>复核申请截止日</source>
        <translation>Review request due</translation>
    </message>
    <message>
        <source>诚信记录编号</source>
        <translation>Record number</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>修复条件</source>
        <translation>Repair conditions</translation>
    </message>
    <message>
        <source>规则代码</source>
        <translation>Rule code</translation>
    </message>
    <message>
        <source>予以受理</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>在研项目</source>
        <translation>Ongoing projects</translation>
    </message>
    <message>
        <source>相邻年度的日期</source>
        <translation>Days in a neighbouring year</translation>
    </message>
    <message>
        <source>录入份数</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>计入份数</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Experts</translation>
    </message>
    <message>
        <source>录入差异</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>评审意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>两遍录入</source>
        <translation>Both entries</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>结果哈希</source>
        <translation>Results hash</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>学科</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>人员关系</source>
        <translation>Relations</translation>
    </message>
    <message>
        <source>任职经历</source>
        <translation>Employment history</translation>
    </message>
    <message>
        <source>不宜评审专家</source>
        <translation>Requested exclusions</translation>
    </message>
    <message>
        <source>回避声明</source>
        <translation>Declared conflicts</translation>
    </message>
    <message>
        <source>诚信记录</source>
        <translation>Integrity records</translation>
    </message>
    <message>
        <source>请托记录</source>
        <translation>Lobbying records</translation>
    </message>
    <message>
        <source>项目成员</source>
        <translation>Team members</translation>
    </message>
    <message>
        <source>项目合作单位</source>
        <translation>Partner organisations</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>added</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>rows</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>mobile number</translation>
    </message>
    <message>
        <source>通话</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>录音</source>
        <translation>Recording</translation>
    </message>
    <message>
        <source>递补专家</source>
        <translation>Replacement</translation>
    </message>
    <message>
        <source>递补专家姓名</source>
        <translation>Replacement’s name</translation>
    </message>
    <message>
        <source>依次跳过的备选专家</source>
        <translation>Reserves passed over</translation>
    </message>
    <message>
        <source>备选已用完，须补抽</source>
        <translation>Reserve used up, to be drawn again</translation>
    </message>
    <message>
        <source>申报回避的项目</source>
        <translation>Applications declared</translation>
    </message>
    <message>
        <source>复查出回避事由的成员</source>
        <translation>Members found with a ground</translation>
    </message>
    <message>
        <source>补抽座位数</source>
        <translation>Seats drawn again</translation>
    </message>
    <message>
        <source>补抽中的专家</source>
        <translation>Experts drawn</translation>
    </message>
    <message>
        <source>不可补抽的专家人数</source>
        <translation>Experts excluded</translation>
    </message>
    <message>
        <source>须补足的企业专家人数</source>
        <translation>Enterprise experts needed</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Panel member</translation>
    </message>
    <message>
        <source>企业专家人数</source>
        <translation>Enterprise experts</translation>
    </message>
    <message>
        <source>企业专家应有人数</source>
        <translation>Enterprise experts required</translation>
    </message>
    <message>
        <source>低于比例确认的理由</source>
        <translation>Reason for confirming below the quota</translation>
    </message>
    <message>
        <source>同意的监督员</source>
        <translation>Consenting supervisor</translation>
    </message>
    <message>
        <source>确认人</source>
        <translation>Confirmed by</translation>
    </message>
    <message>
        <source>确认时间</source>
        <translation>Confirmed at</translation>
    </message>
    <message>
        <source>企业专家比例符合</source>
        <translation>Quota met</translation>
    </message>
    <message>
        <source>企业专家比例</source>
        <translation>Enterprise quota</translation>
    </message>
    <message>
        <source>轮次状态</source>
        <translation>Round state</translation>
    </message>
    <message>
        <source>扫描件</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>记录时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>实到评审组</source>
        <translation>Panel as it sat</translation>
    </message>
    <message>
        <source>制表时间</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>数据来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>日历版本</source>
        <translation>Calendar version</translation>
    </message>
    <message>
        <source>确认方式</source>
        <translation>How certified</translation>
    </message>
    <message>
        <source>显示的号码</source>
        <translation>Numbers shown</translation>
    </message>
    <message>
        <source>显示的人数</source>
        <translation>People shown</translation>
    </message>
    <message>
        <source>日志中记名的人员</source>
        <translation>People named in the log</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>秘书</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>审批人</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>审计员</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>会议评审</source>
        <translation>meeting review</translation>
    </message>
    <message>
        <source>通讯评审</source>
        <translation>correspondence review</translation>
    </message>
    <message>
        <source>视频评审</source>
        <translation>video review</translation>
    </message>
    <message>
        <source>答辩评审</source>
        <translation>defence review</translation>
    </message>
    <message>
        <source>现场考察</source>
        <translation>site visit</translation>
    </message>
    <message>
        <source>百分制</source>
        <translation>100-point score</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>grades</translation>
    </message>
    <message>
        <source>投票</source>
        <translation>vote</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>ranking</translation>
    </message>
    <message>
        <source>平均分</source>
        <translation>mean</translation>
    </message>
    <message>
        <source>去掉一个最高分和一个最低分后平均</source>
        <translation>mean without the highest and lowest score</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>median</translation>
    </message>
    <message>
        <source>得票率</source>
        <translation>vote share</translation>
    </message>
    <message>
        <source>波达计数</source>
        <translation>Borda count</translation>
    </message>
    <message>
        <source>已修改</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>全部完成</source>
        <translation>complete</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>中断（程序被终止）</source>
        <translation>interrupted (the program was stopped)</translation>
    </message>
    <message>
        <source>{0} 个项目</source>
        <translation>{0} applications</translation>
    </message>
    <message>
        <source>{0} 位专家</source>
        <translation>{0} experts</translation>
    </message>
    <message>
        <source>{0} 个评审组</source>
        <translation>{0} panels</translation>
    </message>
    <message>
        <source>{0} 个文件</source>
        <translation>{0} files</translation>
    </message>
    <message>
        <source>{0} 个学科</source>
        <translation>{0} fields</translation>
    </message>
    <message>
        <source>{0} 个文件的 SHA-256</source>
        <translation>SHA-256 of {0} files</translation>
    </message>
    <message>
        <source>开始{0}</source>
        <translation>Started: {0}</translation>
    </message>
    <message>
        <source>生成文书（{0}）</source>
        <translation>Make documents ({0})</translation>
    </message>
    <message>
        <source>命令行输出：paneldesk {0}</source>
        <translation>Command line: paneldesk {0}</translation>
    </message>
    <message>
        <source>评审轮次 {0}</source>
        <translation>Round {0}</translation>
    </message>
    <message>
        <source>专家 {0}</source>
        <translation>Expert {0}</translation>
    </message>
    <message>
        <source>人员 {0}</source>
        <translation>Person {0}</translation>
    </message>
    <message>
        <source>单位 {0}</source>
        <translation>Organisation {0}</translation>
    </message>
    <message>
        <source>账户 {0}</source>
        <translation>Account {0}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>（{0}分）</source>
        <translation> ({0} points)</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>删除前：</source>
        <translation>Before the deletion:</translation>
    </message>
    <message>
        <source>（内容未变）</source>
        <translation>(nothing changed)</translation>
    </message>
    <message>
        <source>；等 {0} 项</source>
        <translation>; {0} items in all</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>在库</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>单位类型</source>
        <translation>Organisation type</translation>
    </message>
    <message>
        <source>学科代码</source>
        <translation>Field codes</translation>
    </message>
    <message>
        <source>企业专家</source>
        <translation>Enterprise expert</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>项目编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>主体名称</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>身份证号或信用代码</source>
        <translation>ID or credit code</translation>
    </message>
    <message>
        <source>失信行为</source>
        <translation>Violation</translation>
    </message>
    <message>
        <source>处理措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>惩戒期</source>
        <translation>Penalty period</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>处理单位</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>操作未完成：出现意外错误（{0}）。详细信息已记入日志文件 {1}</source>
        <translation>The operation was not completed: an unexpected error occurred ({0}). Details are in the log file {1}</translation>
    </message>
</context>
<context>
    <name>methods</name>
    <message>
        <source>会议评审</source>
        <translation>Meeting review</translation>
    </message>
    <message>
        <source>通讯评审</source>
        <translation>Correspondence review</translation>
    </message>
    <message>
        <source>视频评审</source>
        <translation>Video review</translation>
    </message>
    <message>
        <source>答辩评审</source>
        <translation>Defence review</translation>
    </message>
    <message>
        <source>现场考察</source>
        <translation>Site visit</translation>
    </message>
    <message>
        <source>百分制</source>
        <translation>Score out of 100</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grades</translation>
    </message>
    <message>
        <source>投票</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>平均分</source>
        <translation>mean</translation>
    </message>
    <message>
        <source>去掉一个最高分和一个最低分后平均</source>
        <translation>mean without the highest and the lowest score</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>median</translation>
    </message>
    <message>
        <source>得票率</source>
        <translation>vote share</translation>
    </message>
    <message>
        <source>波达计数</source>
        <translation>Borda count</translation>
    </message>
    <message>
        <source>总分（100分）</source>
        <translation>Total (out of 100)</translation>
    </message>
    <message>
        <source>等级（A/B/C/D）</source>
        <translation>Grade (A/B/C/D)</translation>
    </message>
    <message>
        <source>表决（同意/不同意/弃权）</source>
        <translation>Vote (同意/不同意/弃权: for/against/abstain)</translation>
    </message>
    <message>
        <source>排序（第几名）</source>
        <translation>Rank (place)</translation>
    </message>
    <message>
        <source>{0}·{1}·{2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <source>（通过比例{0}）</source>
        <translation> (pass share {0})</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}{1}分</source>
        <translation>{0} {1} points</translation>
    </message>
    <message>
        <source>{0}（{1}分）</source>
        <translation>{0} ({1} points)</translation>
    </message>
</context>
<context>
    <name>panel_box</name>
    <message>
        <source>{0}&#x3000;企业专家 {1}/{2}（至少 {3} 人）{4}</source>
        <translation>{0}&#x3000;enterprise experts {1}/{2} (at least {3}) {4}</translation>
    </message>
    <message>
        <source>席位</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>企业专家</source>
        <translation>Enterprise expert</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>（亦在{0}备选）</source>
        <translation> (also a reserve of {0})</translation>
    </message>
    <message>
        <source>备选顺序（依次递补，不得自行指定；已被其他组递补者不再递补）：{0}</source>
        <translation>Reserve order (called in turn, never chosen by anyone; a reserve called by another panel leaves this list): {0}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>打印机无法开始打印，请检查打印机设置</source>
        <translation>The printer cannot start printing; check the printer&apos;s settings</translation>
    </message>
    <message>
        <source>无法读取 {0}：不是可打印的 PDF 文件</source>
        <translation>Cannot read {0}: not a printable PDF file</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>秘书</source>
        <translation>secretary</translation>
    </message>
    <message>
        <source>监督员</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>审批人</source>
        <translation>approver</translation>
    </message>
    <message>
        <source>审计员</source>
        <translation>auditor</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>rounds</name>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已开启</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>已抽取</source>
        <translation>Drawn</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>评分中</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>已出结果</source>
        <translation>Results ready</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>确定评审方法并开启轮次</source>
        <translation>Choose the review method and open the round</translation>
    </message>
    <message>
        <source>设置评审组并抽取专家</source>
        <translation>Set up the panels and draw the experts</translation>
    </message>
    <message>
        <source>电话确认专家，生成并打印承诺书</source>
        <translation>Confirm the experts by phone; generate and print the commitment letters</translation>
    </message>
    <message>
        <source>收集承诺书，开始评分</source>
        <translation>Collect the commitment letters and start scoring</translation>
    </message>
    <message>
        <source>录入评分</source>
        <translation>Enter the scores</translation>
    </message>
    <message>
        <source>审核结果，发送反馈</source>
        <translation>Check the results and send feedback</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>距评审还有{0}天</source>
        <translation>review in {0} days</translation>
    </message>
    <message>
        <source>今天评审</source>
        <translation>review today</translation>
    </message>
    <message>
        <source>评审已过{0}天</source>
        <translation>reviewed {0} days ago</translation>
    </message>
    <message>
        <source>{0}/{1}（需≥{2}）</source>
        <translation>{0}/{1} (needs ≥{2})</translation>
    </message>
</context>
<context>
    <name>service</name>
    <message>
        <source>本人参与</source>
        <translation>Takes part</translation>
    </message>
    <message>
        <source>同单位</source>
        <translation>Same organisation</translation>
    </message>
    <message>
        <source>近亲属</source>
        <translation>Close relative</translation>
    </message>
    <message>
        <source>师生关系</source>
        <translation>Advisor or student</translation>
    </message>
    <message>
        <source>合作关系</source>
        <translation>Collaborator</translation>
    </message>
    <message>
        <source>本人声明回避</source>
        <translation>Declared own conflict</translation>
    </message>
    <message>
        <source>申请人要求回避</source>
        <translation>Applicant asked to exclude</translation>
    </message>
    <message>
        <source>领域不熟悉</source>
        <translation>Outside own field</translation>
    </message>
    <message>
        <source>科研失信惩戒期内</source>
        <translation>Under an integrity penalty</translation>
    </message>
    <message>
        <source>请托</source>
        <translation>Lobbied</translation>
    </message>
    <message>
        <source>读取专家库，计算回避关系</source>
        <translation>reading the pool and computing conflicts</translation>
    </message>
    <message>
        <source>确定各评审组的可选专家</source>
        <translation>finding the experts each panel may draw</translation>
    </message>
    <message>
        <source>按承诺—揭示的种子抽取</source>
        <translation>drawing with the commit–reveal seed</translation>
    </message>
    <message>
        <source>保存抽取记录</source>
        <translation>saving the draw record</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>organisations</translation>
    </message>
    <message>
        <source>学科</source>
        <translation>fields</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>people</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>experts</translation>
    </message>
    <message>
        <source>任职经历</source>
        <translation>employment history</translation>
    </message>
    <message>
        <source>人员关系</source>
        <translation>relations</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>applications</translation>
    </message>
    <message>
        <source>项目成员</source>
        <translation>team members</translation>
    </message>
    <message>
        <source>回避与请托</source>
        <translation>conflicts and lobbying</translation>
    </message>
    <message>
        <source>诚信记录</source>
        <translation>integrity records</translation>
    </message>
    <message>
        <source>提交</source>
        <translation>committing</translation>
    </message>
    <message>
        <source>在研项目</source>
        <translation>Ongoing projects</translation>
    </message>
    <message>
        <source>读取 {0}</source>
        <translation>reading {0}</translation>
    </message>
</context>
</TS>
