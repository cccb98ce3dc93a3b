//! The wizard's own words (zh-CN and en), beside the rules' messages in
//! `domain::i18n`: `t` reads both, so the UI has one catalog to ask.

use crate::domain::i18n::{fill, lookup, msg, text_of, Entry, Lang};

/// Same placeholders in both languages; a test checks.
pub static UI: &[Entry] = &[
    msg!("ui.title", "采购组织形式备案", "Procurement route filing"),
    msg!("ui.progress", "备案进度", "Progress"),
    msg!("ui.step_of", "第 {x} 步，共 {y} 步", "Step {x} of {y}"),
    msg!("ui.start", "开始", "Start now"),
    msg!("ui.continue", "继续", "Continue"),
    msg!("ui.back", "返回", "Back"),
    msg!("ui.optional", "（选填）", " (optional)"),
    msg!("ui.error_prefix", "错误：", "Error: "),
    msg!("ui.title_error_prefix", "错误：", "Error: "),
    msg!("ui.error_summary_title", "存在以下问题", "There is a problem"),
    msg!("ui.errors_announce", "存在问题，数量：", "Problems to fix:"),
    msg!("ui.warnings_title", "提醒（不影响提交）", "Advice (does not block)"),
    msg!("ui.notes_title", "按所选形式须知", "What follows from this route"),
    msg!("ui.lang_changed", "已切换为中文", "Language changed to English"),
    msg!("ui.add_row", "添加一个单位", "Add a unit"),
    msg!("ui.remove_row", "删除", "Remove"),
    msg!("ui.row", "单位", "Unit"),
    msg!("ui.row_added", "已添加一个单位", "A unit was added"),
    msg!("ui.row_removed", "已删除一个单位", "A unit was removed"),
    msg!("ui.change", "修改", "Change"),
    msg!("route.group.D", "部门集中采购", "Department centralized procurement"),
    msg!("route.group.J", "联合采购", "Joint procurement"),
    // Level options (the rules' messages use `level.*`, lower case inside a sentence).
    msg!("choice.level.central", "中央", "Central"),
    msg!("choice.level.province", "省级", "Provincial"),
    msg!("choice.level.city", "市级", "City"),
    msg!("choice.level.county", "县级", "County"),
    // Running total of a joint list's shares (J10).
    msg!("total.equal", "份额合计 {sum} 元，与预算相等", "Shares total {sum} yuan, equal to the budget"),
    msg!("total.over", "份额合计 {sum} 元，比预算多 {diff} 元", "Shares total {sum} yuan, {diff} yuan over the budget"),
    msg!("total.under", "份额合计 {sum} 元，比预算少 {diff} 元", "Shares total {sum} yuan, {diff} yuan under the budget"),
    msg!("total.no_budget", "份额合计 {sum} 元", "Shares total {sum} yuan"),
    msg!("total.capital", "（大写：{capital}）", " (in words: {capital})"),
    msg!("total.unread", "；另有 {count} 个金额无法识别，未计入", "; {count} amounts could not be read and are not counted"),
    msg!("ui.not_provided", "未填写", "Not provided"),
    msg!("ui.check_outstanding", "提交前仍需处理", "Still to fix before you can submit"),
    msg!("ui.generate", "生成备案包", "Create the filing package"),
    msg!("ui.print", "打印摘要", "Print a summary"),
    msg!("ui.digest", "备案包摘要值：", "Package digest:"),
    msg!("ui.download", "下载备案包（JSON）", "Download the filing package (JSON)"),
    msg!("ui.show_json", "查看备案包内容", "Show the package contents"),
    msg!("ui.new_filing", "开始新的备案", "Start a new filing"),
    msg!("ui.help_link", "不确定选哪种？回答几个问题帮您选择", "Not sure? Answer a few questions to find your route"),
    msg!("ui.help_title", "帮您选择采购组织形式", "Find your procurement route"),
    msg!("ui.help_result_title", "建议的采购组织形式", "The route that fits"),
    msg!("ui.help_result", "建议选择：", "We suggest:"),
    msg!("ui.help_answer", "请选择一个答案", "Select an answer"),
    msg!("ui.help_restart", "重新回答", "Answer again"),
    msg!("ui.help_back", "直接选择组织形式", "Choose the route yourself"),
    msg!("ui.choose_route", "选择此形式并继续", "Choose this route and continue"),
    msg!("ui.locked", "（由门户提供）", " (provided by the portal)"),
    msg!("ui.continue_current", "继续填写", "Continue"),
    // Drafts.
    msg!("draft.title", "本机保存的草稿", "Drafts on this computer"),
    msg!("draft.local_only", "草稿只保存在这台电脑的浏览器中，不会上传。使用公用电脑时，用完请清除。", "Drafts stay in this computer's browser and are never uploaded. On a shared computer, clear them when you are done."),
    msg!("draft.none", "还没有草稿。", "No drafts yet."),
    msg!("draft.saved", "已保存", "Saved"),
    msg!("draft.saved_at", "已保存 {time}（北京时间）", "Saved at {time} (China time)"),
    msg!("draft.memory", "此浏览器不允许保存草稿（例如隐私模式或门户设置）。填写内容只在本页面中，关闭即丢失，请导出草稿。", "This browser does not allow saving drafts (privacy mode or the portal's settings). Your answers live only in this page: export the draft before you leave."),
    msg!("draft.quota", "无法保存：浏览器存储空间已满。上次保存的版本仍在。请导出草稿，或清除不需要的草稿。", "Could not save: the browser's storage is full. The last saved version is intact. Export the draft, or clear drafts you no longer need."),
    msg!("draft.failed", "无法保存草稿。请导出草稿以免丢失。", "The draft could not be saved. Export it so nothing is lost."),
    msg!("draft.conflict", "此草稿已在另一个标签页或窗口中保存了更新的版本。为免覆盖，本页已停止自动保存。", "A newer version of this draft was saved in another tab or window. Autosave has stopped here so nothing is overwritten."),
    msg!("draft.load_latest", "载入最新版本", "Load the latest version"),
    msg!("draft.save_copy", "将本页内容另存为副本", "Save this page's answers as a copy"),
    msg!("draft.copy_suffix", "（副本）", " (copy)"),
    msg!("draft.export", "导出草稿", "Export draft"),
    msg!("draft.import", "导入草稿文件（JSON）", "Import a draft file (JSON)"),
    msg!("draft.imported", "草稿已导入。", "The draft was imported."),
    msg!("draft.import_exists", "这台电脑上已有同一份草稿。要覆盖它，还是另存为副本？", "This draft is already on this computer. Replace it, or keep the import as a copy?"),
    msg!("draft.import_replace", "覆盖现有草稿", "Replace the existing draft"),
    msg!("draft.import_copy", "另存为副本", "Keep as a copy"),
    msg!("draft.clear_all", "清除本机所有草稿", "Clear all drafts on this computer"),
    msg!("draft.confirm_clear", "确定清除这台电脑上的所有草稿？此操作不能撤销。", "Clear every draft on this computer? This cannot be undone."),
    msg!("draft.confirm_delete", "确定删除这份草稿？此操作不能撤销。", "Delete this draft? This cannot be undone."),
    msg!("draft.confirm_yes", "确定", "Yes, delete"),
    msg!("draft.confirm_no", "取消", "Cancel"),
    msg!("draft.cleared", "已清除本机所有草稿。", "All drafts on this computer were cleared."),
    msg!("draft.deleted", "草稿已删除。", "The draft was deleted."),
    msg!("draft.resume", "继续", "Resume"),
    msg!("draft.rename", "重命名", "Rename"),
    msg!("draft.new_name", "新名称", "New name"),
    msg!("draft.save_name", "保存名称", "Save name"),
    msg!("draft.delete", "删除", "Delete"),
    msg!("draft.untitled", "未命名草稿", "Untitled draft"),
    msg!("draft.no_route", "未选择", "Not chosen"),
    msg!("draft.ready", "可以提交", "Ready"),
    msg!("draft.not_ready", "待完善", "Not ready"),
    msg!("draft.unreadable", "无法读取的草稿", "Unreadable draft"),
    msg!("draft.download_raw", "下载原始内容", "Download its raw text"),
    msg!("draft.col_name", "名称", "Name"),
    msg!("draft.col_route", "组织形式", "Route"),
    msg!("draft.col_step", "当前步骤", "Current step"),
    msg!("draft.col_saved", "保存时间（北京时间）", "Saved (China time)"),
    msg!("draft.col_status", "状态", "Status"),
    msg!("draft.col_actions", "操作", "Actions"),
    msg!("draft.err.too_large", "文件太大，不是本向导的草稿。", "The file is too large to be a draft of this wizard."),
    msg!("draft.err.not_a_draft", "这不是本向导导出的草稿文件。", "This is not a draft file exported by this wizard."),
    msg!("draft.err.newer", "这份草稿由更新版本的向导保存，请升级后再打开。", "This draft was saved by a newer version of the wizard; open it there."),
    msg!("draft.err.strict", "草稿文件不是严格的 JSON，未读取：", "The draft file is not strict JSON and was not read: "),
    msg!("draft.err.damaged", "草稿内容已损坏，无法读取。", "The draft is damaged and cannot be read."),
    msg!("bulk.paste", "粘贴表格", "Paste from a spreadsheet"),
    msg!("bulk.paste_label", "在 Excel、WPS 或 LibreOffice 中选中若干行并复制（可包括标题行），粘贴到这里", "Select rows in Excel, WPS or LibreOffice, copy them (a header row may come first) and paste them here"),
    msg!("bulk.order", "没有标题行时，各列依次为：{columns}", "Without a header row, the columns are, in order: {columns}"),
    msg!("bulk.show_preview", "预览", "Preview"),
    msg!("bulk.cancel", "取消", "Cancel"),
    msg!("bulk.import", "导入 CSV 文件", "Import a CSV file"),
    msg!("bulk.export", "导出 CSV", "Export as CSV"),
    msg!("bulk.template", "下载模板", "Download the template"),
    msg!("bulk.preview_title", "预览：将添加 {rows} 行，其中 {errors} 行有错误", "Preview: {rows} rows to add, {errors} with errors"),
    msg!("bulk.problems", "问题", "Problems"),
    msg!("bulk.ok", "无", "None"),
    msg!("bulk.add_all", "全部添加（{rows} 行）", "Add all {rows} rows"),
    msg!("bulk.add_valid", "仅添加无错误的行（{rows} 行）", "Add only the {rows} rows without errors"),
    msg!("bulk.added", "已添加 {rows} 行", "{rows} rows added"),
    msg!("bulk.undo", "撤销粘贴", "Undo paste"),
    msg!("bulk.undone", "已撤销粘贴，移除了 {rows} 行", "Paste undone: {rows} rows removed"),
    msg!("directory.named", "机构名录中的机构：{agency}。名称和级别已按名录填写。", "From the agency directory: {agency}. Its name and level are filled in from the directory."),
    msg!("directory.not_this", "不是这个机构？改为填写其他集中采购机构", "Not this agency? Type another centralized agency instead"),
    msg!("directory.near", "机构名录中本地区的集中采购机构：", "Centralized agencies of your region in the directory:"),
    msg!("directory.use", "使用 {agency}", "Use {agency}"),
    msg!("directory.used", "已按名录填写 {agency}", "{agency} filled in from the directory"),
    msg!("crash.title", "表单出错停止了运行", "The form stopped because of an error"),
    msg!("crash.saved", "这是本向导的错误，不是您的。您填写的内容已保存为本机草稿：重新加载页面后，在“本机保存的草稿”中继续填写。", "This is a fault in the wizard, not yours. What you typed is saved as a draft on this computer: reload the page and continue it from “Drafts on this computer”."),
    msg!("crash.not_saved", "这是本向导的错误，不是您的。浏览器不允许保存草稿：请先下载草稿文件，重新加载后在“本机保存的草稿”中导入。", "This is a fault in the wizard, not yours. The browser does not allow saving drafts: download the draft file first, then reload and import it under “Drafts on this computer”."),
    msg!("crash.nothing", "这是本向导的错误，不是您的。您尚未开始填写，请重新加载页面。", "This is a fault in the wizard, not yours. Nothing had been typed yet: reload the page."),
    msg!("crash.download", "下载草稿文件", "Download the draft"),
    msg!("crash.reload", "重新加载页面", "Reload the page"),
    msg!("draft.err.stored", "本机保存的这份草稿已损坏，无法读取。", "This draft saved on this computer is damaged and cannot be read."),
    // Pages.
    msg!("step.start", "采购组织形式备案", "File your procurement route"),
    msg!("step.route", "选择采购组织形式", "How is the procurement organised?"),
    msg!("step.purchaser", "采购单位信息", "About your unit"),
    msg!("step.project", "采购项目信息", "About the project"),
    msg!("step.organiser", "组织部门集中采购的部门", "The organising department"),
    msg!("step.requesting_units", "需求单位", "Requesting units"),
    msg!("step.join_organiser", "组织采购的上级单位", "The higher-level organiser"),
    msg!("step.join_filing", "采购计划备案与参加", "Plan filing and taking part"),
    msg!("step.agency_case", "选择的集中采购机构", "The agency you choose"),
    msg!("step.agency_confirmation", "集中采购机构的确认", "The agency's confirmation"),
    msg!("step.agency_plan", "采购计划备案", "Plan filing"),
    msg!("step.mall_standard", "统一需求标准与网上商城", "Unified standard and the online mall"),
    msg!("step.mall_participants", "参与的采购人", "Participating purchasers"),
    msg!("step.participants", "参与联合采购的采购人", "Purchasers buying together"),
    msg!("step.requirement", "共同编制的采购需求", "The joint requirement"),
    msg!("step.joint_agency", "共同委托的代理机构", "The one agency"),
    msg!("step.allocation", "结果分配与验收", "Splitting the result and acceptance"),
    msg!("step.responsibility", "采购人主体责任", "Your responsibilities as purchaser"),
    msg!("step.check", "提交前核对您的填写", "Check your answers before creating the package"),
    msg!("step.done", "备案包已生成", "Filing package created"),
    msg!("lede.route", "鲁财采〔2020〕40号规定了三种方式：部门集中采购、跨级次选择集中采购机构、联合采购。部门集中采购和联合采购各有两种做法，共五个选项。", "鲁财采〔2020〕40号 (Shandong's 2020 notice on centralized procurement) allows three ways: department centralized procurement, an agency across levels, and joint procurement. The first and the last each come in two forms: five options in all."),
    msg!("lede.requesting_units", "列出汇总需求的各需求单位。每个单位分别备案采购计划，并按采购结果分别签订合同。", "List every unit whose need is pooled. Each files its own plan and signs its own contract."),
    msg!("lede.participants", "列出所有参与的采购人，包括本单位。每个采购人分别确定预算来源、备案采购计划。", "List every purchaser taking part, your unit included. Each sets its own budget source and files its own plan."),
    msg!("lede.responsibility", "委托代理机构组织采购，不免除采购人的法定责任（鲁财采〔2020〕40号 第四条）。", "Entrusting an agency does not remove your legal duties (鲁财采〔2020〕40号, point 4)."),
    msg!("start.lede", "本向导帮助您按照鲁财采〔2020〕40号（聊城市另按聊财采〔2021〕1号）选择采购组织形式，逐项核对条件，并生成提交给门户的备案包。", "This guide helps you choose a procurement route under 鲁财采〔2020〕40号, Shandong's 2020 notice on centralized procurement (and 聊财采〔2021〕1号, Liaocheng's 2021 notice, in Liaocheng), checks each condition, and creates the filing package your portal submits."),
    msg!("start.need_purchaser", "本单位的统一社会信用代码、行政级别和联系人", "your unit's unified social credit code, level and contact person"),
    msg!("start.need_project", "项目名称、品目编码、预算金额和计划采购时间", "the project's name, item code, budget and planned date"),
    msg!("start.need_route", "所选形式需要的文件编号和日期（如采购计划备案、机构确认函、分配约定）", "the references and dates your route needs (plan filings, the agency's confirmation, the allocation agreement)"),
    msg!("start.clauses", "每项检查都注明所依据的条款，方便您核对原文。", "Every check names the clause it relies on, so you can read the text yourself."),
    msg!("done.lede", "备案包已按所选规则检查通过，可由门户提交。请保存下面的摘要值以便核对。", "The package passed the rules and can be submitted by your portal. Keep the digest below for reference."),
    // Routes.
    msg!("route.D-own", "部门集中采购（本部门汇总需求）", "Department centralized procurement (your department pools the need)"),
    msg!("route.D-own.hint", "本部门、本系统的需求汇总后统一组织采购（第一条）", "Pool your department's or system's need and run one procurement (§1)"),
    msg!("route.D-join", "参加上级单位组织的部门集中采购", "Join a higher-level unit's department procurement"),
    msg!("route.D-join.hint", "先在本级财政部门备案采购计划，再参加并直接使用其结果签订合同（第一条）", "File your plan first, then take part and sign on its result (§1)"),
    msg!("route.A", "跨级次选择集中采购机构", "A centralized agency across levels"),
    msg!("route.A.hint", "集中采购目录内项目委托本级以外的集中采购机构（第二条）", "Entrust a catalog project to an agency outside your level (§2)"),
    msg!("route.J-mall", "批量集中采购、统采分签（网上商城）", "Batch procurement through the online mall"),
    msg!("route.J-mall.hint", "目录内需求标准统一的货物和服务，通过省政府采购网上商城（第三条）", "Catalog goods or services with one standard, through the provincial mall (§3)"),
    msg!("route.J-voluntary", "自主联合采购", "Voluntary joint procurement"),
    msg!("route.J-voluntary.hint", "多个采购人共同编制需求、委托同一机构、事先约定分配（第三条）", "Several purchasers write one requirement, entrust one agency, agree the split beforehand (§3)"),
    // Decision help.
    msg!("q.object", "采购标的是什么？", "What are you buying?"),
    msg!("q.joining_higher", "是否参加国家部委、省级有关部门等上级单位组织的部门集中采购？", "Are you joining a department procurement organised by a higher-level unit (a ministry, a provincial department)?"),
    msg!("q.pooling_own_system", "是否由本部门汇总本部门、本系统的同类需求统一采购？", "Is your department pooling the same kind of need for units of its own department or system?"),
    msg!("q.several_purchasers", "是否由几个独立的采购人一起采购？", "Are several independent purchasers buying together?"),
    msg!("q.catalog_unified", "该品目是否属于集中采购目录，且需求标准统一？", "Is the item in the centralized catalog, with one unified standard?"),
    msg!("q.cross_level_agency", "是否要将集中采购目录内项目委托给本级以外的集中采购机构？", "Do you want a centralized agency outside your own level to run a catalog project?"),
    // Choices.
    msg!("choice.yes", "是", "Yes"),
    msg!("choice.no", "否", "No"),
    msg!("choice.confirmed", "已确认", "Confirmed"),
    msg!("choice.not_confirmed", "未确认", "Not confirmed"),
    msg!("choice.object.goods", "货物", "Goods"),
    msg!("choice.object.services", "服务", "Services"),
    msg!("choice.object.works", "工程", "Works"),
    msg!("choice.method.public_tender", "公开招标", "Public tender"),
    msg!("choice.method.invited_tender", "邀请招标", "Invited tender"),
    msg!("choice.method.competitive_negotiation", "竞争性谈判", "Competitive negotiation"),
    msg!("choice.method.competitive_consultation", "竞争性磋商", "Competitive consultation"),
    msg!("choice.method.request_for_quotation", "询价", "Request for quotation"),
    msg!("choice.method.single_source", "单一来源", "Single source"),
    msg!("choice.method.framework_agreement", "框架协议采购", "Framework agreement"),
    msg!("choice.need.general_purpose", "通用性采购需求", "A general-purpose need"),
    msg!("choice.need.special_uniform", "业务需要有特殊要求、可统一采购的需求", "A business need with special requirements that can be bought together"),
    msg!("choice.need.other", "都不是", "Neither"),
    msg!("choice.agency.provincial_centre", "山东省政府采购中心", "Shandong Provincial Government Procurement Centre"),
    msg!("choice.agency.jinan_centre", "济南市政府采购中心", "Jinan Government Procurement Centre"),
    msg!("choice.agency.resident_centre", "驻地集中采购机构", "The centralized agency where the unit is located"),
    msg!("choice.agency.resident_centre.hint", "仅适用于非驻济的省直预算单位", "Only for provincial units located outside Jinan"),
    msg!("choice.agency.other", "其他集中采购机构", "Another centralized agency"),
    msg!("choice.a3.no_own_level_agency", "本级无集中采购机构", "Your level has no centralized agency"),
    msg!("choice.a3.own_agency_unable", "本级集中采购机构无开展代理活动条件", "Your level's agency cannot act"),
    msg!("choice.kind.centralized", "集中采购机构", "A centralized procurement agency"),
    msg!("choice.kind.other_agent", "其他政府采购代理机构（社会代理机构）", "Another procurement agent (a social agent)"),
    msg!("choice.acceptance.separate", "分别验收", "Each purchaser separately"),
    msg!("choice.acceptance.joint", "联合验收", "Jointly"),
    // Labels.
    msg!("label.route", "采购组织形式", "Procurement route"),
    msg!("label.purchaser.name", "单位名称", "Unit name"),
    msg!("label.purchaser.uscc", "统一社会信用代码", "Unified social credit code"),
    msg!("label.purchaser.level", "行政级别", "Administrative level"),
    msg!("label.purchaser.in_jinan", "本单位是否驻济（位于济南）？", "Is your unit located in Jinan?"),
    msg!("label.purchaser.division", "行政区划", "Administrative division"),
    msg!("label.purchaser.contact_name", "联系人", "Contact person"),
    msg!("label.purchaser.contact_phone", "联系电话", "Contact phone"),
    msg!("label.project.name", "项目名称", "Project name"),
    msg!("label.project.object", "采购标的", "What is being bought"),
    msg!("label.project.item_code", "品目编码", "Item code"),
    msg!("label.project.in_catalog", "是否属于集中采购目录？", "Is it in the centralized procurement catalog?"),
    msg!("label.project.budget", "预算金额（元）", "Budget (yuan)"),
    msg!("label.project.funding_source", "资金来源", "Funding source"),
    msg!("label.project.planned_date", "计划采购时间", "Planned procurement date"),
    msg!("label.department.organiser.name", "组织部门名称", "Organising department"),
    msg!("label.department.organiser.uscc", "组织部门统一社会信用代码", "Organising department's credit code"),
    msg!("label.department.organiser.level", "组织部门的行政级别", "Organising department's level"),
    msg!("label.department.need_nature", "汇总的是哪类需求？", "What kind of need is pooled?"),
    msg!("label.department.remit_declared", "我确认汇总的需求属于本部门、本系统或职能管理范围", "I confirm the pooled need lies within our own department, system or functional remit"),
    msg!("label.department.units", "需求单位", "Requesting units"),
    msg!("label.mall.participants", "采购人", "Purchasers"),
    msg!("label.joint.participants", "采购人", "Purchasers"),
    msg!("label.party.name", "单位名称", "Unit name"),
    msg!("label.party.uscc", "统一社会信用代码", "Unified social credit code"),
    msg!("label.party.level", "行政级别", "Administrative level"),
    msg!("label.party.budget_source", "预算来源", "Budget source"),
    msg!("label.party.plan_ref", "采购计划备案编号", "Plan filing reference"),
    msg!("label.party.plan_date", "采购计划备案日期", "Plan filing date"),
    msg!("label.party.amount", "金额（元）", "Amount (yuan)"),
    msg!("label.joint.participants.amount", "份额（元）", "Share (yuan)"),
    msg!("label.join.organiser_name", "组织单位名称", "Organiser's name"),
    msg!("label.join.organiser_level", "组织单位的行政级别", "Organiser's level"),
    msg!("label.join.organiser_project_ref", "组织单位的项目编号", "Organiser's project reference"),
    msg!("label.join.plan_ref", "本单位采购计划备案编号", "Your plan filing reference"),
    msg!("label.join.plan_date", "采购计划备案日期", "Plan filing date"),
    msg!("label.join.participation_date", "参加日期", "Date you take part"),
    msg!("label.agency.choice", "选择哪个集中采购机构？", "Which agency do you choose?"),
    msg!("label.agency.a3_reason", "选择省政府采购中心或济南市政府采购中心的原因", "Why the provincial or Jinan centre?"),
    msg!("label.agency.reason_detail", "原因说明", "Details of the reason"),
    msg!("label.agency.agency.name", "集中采购机构名称", "Agency name"),
    msg!("label.agency.agency.uscc", "集中采购机构统一社会信用代码", "Agency's credit code"),
    msg!("label.agency.agency.level", "集中采购机构的级别", "Agency's level"),
    msg!("label.agency.confirmation.by", "确认人（机构经办人）", "Who confirmed at the agency"),
    msg!("label.agency.confirmation.date", "确认日期", "Date of confirmation"),
    msg!("label.agency.confirmation.reference", "确认文号或联系记录", "Confirmation reference or contact record"),
    msg!("label.agency.plan_ref", "采购计划备案编号", "Plan filing reference"),
    msg!("label.agency.plan_date", "采购计划备案日期", "Plan filing date"),
    msg!("label.agency.plan_agent", "采购计划中的代理机构", "Agent named in the plan"),
    msg!("label.mall.unified_standard_declared", "我确认该品目有统一的需求标准", "I confirm the item has one unified requirement standard"),
    msg!("label.mall.standard_ref", "统一需求标准（名称或编号）", "The unified standard (name or reference)"),
    msg!("label.mall.mall_ref", "网上商城批次或订单编号", "Mall batch or order reference"),
    msg!("label.joint.requirement_ref", "共同编制的采购需求文件编号", "Reference of the joint requirement"),
    msg!("label.joint.requirement_agreed", "我确认采购需求由各采购人共同研究编制并一致同意", "I confirm all purchasers drafted and agreed the requirement together"),
    msg!("label.joint.agency.name", "共同委托的代理机构名称", "Name of the agency all entrust"),
    msg!("label.joint.agency.uscc", "代理机构统一社会信用代码", "Agency's credit code"),
    msg!("label.joint.agency_kind", "代理机构类型", "Kind of agency"),
    msg!("label.joint.allocation_ref", "结果分配约定编号", "Allocation agreement reference"),
    msg!("label.joint.allocation_date", "约定日期", "Date agreed"),
    msg!("label.joint.allocation_terms", "如何确定各采购人的采购结果", "How the result is split among purchasers"),
    msg!("label.joint.acceptance", "验收方式", "How acceptance is done"),
    msg!("label.responsibility.method", "采购方式", "Procurement method"),
    msg!("label.responsibility.approval_ref", "采用公开招标以外方式的批准文号", "Approval reference for a method other than public tender"),
    msg!("label.responsibility.approval_date", "批准日期", "Approval date"),
    msg!("label.responsibility.uses_agency", "是否委托代理机构组织采购？", "Does an agency run the procurement?"),
    msg!("label.responsibility.entrusted_matters", "委托事项", "Matters entrusted to the agency"),
    msg!("label.responsibility.entrustment_ref", "委托代理协议编号", "Entrustment agreement reference"),
    msg!("label.responsibility.entrustment_date", "委托代理协议日期", "Entrustment agreement date"),
    msg!("label.responsibility.representative.name", "采购人代表姓名", "Purchaser representative's name"),
    msg!("label.responsibility.representative.post", "职务", "Post"),
    msg!("label.responsibility.representative.phone", "采购人代表联系电话", "Representative's phone"),
    msg!("label.responsibility.representative.authorization_ref", "授权书编号", "Authorization letter reference"),
    msg!("label.responsibility.representative.no_conflict_declared", "我确认采购人代表与供应商无利害关系，且不以评审专家身份参加本单位项目评审", "I confirm the representative has no conflict of interest with suppliers and will not sit as an evaluation expert on our own project"),
    msg!("label.responsibility.policies.sme", "落实支持中小企业政策", "Support for small and medium enterprises"),
    msg!("label.responsibility.policies.energy_saving", "落实节能环保政策", "Energy saving and environmental policy"),
    msg!("label.responsibility.policies.other", "其他采购政策", "Other procurement policies"),
    msg!("label.responsibility.keeps_legal_duties", "我确认本单位不因委托组织采购而放弃确定需求、落实政策、确认结果和履约验收等法定责任", "I confirm our unit keeps its legal duties for the requirement, policies, result confirmation and acceptance"),
    // Hints and notes.
    msg!("hint.uscc", "18 位，例如 11371500004180002J；空格和连字符会被忽略", "18 characters, like 11371500004180002J; spaces and hyphens are ignored"),
    msg!("hint.date", "例如 2026-03-01，也可写作 2026年3月1日", "For example, 2026-03-01 (2026年3月1日 also works)"),
    msg!("hint.decision.cross_level_agency", "选择本级政府的集中采购机构（同一级别、同一地区）是通常做法，无需按本通知备案", "Your own government's agency (same level, same area) is the usual way and needs no filing under this notice"),
    msg!("hint.money", "以元为单位，最多两位小数，例如 1,200,000.00", "In yuan, at most two decimals, like 1,200,000.00"),
    msg!("hint.phone", "手机号如 13812345678，座机如 0635-8241234", "A mobile like 13812345678 or a landline like 0635-8241234"),
    msg!("hint.item_code", "政府采购品目分类目录编码：A 货物、B 工程、C 服务，加 8 位数字，例如 C21040000", "From the item catalog: A goods, B works, C services, then 8 digits, like C21040000"),
    msg!("hint.in_jinan", "非驻济省直预算单位可委托驻地集中采购机构", "Provincial units outside Jinan may use the local agency"),
    msg!("hint.department.organiser.level", "山东省：省级部门；聊城市：市级部门", "Shandong: a provincial department; Liaocheng: a city department"),
    msg!("hint.need_nature", "山东省汇总通用性需求；聊城市汇总业务需要有特殊要求、可统一采购的需求", "Shandong pools general-purpose needs; Liaocheng pools business needs with special requirements"),
    msg!("hint.join_level", "必须高于本单位的级别", "Must be above your unit's level"),
    msg!("hint.plan_agent", "须变更为拟委托的集中采购机构", "Must be changed to the agency you chose"),
    msg!("hint.agency_kind", "山东省须委托同一集中采购机构；聊城市可委托同一政府采购代理机构", "Shandong requires one centralized agency; in Liaocheng any one procurement agent"),
    msg!("hint.approval", "预算达到公开招标数额标准时需要", "Needed when the budget reaches the public-tender threshold"),
    msg!("hint.entrusted_matters", "例如：编制采购文件、发布公告、组织评审、发布结果", "For example: drafting documents, announcements, evaluation, publishing the result"),
    msg!("hint.route", "不确定时可以回答几个问题", "If unsure, answer a few questions"),
    msg!("note.units", "每个需求单位都要有自己的采购计划备案编号和日期。", "Each requesting unit needs its own plan filing reference and date."),
    msg!("note.join_filing", "应先在本级财政部门备案采购计划，再参加上级单位组织的采购；签订合同后还须在本级财政部门备案合同。", "File your plan with your own finance department before taking part; after signing, file the contract there too."),
    msg!("note.agency_own", "本级政府的集中采购机构（同一级别、同一地区）是通常做法，无需按本通知备案；本形式用于选择本级以外的集中采购机构。", "Your own government's centralized agency (same level, same area) is the usual way and needs no filing under this notice; this route is for choosing an agency outside it."),
    msg!("note.confirmation", "备案采购计划前，须事先与拟选择的集中采购机构就承接事宜沟通确认。", "Before filing the plan, the chosen agency must confirm it will take the project."),
    msg!("note.mall_participants", "各采购人通过网上商城分别签订合同。", "Each purchaser signs its own contract through the mall."),
    msg!("note.participants", "至少两个采购人；合计份额应等于项目预算。", "At least two purchasers; the shares add up to the project budget."),
    msg!("note.responsibility_limited", "采购方式、采购文件和评审由组织单位或网上商城确定（鲁财采〔2020〕40号 第四条），本单位只需确认保留法定责任。", "The organiser or the mall sets method, documents and evaluation (鲁财采〔2020〕40号, point 4); you only confirm that you keep your legal duties."),
];

