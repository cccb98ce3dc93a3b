// What a purchaser answers on each route, page by page, in the order the
// fields appear. Values mirror src/domain/sample.rs, so the browser's
// package can be compared with the native checker's verdict.

/** A valid USCC for the n-th synthetic unit (GB 32100 + GB 11714 checks). */
export function uscc(n, category = "12", division = "371500") {
  const set = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const body = `${category}${division}${String(n).padStart(8, "0")}`;
  const orgW = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) s += parseInt(body[8 + i], 36) * orgW[i];
  const r = 11 - (s % 11);
  const org = r === 10 ? "X" : r === 11 ? "0" : String(r);
  const first17 = body + org;
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let t = 0;
  for (let i = 0; i < 17; i++) t += set.indexOf(first17[i]) * w[i];
  return first17 + set[(31 - (t % 31)) % 31];
}

const ROUTE_LABEL = {
  "D-own": "部门集中采购（本部门汇总需求）",
  "D-join": "参加上级单位组织的部门集中采购",
  A: "跨级次选择集中采购机构",
  "J-mall": "批量集中采购、统采分签（网上商城）",
  "J-voluntary": "自主联合采购",
};

function purchaser(profile, route) {
  // Route A under shandong: a city unit outside Liaocheng going to the
  // provincial centre (the province's own agency would be A0).
  if (profile === "shandong" && route === "A")
    return [
      ["fill", "单位名称", "淄博市教育局"],
      ["fill", "统一社会信用代码", uscc(4180003, "11", "370300")],
      ["choose", "行政级别", "市级"],
      ["fill", "联系人", "张三"],
      ["fill", "联系电话", "0533-2181234"],
    ];
  return profile === "shandong"
    ? [
        ["fill", "单位名称", "山东省教育厅"],
        ["fill", "统一社会信用代码", uscc(4180002, "11", "370000")],
        ["choose", "行政级别", "省级"],
        ["choose", "本单位是否驻济（位于济南）？", "是"],
        ["fill", "联系人", "张三"],
        ["fill", "联系电话", "0531-86011234"],
      ]
    : [
        ["fill", "单位名称", "聊城市教育局"],
        ["fill", "统一社会信用代码", "11371500004180002J"],
        ["choose", "行政级别", "市级"],
        ["fill", "联系人", "张三"],
        ["fill", "联系电话", "13812345678"],
      ];
}

function project(route) {
  const goods = route === "J-mall";
  return [
    ["fill", "项目名称", route.startsWith("J") ? "联合采购项目" : "物业管理服务采购"],
    ["choose", "采购标的", goods ? "货物" : "服务"],
    ["fill", "品目编码", goods ? "A02010104" : "C21040000"],
    ["choose", "是否属于集中采购目录？", "是"],
    ["fill", "预算金额（元）", "1,200,000.00"],
    ["fill", "资金来源", "财政拨款"],
    ["fill", "计划采购时间", "2026-12-15"],
  ];
}

/** Two listed units sharing the budget. */
function rows(kind) {
  const out = [];
  for (const n of [1, 2]) {
    out.push(["press", "添加一个单位"]);
    out.push(["fill", "单位名称", `聊城市第${n}中学`, n]);
    out.push(["fill", "统一社会信用代码", uscc(1000 + n), n]);
    if (kind !== "mall") out.push(["choose", "行政级别", kind === "units-province" ? "省级" : "市级", n]);
    if (kind === "joint") out.push(["fill", "预算来源", "市级财政拨款", n]);
    out.push(["fill", "采购计划备案编号", `聊采计〔2026〕${String(n).padStart(4, "0")}号`, n]);
    out.push(["fill", "采购计划备案日期", "2026-03-02", n]);
    out.push(["fill", kind === "joint" ? "份额（元）" : "金额（元）", "600,000.00", n]);
  }
  return out;
}

const full = (usesAgency) => [
  ["choose", "采购方式", "公开招标"],
  ...(usesAgency ? [["choose", "是否委托代理机构组织采购？", "是"]] : []),
  ["fill", "委托事项", "编制采购文件、发布公告、组织评审、发布结果"],
  ["fill", "委托代理协议编号", "委托协议〔2026〕8号"],
  ["fill", "委托代理协议日期", "2026-02-20"],
  ["fill", "采购人代表姓名", "王五"],
  ["fill", "采购人代表联系电话", "0635-8241234"],
  ["tick", "我确认采购人代表与供应商无利害关系，且不以评审专家身份参加本单位项目评审"],
  ["tick", "落实支持中小企业政策"],
  ["tick", "我确认本单位不因委托组织采购而放弃确定需求、落实政策、确认结果和履约验收等法定责任"],
];
const limited = [["tick", "我确认本单位不因委托组织采购而放弃确定需求、落实政策、确认结果和履约验收等法定责任"]];

