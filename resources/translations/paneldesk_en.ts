<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../desktop/ui/audit_page.py" line="22"/>
        <source>校验日志完整性</source>
        <translation>Verify the log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_page.py" line="25"/>
        <source>最近 {0} 条操作记录（每条与前一条以哈希相连，任何改动都会被发现）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_page.py" line="30"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_page.py" line="30"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_page.py" line="30"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_page.py" line="30"/>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_page.py" line="31"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_page.py" line="67"/>
        <source>校验失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_page.py" line="71"/>
        <source>✔ 日志完整，共 {0} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_page.py" line="74"/>
        <source>✘ 日志在第 {0} 条处断开：{1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../desktop/ui/charts.py" line="62"/>
        <source>（暂无数据）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <location filename="../../desktop/ui/catalogue_page.py" line="33"/>
        <source>搜索：姓名、拼音或首字母（如 zhangsan、zs）、证件号、单位</source>
        <translation>Search: name, pinyin or initials (zhangsan, zs), ID number, organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalogue_page.py" line="42"/>
        <source>按此列筛选</source>
        <translation>Filter by this column</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalogue_page.py" line="93"/>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalogue_page.py" line="106"/>
        <source>{0}：全部</source>
        <translation>{0}: all</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/catalogue_page.py" line="116"/>
        <source>{0} / {1} 条</source>
        <translation>{0} / {1} rows</translation>
    </message>
</context>
<context>
    <name>ConflictsStep</name>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="31"/>
        <source>计算回避关系</source>
        <translation>Compute conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="34"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="44"/>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="44"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="44"/>
        <source>回避事由代码</source>
        <translation>Ground codes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="45"/>
        <source>事由</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="52"/>
        <source>输入任一专家的身份证号，查看其与所选项目的回避情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="84"/>
        <source>设置评审组后才能计算回避关系。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="86"/>
        <source>点击「计算回避关系」，逐一核对每位专家与每个项目之间的回避事由。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="92"/>
        <source>正在计算回避关系…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="101"/>
        <source>已取消。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="120"/>
        <source>{0}（{1}）回避 {2} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="124"/>
        <source>共 {0} 个项目、{1} 位专家；除学科不符外，共 {2} 对专家—项目须回避。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="162"/>
        <source>专家 {0}（{1}）与项目 {2}：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_conflicts_step.py" line="163"/>
        <source>无回避事由，可以评审此项目。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="50"/>
        <source>评审轮次</source>
        <translation>Review rounds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="50"/>
        <source>评审日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="50"/>
        <source>评审方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="51"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="51"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="60"/>
        <source>各评审组企业专家人数（虚线为三分之一要求）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="61"/>
        <source>专家库学科覆盖（深色：专家人数；浅色：项目数）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="63"/>
        <source>评审轮次（双击进入）</source>
        <translation>Review rounds (double-click to open)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="65"/>
        <source>待办事项</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="93"/>
        <source>专家 {0} 人（企业专家 {1} 人）&#x3000;单位 {2} 个&#x3000;项目 {3} 项&#x3000;诚信记录 {4} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="107"/>
        <source>还没有评审轮次：先导入专家库和项目，再在「评审轮次」中新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard_page.py" line="115"/>
        <source>抽取专家后在此显示</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="83"/>
        <source>显示完整号码</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="84"/>
        <source>显示完整的身份证号和手机号；此操作记入审计日志</source>
        <translation>Show the whole ID and mobile numbers; this is recorded in the audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="89"/>
        <source>详细信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="136"/>
        <source>无法显示</source>
        <translation>Cannot show</translation>
    </message>
</context>
<context>
    <name>DrawStep</name>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="92"/>
        <source>现场输入随机种子，或点「生成」</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="93"/>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="97"/>
        <source>仅重新抽取时填写：理由将记入记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="98"/>
        <source>监督员签到并抽取…</source>
        <translation>Supervisor sign-in and draw…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="104"/>
        <source>企业专家人数（虚线：三分之一要求）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="106"/>
        <source>抽取</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="111"/>
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="112"/>
        <source>重新抽取理由</source>
        <translation>Redraw reason</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="134"/>
        <source>设置评审组并开启轮次后才能抽取。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="136"/>
        <source>轮次尚未开启：请先在第一步开启轮次（冻结评审方法）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="142"/>
        <source>尚未抽取。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="161"/>
        <source>正在抽取…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="169"/>
        <source>未能抽取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="181"/>
        <source>现场输入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="181"/>
        <source>系统生成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="182"/>
        <source>第 {0} 次抽取&#x3000;{1}&#x3000;操作员 {2}，监督员 {3}
随机种子 {4}（{5}）&#x3000;专家库快照哈希 {6}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="185"/>
        <source>
重新抽取理由：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="36"/>
        <source>选择要导入的表格</source>
        <translation>Choose spreadsheets to import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="37"/>
        <source>Excel（.xlsx）或 CSV（UTF-8 或 GB18030）；每个工作表一类数据，表名或表头决定类型。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="39"/>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="41"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="53"/>
        <source>选择表格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="53"/>
        <source>表格 (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="259"/>
        <source>导入表格</source>
        <translation>Import spreadsheets</translation>
    </message>
</context>
<context>
    <name>LettersStep</name>
    <message>
        <location filename="../../desktop/ui/round_letters_step.py" line="32"/>
        <source>抽取专家后，在此为每位评审专家生成承诺书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_letters_step.py" line="41"/>
        <source>{0}&#x3000;{1}&#x3000;评审专家承诺书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_letters_step.py" line="42"/>
        <source>待生成承诺书 {0} 份。窗口中生成、签名和打印尚待文书服务接入；目前请在命令行执行 paneldesk letters --round {1} --sign。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="32"/>
        <source>PanelDesk 评审组织工作台</source>
        <translation>PanelDesk review secretariat</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="36"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="36"/>
        <source>专家库</source>
        <translation>Experts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="37"/>
        <source>单位</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="38"/>
        <source>项目</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="38"/>
        <source>评审轮次</source>
        <translation>Review rounds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="39"/>
        <source>诚信记录</source>
        <translation>Integrity records</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="39"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="40"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="69"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="70"/>
        <source>新建工作区…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="71"/>
        <source>打开工作区…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="76"/>
        <source>最近打开</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="79"/>
        <source>导入表格…</source>
        <translation>Import spreadsheets…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="84"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="95"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="99"/>
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="104"/>
        <source>选择（或新建）一个空文件夹作为工作区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="111"/>
        <source>无法打开工作区</source>
        <translation>Cannot open the workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118"/>
        <source>正在生成示例工作区（合成的专家库、项目和一个评审轮次）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="131"/>
        <source>无法生成示例工作区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="141"/>
        <source>工作区：{0}</source>
        <translation>Workspace: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="142"/>
        <source>PanelDesk 评审组织工作台 — {0}</source>
        <translation>PanelDesk review secretariat — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="153"/>
        <source>导入表格</source>
        <translation>Import spreadsheets</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="153"/>
        <source>请先打开或新建一个工作区</source>
        <translation>Open or create a workspace first</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="75"/>
        <source>预览并对应表头</source>
        <translation>Preview and map headers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="76"/>
        <source>检查每个工作表被识别成的类型；表头无法识别时，请指定它对应的字段。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="80"/>
        <source>（不导入此表）</source>
        <translation>(do not import this sheet)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="87"/>
        <source>表中的列</source>
        <translation>Column in the sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="87"/>
        <source>对应字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="90"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="92"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="105"/>
        <source>正在读取…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="133"/>
        <source>（忽略）</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="135"/>
        <source>（选填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="150"/>
        <source>未识别此表的类型：请在「类型」中选择，或保持「不导入此表」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="152"/>
        <source>识别为「{0}」，共 {1} 行；缺少必填字段：{2}。请在左侧为相应的列选择字段。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="155"/>
        <source>识别为「{0}」，共 {1} 行；必填字段齐全。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MethodStep</name>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="64"/>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="67"/>
        <source>开启轮次（冻结评审方法）</source>
        <translation>Open round (freeze the method)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="71"/>
        <source>基本信息</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="73"/>
        <source>轮次名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="74"/>
        <source>计划类别</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="75"/>
        <source>评审阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="76"/>
        <source>评审日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="77"/>
        <source>评审方法（同一轮次只用一种方法：ONE_METHOD）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="79"/>
        <source>评审形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="80"/>
        <source>计分方式</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="81"/>
        <source>汇总规则</source>
        <translation>Aggregation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="82"/>
        <source>投票通过比例</source>
        <translation>Vote pass fraction</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="83"/>
        <source>回避与组成规则</source>
        <translation>Recusal and composition</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="85"/>
        <source>回避年限（年）</source>
        <translation>Look-back (years)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="86"/>
        <source>学科匹配级别</source>
        <translation>Field match level</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="87"/>
        <source>每组默认人数</source>
        <translation>Default panel size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="88"/>
        <source>每项目申请回避专家上限</source>
        <translation>Requested exclusions per application</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="124"/>
        <source>创建轮次</source>
        <translation>Create round</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="124"/>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="127"/>
        <source>新建评审轮次：填写名称和日期，选定评审方法后点「创建轮次」。开启轮次后评审方法和规则即冻结，不能再改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="141"/>
        <source>草稿：评审方法为「{0}」，开启前可修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="143"/>
        <source>【已冻结】评审方法：「{0}」。本轮次已于开启时锁定方法与规则（ONE_METHOD），如需采用其他评审方法，请另建评审轮次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="163"/>
        <location filename="../../desktop/ui/round_method_step.py" line="174"/>
        <source>无法保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="180"/>
        <source>开启轮次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="181"/>
        <source>开启后评审方法「{0}」和回避规则将冻结，本轮所有项目都按此方法评审。确定开启？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_method_step.py" line="189"/>
        <source>无法开启</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PanelsStep</name>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="28"/>
        <source>评审组</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="28"/>
        <location filename="../../desktop/ui/round_panels_step.py" line="52"/>
        <source>人数</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="28"/>
        <source>项目数</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="28"/>
        <source>项目编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="38"/>
        <source>按编号、学科代码或名称筛选，如 520</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="40"/>
        <source>全选筛选结果</source>
        <translation>Check all shown</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="44"/>
        <source>添加评审组</source>
        <translation>Add panel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="49"/>
        <source>新增评审组</source>
        <translation>New panel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="51"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="56"/>
        <source>项目</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="77"/>
        <source>请先在第一步创建评审轮次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="79"/>
        <source>本轮已抽取专家，评审组不能再增加。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="81"/>
        <source>共 {0} 个评审组。每组的项目应属相近学科：只有熟悉该组全部项目学科的专家才会被抽取（FIELD）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_panels_step.py" line="125"/>
        <source>无法添加评审组</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoundWorkspace</name>
    <message>
        <location filename="../../desktop/ui/round_workspace.py" line="57"/>
        <source>创建与评审方法</source>
        <translation>Round and method</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_workspace.py" line="57"/>
        <source>评审组</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_workspace.py" line="57"/>
        <source>回避关系</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_workspace.py" line="57"/>
        <source>抽取专家</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_workspace.py" line="57"/>
        <source>承诺书</source>
        <translation>Letters</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_workspace.py" line="81"/>
        <source>无法读取评审轮次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_workspace.py" line="90"/>
        <source>新建评审轮次</source>
        <translation>New review round</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_workspace.py" line="91"/>
        <source>{0}&#x3000;·&#x3000;{1}&#x3000;·&#x3000;{2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <location filename="../../desktop/ui/rounds_page.py" line="22"/>
        <source>新建评审轮次</source>
        <translation>New review round</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/rounds_page.py" line="45"/>
        <source>无法读取评审轮次</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="182"/>
        <source>校验并导入</source>
        <translation>Check and import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="183"/>
        <source>先校验每个单元格和引用关系：有任何问题则一条也不写入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="185"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="192"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="192"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="192"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="192"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="193"/>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="193"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="208"/>
        <source>正在校验…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="232"/>
        <source>导入完成。</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="238"/>
        <source>。请修改表格后点「上一步」重新导入。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="23"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="25"/>
        <source>本机设置（不随工作区保存）</source>
        <translation>This computer&apos;s settings (not stored in the workspace)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="27"/>
        <source>操作员姓名（记入审计日志）</source>
        <translation>Operator name (written to the audit log)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="28"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="40"/>
        <source>当前工作区：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="40"/>
        <source>（未打开）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="48"/>
        <source>已保存。界面语言在重新启动后生效。</source>
        <translation>Saved. The language changes when the program is restarted.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_page.py" line="48"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>WitnessDialog</name>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="30"/>
        <source>监督员见证签到</source>
        <translation>Supervisor sign-in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="33"/>
        <source>本人在场监督本次抽取，并核对了随机种子</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="41"/>
        <source>操作员：{0}。见证人须为另一人（决策、执行、监督相互分离：SEPARATION）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="42"/>
        <source>监督员姓名</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="50"/>
        <source>请填写监督员姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="52"/>
        <source>监督员不能由操作员本人担任</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/round_draw_step.py" line="54"/>
        <source>请监督员确认在场</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../desktop/ui/listings.py" line="39"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="40"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="41"/>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="42"/>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="43"/>
        <source>工作单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="44"/>
        <location filename="../../desktop/ui/listings.py" line="55"/>
        <source>单位类型</source>
        <translation>Organisation type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="45"/>
        <location filename="../../desktop/ui/listings.py" line="61"/>
        <source>学科代码</source>
        <translation>Field codes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="46"/>
        <source>企业专家</source>
        <translation>Enterprise expert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="47"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="53"/>
        <source>单位名称</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="54"/>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="59"/>
        <source>项目编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="60"/>
        <source>项目名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="62"/>
        <source>负责人</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="63"/>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="68"/>
        <source>主体名称</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="69"/>
        <source>身份证号或信用代码</source>
        <translation>ID or credit code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="71"/>
        <source>失信行为</source>
        <translation>Violation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="72"/>
        <source>处理措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="73"/>
        <source>惩戒期</source>
        <translation>Penalty period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="75"/>
        <source>处理单位</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/listings.py" line="76"/>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="47"/>
        <source>操作未完成：出现意外错误（{0}）。详细信息已记入日志文件 {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