fn ui_lookup(key: &str, lang: Lang) -> Option<&'static str> {
    UI.iter()
        .find(|(k, _)| *k == key)
        .map(|(_, both)| text_of(both, lang))
}

/// A text of either catalog. A missing key shows as itself, never panics.
pub fn t(key: &str, lang: Lang) -> &'static str {
    ui_lookup(key, lang)
        .or_else(|| lookup(key, lang))
        .unwrap_or("…")
}

/// The catalog's own (static) spelling of `key`, if the UI catalog has it.
pub fn key(key: &str) -> Option<&'static str> {
    UI.iter().find(|(k, _)| *k == key).map(|(k, _)| *k)
}

pub fn has(key: &str) -> bool {
    ui_lookup(key, Lang::Zh).is_some() || lookup(key, Lang::Zh).is_some()
}

pub fn fill_ui(key: &str, lang: Lang, params: &[(&str, String)]) -> String {
    fill(t(key, lang), lang, |name| {
        params
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::MESSAGES;

    #[test]
    fn ui_keys_have_both_languages_with_the_same_placeholders() {
        crate::domain::i18n::tests::assert_catalog(UI);
        for (key, _) in UI {
            assert!(
                !MESSAGES.iter().any(|(k, _)| k == key),
                "{key} is in both catalogs"
            );
        }
    }

    #[test]
    fn every_key_the_ui_names_exists() {
        let sources = [
            include_str!("ui/pages/mod.rs"),
            include_str!("ui/pages/check.rs"),
            include_str!("ui/pages/done.rs"),
            include_str!("ui/pages/findings.rs"),
            include_str!("ui/pages/route.rs"),
            include_str!("ui/pages/start.rs"),
            include_str!("ui/pages/step.rs"),
            include_str!("ui/form.rs"),
            include_str!("wizard/pages.rs"),
            include_str!("domain/choice.rs"),
            include_str!("domain/model.rs"),
            include_str!("ui/state.rs"),
            include_str!("ui/drafts/mod.rs"),
            include_str!("ui/drafts/autosave.rs"),
            include_str!("ui/drafts/files.rs"),
            include_str!("ui/drafts/panel.rs"),
            include_str!("ui/drafts/status.rs"),
            include_str!("domain/draft.rs"),
        ];
        let prefixes = [
            "ui.", "step.", "choice.", "label.", "hint.", "note.", "route.", "q.", "start.",
            "done.", "lede.", "level.",
        ];
        let mut checked = 0;
        for src in sources {
            for lit in src.split('"').skip(1).step_by(2) {
                if prefixes.iter().any(|p| lit.starts_with(p))
                    && lit.len() > 3
                    && lit
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
                    && !lit.ends_with('.')
                {
                    checked += 1;
                    assert!(has(lit), "missing UI text {lit}");
                }
            }
        }
        assert!(
            // Field labels are found by path (`label.<path>`), not spelled
            // out: `wizard::tests` checks those.
            checked > 100,
            "only {checked} keys found: the scan is broken"
        );
    }

    #[test]
    fn every_step_and_route_and_question_has_a_title() {
        use crate::domain::route::{RouteId, Step};
        for route in RouteId::ALL {
            assert!(has(&format!("route.{}", route.id())));
            for step in crate::domain::route::steps(Some(route)) {
                assert!(has(&format!("step.{}", step.id())), "{step:?}");
            }
        }
        assert!(has(&format!("step.{}", Step::Start.id())));
    }
}