/** Pages after purchaser and project: [heading, actions]. */
function routePages(route, profile) {
  const sd = profile === "shandong";
  switch (route) {
    case "D-own":
      return [
        ["组织部门集中采购的部门", [
          ["fill", "组织部门名称", sd ? "山东省教育厅" : "聊城市教育局"],
          ["fill", "组织部门统一社会信用代码", sd ? uscc(4180002, "11", "370000") : "11371500004180002J"],
          ["choose", "组织部门的行政级别", sd ? "省级" : "市级"],
          ["choose", "汇总的是哪类需求？", sd ? "通用性采购需求" : "业务需要有特殊要求、可统一采购的需求"],
          ["tick", "我确认汇总的需求属于本部门、本系统或职能管理范围"],
        ]],
        ["需求单位", rows(sd ? "units-province" : "units")],
        ["采购人主体责任", full(true)],
      ];
    case "D-join":
      return [
        ["组织采购的上级单位", [
          ["fill", "组织单位名称", sd ? "教育部" : "山东省教育厅"],
          ["choose", "组织单位的行政级别", sd ? "中央" : "省级"],
          ["fill", "组织单位的项目编号", "SDGP2026-000123"],
        ]],
        ["采购计划备案与参加", [
          ["fill", "本单位采购计划备案编号", "聊采计〔2026〕0042号"],
          ["fill", "采购计划备案日期", "2026-03-01"],
          ["fill", "参加日期", "2026-03-15"],
        ]],
        ["采购人主体责任", limited],
      ];
    case "A":
      return [
        ["选择的集中采购机构", [
          ["choose", "选择哪个集中采购机构？", "山东省政府采购中心"],
          ...(sd ? [["choose", "选择省政府采购中心或济南市政府采购中心的原因", "本级集中采购机构无开展代理活动条件"]] : []),
          // Name and level come from the agency directory (locked).
          ["fill", "集中采购机构统一社会信用代码", uscc(5000001, "12", "370000")],
        ]],
        ["集中采购机构的确认", [
          ["fill", "确认人（机构经办人）", "李四"],
          ["fill", "确认日期", "2026-02-01"],
          ["fill", "确认文号或联系记录", "鲁采中心函〔2026〕12号"],
        ]],
        ["采购计划备案", [
          ["fill", "采购计划备案编号", "采计〔2026〕0007号"],
          ["fill", "采购计划备案日期", "2026-02-10"],
          ["fill", "采购计划中的代理机构", "山东省政府采购中心"],
        ]],
        ["采购人主体责任", full(false)],
      ];
    case "J-mall":
      return [
        ["统一需求标准与网上商城", [
          ["tick", "我确认该品目有统一的需求标准"],
          ["fill", "统一需求标准（名称或编号）", "台式计算机统一配置标准（2026版）"],
          ["fill", "网上商城批次或订单编号", "SC2026-BATCH-0815"],
        ]],
        ["参与的采购人", rows("mall")],
        ["采购人主体责任", limited],
      ];
    case "J-voluntary":
      return [
        ["参与联合采购的采购人", rows("joint")],
        ["共同编制的采购需求", [
          ["fill", "共同编制的采购需求文件编号", "联合需求〔2026〕1号"],
          ["tick", "我确认采购需求由各采购人共同研究编制并一致同意"],
        ]],
        ["共同委托的代理机构", [
          ["fill", "共同委托的代理机构名称", "聊城市公共资源交易中心"],
          ["fill", "代理机构统一社会信用代码", uscc(6000001)],
          ["choose", "代理机构类型", "集中采购机构"],
        ]],
        ["结果分配与验收", [
          ["fill", "结果分配约定编号", "分配约定〔2026〕1号"],
          ["fill", "约定日期", "2026-01-10"],
          ["fill", "如何确定各采购人的采购结果", "按各采购人所用建筑面积比例确定各自结果"],
          ["choose", "验收方式", "联合验收"],
        ]],
        ["采购人主体责任", full(false)],
      ];
  }
  throw new Error(route);
}

/** Every page of a route, from the route choice to the check page. */
export function script(route, profile) {
  return [
    ["选择采购组织形式", [["choose", "采购组织形式", ROUTE_LABEL[route]]]],
    ["采购单位信息", purchaser(profile, route)],
    ["采购项目信息", project(route)],
    ...routePages(route, profile),
  ];
}

export const ROUTES = ["D-own", "D-join", "A", "J-mall", "J-voluntary"];
export const PROFILES = ["shandong", "liaocheng"];
