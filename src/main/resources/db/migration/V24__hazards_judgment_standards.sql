-- Major-hazard judgment standards (重大事故隐患判定标准) held as data: each standard with its source,
-- and each situation it lists as a hazard category of its industry with the article that lists it.
-- A category listed by a standard is major: a hazard of that situation cannot be graded general.
-- The city office maintains the list (new situations, corrections, retirements) and imports it from Excel.

CREATE TABLE hazard_standard (
    code       VARCHAR(40)  NOT NULL PRIMARY KEY,
    name_zh    VARCHAR(200) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    -- the issuing document: order or standard number
    source     VARCHAR(100) NOT NULL,
    issued_year INT         NOT NULL,
    sort_order INT          NOT NULL
);

INSERT INTO hazard_standard (code, name_zh, name_en, source, issued_year, sort_order) VALUES
 ('IT_2023',  '工贸企业重大事故隐患判定标准', 'Criteria for major accident hazards in industry and trade enterprises', '应急管理部令第10号', 2023, 10),
 ('CM_2020',  '煤矿重大事故隐患判定标准', 'Criteria for major accident hazards in coal mines', '应急管理部令第4号', 2020, 20),
 ('NCM_2022', '金属非金属矿山重大事故隐患判定标准', 'Criteria for major accident hazards in metal and non-metal mines', '矿安〔2022〕88号', 2022, 30),
 ('HC_2017',  '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）', 'Criteria for major hazards in chemical and hazardous-chemical units (trial)', '安监总管三〔2017〕121号', 2017, 40),
 ('FW_2017',  '烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）', 'Criteria for major hazards in fireworks production and trade (trial)', '安监总管三〔2017〕121号', 2017, 50),
 ('CON_2022', '房屋市政工程生产安全重大事故隐患判定标准（2022版）', 'Criteria for major hazards in building and municipal works (2022)', '建质规〔2022〕2号', 2022, 60),
 ('GB35181',  '重大火灾隐患判定方法', 'Determination of major fire hazards', 'GB 35181-2017', 2017, 70);

ALTER TABLE hazard_category ADD COLUMN standard_code VARCHAR(40) REFERENCES hazard_standard (code);
ALTER TABLE hazard_category ADD COLUMN article VARCHAR(60);
-- a retired situation stays for the hazards that name it, but is no longer offered
ALTER TABLE hazard_category ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE hazard_category ADD COLUMN version INT NOT NULL DEFAULT 0;

UPDATE hazard_category SET standard_code = 'IT_2023', article = '第十一条第（七）项' WHERE code = 'IT_DUST_NO_EXPLOSION_PROOF';
UPDATE hazard_category SET standard_code = 'IT_2023', article = '第十三条第（二）项' WHERE code = 'IT_CONFINED_SPACE';
UPDATE hazard_category SET standard_code = 'HC_2017', article = '第四项' WHERE code = 'HC_NO_AUTOMATION';
UPDATE hazard_category SET standard_code = 'HC_2017', article = '第十二项' WHERE code = 'HC_NO_GAS_DETECTION';
-- the standard lists incompatible storage (item 20) as major
UPDATE hazard_category SET standard_code = 'HC_2017', article = '第二十项', major = TRUE WHERE code = 'HC_STORAGE_MIXED';
UPDATE hazard_category SET standard_code = 'CM_2020', article = '第三条第（一）项' WHERE code = 'CM_OVER_CAPACITY';
UPDATE hazard_category SET standard_code = 'CM_2020', article = '第三条第（二）项' WHERE code = 'CM_GAS_OVERLIMIT';
UPDATE hazard_category SET standard_code = 'NCM_2022', article = '第四条第（一）项' WHERE code = 'NCM_NO_SAFETY_EXIT';
UPDATE hazard_category SET standard_code = 'NCM_2022', article = '第五条第（九）项' WHERE code = 'NCM_SLOPE';
UPDATE hazard_category SET standard_code = 'FW_2017', article = '第五项' WHERE code = 'FW_ILLEGAL_STORAGE';
UPDATE hazard_category SET standard_code = 'CON_2022', article = '第八条' WHERE code = 'CON_SCAFFOLD';

INSERT INTO hazard_category (code, industry_code, name_zh, name_en, major, standard_code, article) VALUES
-- 工贸企业重大事故隐患判定标准 (2023): common, metallurgy, dust explosion, ammonia refrigeration, confined space
 ('IT10_3_1', 'INDUSTRY_TRADE', '未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查', 'Contractors and tenants not coordinated, managed or regularly inspected', TRUE, 'IT_2023', '第三条第（一）项'),
 ('IT10_3_2', 'INDUSTRY_TRADE', '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业', 'Special-operation workers at work without training and qualification', TRUE, 'IT_2023', '第三条第（二）项'),
 ('IT10_3_3', 'INDUSTRY_TRADE', '金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格', 'Metal-smelting principals or safety managers not examined and qualified', TRUE, 'IT_2023', '第三条第（三）项'),
 ('IT10_4_1', 'INDUSTRY_TRADE', '会议室、休息室、操作室等人员聚集场所设置在铁水、钢水、液渣吊运跨的地坪区域内', 'Rooms where people gather placed under the ladle crane bays for molten iron, steel or slag', TRUE, 'IT_2023', '第四条第（一）项'),
 ('IT10_4_2', 'INDUSTRY_TRADE', '生产期间冶炼、精炼和铸造生产区域的事故坑、炉下渣坑及熔融金属影响范围内存在积水', 'Standing water in emergency pits or molten-metal areas during production', TRUE, 'IT_2023', '第四条第（二）项'),
 ('IT10_4_3', 'INDUSTRY_TRADE', '炼钢连铸流程未设置事故钢水罐、中间罐漏钢坑（槽）、溢流坑（槽）或漏钢回转溜槽', 'Continuous casting without emergency ladle, breakout pit or overflow pit', TRUE, 'IT_2023', '第四条第（三）项'),
 ('IT10_4_4', 'INDUSTRY_TRADE', '炼钢炉水冷元件未设置出水温度、进出水流量差监测报警装置或未与炉体倾动等装置联锁', 'Furnace water-cooled elements without temperature and flow alarms or interlocks', TRUE, 'IT_2023', '第四条第（四）项'),
 ('IT10_4_5', 'INDUSTRY_TRADE', '高炉炉顶工作压力超过设计最大值，或压力监测装置未与炉顶放散阀联锁', 'Blast-furnace top pressure above design or not interlocked with the bleeder valve', TRUE, 'IT_2023', '第四条第（五）项'),
 ('IT10_4_6', 'INDUSTRY_TRADE', '煤气设施附近人员聚集场所及可能泄漏积聚部位未设置固定式一氧化碳监测报警装置', 'No fixed CO alarms where gas may leak near rooms where people gather', TRUE, 'IT_2023', '第四条第（六）项'),
 ('IT10_4_7', 'INDUSTRY_TRADE', '加热炉、煤气柜、除尘器等设施以及进入车间前的煤气管道未安装隔断装置', 'Gas pipelines into furnaces, holders or workshops without isolation devices', TRUE, 'IT_2023', '第四条第（七）项'),
 ('IT10_4_8', 'INDUSTRY_TRADE', '正压煤气管线水封式排水器封堵压力小于30kPa或共用排水器', 'Gas drain seal below 30 kPa or drains shared across isolation points', TRUE, 'IT_2023', '第四条第（八）项'),
 ('IT10_11_1', 'INDUSTRY_TRADE', '粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，或场所内设有宿舍、办公室等人员聚集场所', 'Dust-explosion area in a non-frame multi-storey building or with rooms where people gather', TRUE, 'IT_2023', '第十一条第（一）项'),
 ('IT10_11_2', 'INDUSTRY_TRADE', '不同类别可燃性粉尘或不同防火分区共用一套除尘系统，或除尘系统互联互通', 'Different combustible dusts or fire compartments sharing one dust-removal system', TRUE, 'IT_2023', '第十一条第（二）项'),
 ('IT10_11_3', 'INDUSTRY_TRADE', '干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施', 'Dry dust collector without venting, inerting or suppression', TRUE, 'IT_2023', '第十一条第（三）项'),
 ('IT10_11_4', 'INDUSTRY_TRADE', '铝镁等金属粉尘除尘系统采用正压除尘方式，或正压吹送粉尘未采取火花探测消除措施', 'Metal dust collected under positive pressure without spark detection', TRUE, 'IT_2023', '第十一条第（四）项'),
 ('IT10_11_5', 'INDUSTRY_TRADE', '除尘系统采用重力沉降室除尘，或采用干式巷道式构筑物作为除尘风道', 'Gravity settling chamber or dry tunnel used as dust duct', TRUE, 'IT_2023', '第十一条第（五）项'),
 ('IT10_11_6', 'INDUSTRY_TRADE', '铝镁等金属粉尘、木质粉尘的干式除尘系统未设置锁气卸灰装置', 'Metal or wood dust collector without airlock discharge', TRUE, 'IT_2023', '第十一条第（六）项'),
 ('IT10_11_8', 'INDUSTRY_TRADE', '粉碎、研磨、造粒等工艺设备前未设置铁、石等杂物去除装置', 'Grinding or milling without removal of iron and stones upstream', TRUE, 'IT_2023', '第十一条第（八）项'),
 ('IT10_11_9', 'INDUSTRY_TRADE', '遇湿自燃金属粉尘收集、堆放、储存场所未采取防止氢气积聚或防水防潮措施', 'Water-reactive metal dust stored without ventilation or moisture protection', TRUE, 'IT_2023', '第十一条第（九）项'),
 ('IT10_11_10', 'INDUSTRY_TRADE', '未落实粉尘清理制度，造成作业现场积尘严重', 'Dust cleaning not done, heavy dust accumulation at work', TRUE, 'IT_2023', '第十一条第（十）项'),
 ('IT10_12_1', 'INDUSTRY_TRADE', '包装间、分割间等人员较多生产场所的空调系统采用氨直接蒸发制冷', 'Direct ammonia evaporation cooling in crowded packing or cutting rooms', TRUE, 'IT_2023', '第十二条第（一）项'),
 ('IT10_12_2', 'INDUSTRY_TRADE', '快速冻结装置未设置在单独作业间内，或作业间内作业人员超过9人', 'Quick-freezing unit not in its own room, or more than 9 workers in it', TRUE, 'IT_2023', '第十二条第（二）项'),
 ('IT10_13_1', 'INDUSTRY_TRADE', '未对有限空间进行辨识、建立安全管理台账，且未设置明显的安全警示标志', 'Confined spaces not identified, recorded or signposted', TRUE, 'IT_2023', '第十三条第（一）项'),
-- 煤矿重大事故隐患判定标准 (2020)
 ('CM4_3', 'COAL_MINE', '煤与瓦斯突出矿井未依照规定实施防突出措施', 'Outburst mine without outburst-prevention measures', TRUE, 'CM_2020', '第三条第（三）项'),
 ('CM4_4', 'COAL_MINE', '高瓦斯矿井未建立瓦斯抽采系统和监控系统，或系统不能正常运行', 'High-gas mine without working gas drainage and monitoring', TRUE, 'CM_2020', '第三条第（四）项'),
 ('CM4_5', 'COAL_MINE', '通风系统不符合规定', 'Ventilation system not compliant', TRUE, 'CM_2020', '第三条第（五）项'),
 ('CM4_6', 'COAL_MINE', '有严重水患，未采取有效措施', 'Serious water hazard without effective measures', TRUE, 'CM_2020', '第三条第（六）项'),
 ('CM4_7', 'COAL_MINE', '超层越界开采', 'Mining beyond the licensed seams or boundary', TRUE, 'CM_2020', '第三条第（七）项'),
 ('CM4_8', 'COAL_MINE', '有冲击地压危险，未采取有效措施', 'Rock-burst danger without effective measures', TRUE, 'CM_2020', '第三条第（八）项'),
 ('CM4_9', 'COAL_MINE', '自然发火严重，未采取有效措施', 'Serious spontaneous combustion without effective measures', TRUE, 'CM_2020', '第三条第（九）项'),
 ('CM4_10', 'COAL_MINE', '使用明令禁止使用或者淘汰的设备、工艺', 'Banned or obsolete equipment or processes in use', TRUE, 'CM_2020', '第三条第（十）项'),
 ('CM4_11', 'COAL_MINE', '煤矿没有双回路供电系统', 'No dual-circuit power supply', TRUE, 'CM_2020', '第三条第（十一）项'),
 ('CM4_12', 'COAL_MINE', '新建煤矿边建设边生产，或改扩建区域内组织生产', 'Producing while building, or in the area under expansion', TRUE, 'CM_2020', '第三条第（十二）项'),
 ('CM4_13', 'COAL_MINE', '整体承包后未重新取得或变更安全生产许可证而生产，或承包方再次转包', 'Contracted mine producing without a renewed licence, or subcontracted again', TRUE, 'CM_2020', '第三条第（十三）项'),
 ('CM4_14', 'COAL_MINE', '改制期间未明确安全生产责任人和安全管理机构，或改制后未变更证照', 'Restructuring without named safety responsibility or updated licences', TRUE, 'CM_2020', '第三条第（十四）项'),
 ('CM4_15', 'COAL_MINE', '有其他重大事故隐患', 'Other major accident hazards', TRUE, 'CM_2020', '第三条第（十五）项'),
-- 金属非金属矿山重大事故隐患判定标准 (2022): underground, open pit, tailings ponds
 ('NCM22_4_2', 'NON_COAL_MINE', '地下矿山使用国家明令禁止使用的设备、材料或者工艺', 'Underground mine using banned equipment, materials or processes', TRUE, 'NCM_2022', '第四条第（二）项'),
 ('NCM22_4_3', 'NON_COAL_MINE', '不同矿权主体的相邻矿山井巷相互贯通，或同一矿权主体独立生产系统擅自贯通', 'Workings of neighbouring mines connected', TRUE, 'NCM_2022', '第四条第（三）项'),
 ('NCM22_4_4', 'NON_COAL_MINE', '地下矿山现状图纸缺失或与实际不符', 'Current mine plans missing or not matching the workings', TRUE, 'NCM_2022', '第四条第（四）项'),
 ('NCM22_4_6', 'NON_COAL_MINE', '地表水或大气降水危及井下安全时未按设计采取防治水措施', 'Surface water endangering the mine without the designed measures', TRUE, 'NCM_2022', '第四条第（六）项'),
 ('NCM22_4_7', 'NON_COAL_MINE', '井下主要排水系统不符合设计要求', 'Main underground drainage not as designed', TRUE, 'NCM_2022', '第四条第（七）项'),
 ('NCM22_4_8', 'NON_COAL_MINE', '井口标高未达到当地历史最高洪水位1米以上且未采取防护措施', 'Shaft collar less than 1 m above the highest flood level without protection', TRUE, 'NCM_2022', '第四条第（八）项'),
 ('NCM22_4_10', 'NON_COAL_MINE', '受地表水倒灌威胁的矿井在强降雨或上游洪水期间不实施停产撤人', 'No stop and withdrawal during heavy rain in a mine threatened by inflow', TRUE, 'NCM_2022', '第四条第（十）项'),
 ('NCM22_4_15', 'NON_COAL_MINE', '未按照设计要求对生产形成的采空区进行处理', 'Mined-out areas not treated as designed', TRUE, 'NCM_2022', '第四条第（十五）项'),
 ('NCM22_4_16', 'NON_COAL_MINE', '具有严重地压条件，未采取预防地压灾害措施', 'Severe ground pressure without prevention measures', TRUE, 'NCM_2022', '第四条第（十六）项'),
 ('NCM22_4_17', 'NON_COAL_MINE', '巷道或者采场顶板未按照设计要求采取支护措施', 'Roof of drifts or stopes not supported as designed', TRUE, 'NCM_2022', '第四条第（十七）项'),
 ('NCM22_4_18', 'NON_COAL_MINE', '未按设计建立机械通风系统，或风速、风量、风质不符合标准', 'No mechanical ventilation or air not meeting the standards', TRUE, 'NCM_2022', '第四条第（十八）项'),
 ('NCM22_4_19', 'NON_COAL_MINE', '未配齐具有矿用产品安全标志的便携式气体检测报警仪和自救器', 'Portable gas detectors and self-rescuers with mine safety mark not provided', TRUE, 'NCM_2022', '第四条第（十九）项'),
 ('NCM22_4_20', 'NON_COAL_MINE', '提升系统安全保护装置缺失或失效', 'Hoist safety devices missing or failed', TRUE, 'NCM_2022', '第四条第（二十）项'),
 ('NCM22_4_21', 'NON_COAL_MINE', '一级负荷未采用双重电源供电，或任一电源不能满足全部一级负荷需要', 'First-class loads without dual power supply', TRUE, 'NCM_2022', '第四条第（二十一）项'),
 ('NCM22_5_1', 'NON_COAL_MINE', '露天矿山地下开采转露天开采前未探明采空区或未对采空区实施专项安全技术措施', 'Open pit over old workings without survey or treatment', TRUE, 'NCM_2022', '第五条第（一）项'),
 ('NCM22_5_3', 'NON_COAL_MINE', '露天矿山未按设计采用自上而下的开采顺序分台阶或分层开采', 'Open pit not mined top-down in benches as designed', TRUE, 'NCM_2022', '第五条第（三）项'),
 ('NCM22_5_5', 'NON_COAL_MINE', '露天矿山最终边坡台阶高度、坡面角超过设计要求', 'Final bench height or slope angle beyond the design', TRUE, 'NCM_2022', '第五条第（五）项'),
 ('NCM22_5_10', 'NON_COAL_MINE', '排土场存在不稳定迹象或未按设计排土', 'Waste dump unstable or not built as designed', TRUE, 'NCM_2022', '第五条第（十）项'),
 ('NCM22_6_1', 'NON_COAL_MINE', '尾矿库库区或者尾矿坝上存在未按设计进行开采、爆破、违规建设等危及安全的活动', 'Mining, blasting or building on a tailings dam or reservoir', TRUE, 'NCM_2022', '第六条第（一）项'),
 ('NCM22_6_2', 'NON_COAL_MINE', '尾矿库坝体出现贯穿性裂缝、坍塌、滑动迹象或大面积管涌、流土', 'Tailings dam with through cracks, slides, piping or soil flow', TRUE, 'NCM_2022', '第六条第（二）项'),
 ('NCM22_6_3', 'NON_COAL_MINE', '尾矿库安全超高和干滩长度小于设计规定', 'Tailings freeboard or beach length below the design', TRUE, 'NCM_2022', '第六条第（三）项'),
 ('NCM22_6_4', 'NON_COAL_MINE', '尾矿库排洪系统构筑物堵塞、坍塌或排洪能力不足', 'Tailings spillway blocked, collapsed or too small', TRUE, 'NCM_2022', '第六条第（四）项'),
 ('NCM22_6_6', 'NON_COAL_MINE', '尾矿库坝体浸润线埋深小于控制浸润线埋深', 'Phreatic line in the tailings dam shallower than the control depth', TRUE, 'NCM_2022', '第六条第（六）项'),
 ('NCM22_6_9', 'NON_COAL_MINE', '尾矿库未按规定设置在线监测系统或系统不能正常运行', 'Tailings pond without working online monitoring', TRUE, 'NCM_2022', '第六条第（九）项'),
-- 化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）(2017)
 ('HC17_01', 'HAZ_CHEM', '危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格', 'Principals and safety managers not examined and qualified', TRUE, 'HC_2017', '第一项'),
 ('HC17_02', 'HAZ_CHEM', '特种作业人员未持证上岗', 'Special-operation workers without certificates', TRUE, 'HC_2017', '第二项'),
 ('HC17_03', 'HAZ_CHEM', '涉及"两重点一重大"的生产装置、储存设施外部安全防护距离不符合国家标准要求', 'External safety distances of key installations not compliant', TRUE, 'HC_2017', '第三项'),
 ('HC17_05', 'HAZ_CHEM', '一级、二级重大危险源罐区未实现紧急切断功能，或有毒液化气体罐区未配备独立的安全仪表系统', 'Major-hazard tank farms without emergency shut-off or an independent SIS', TRUE, 'HC_2017', '第五项'),
 ('HC17_06', 'HAZ_CHEM', '全压力式液化烃储罐未按国家标准设置注水措施', 'Pressurised LPG tanks without water injection', TRUE, 'HC_2017', '第六项'),
 ('HC17_07', 'HAZ_CHEM', '液化烃、液氨、液氯等液化气体的充装未使用万向管道充装系统', 'Liquefied gases loaded without universal-joint loading arms', TRUE, 'HC_2017', '第七项'),
 ('HC17_08', 'HAZ_CHEM', '光气、氯气等剧毒气体及硫化氢气体管道穿越厂区外的公共区域', 'Highly toxic gas pipelines through public areas', TRUE, 'HC_2017', '第八项'),
 ('HC17_09', 'HAZ_CHEM', '地区架空电力线路穿越生产区且不符合国家标准要求', 'Overhead power lines crossing the production area', TRUE, 'HC_2017', '第九项'),
 ('HC17_10', 'HAZ_CHEM', '在役化工装置未经正规设计且未进行安全设计诊断', 'Plant in service without proper design or design review', TRUE, 'HC_2017', '第十项'),
 ('HC17_11', 'HAZ_CHEM', '使用淘汰落后安全技术工艺、设备目录列出的工艺、设备', 'Processes or equipment on the list of obsolete ones in use', TRUE, 'HC_2017', '第十一项'),
 ('HC17_13', 'HAZ_CHEM', '控制室或机柜间面向具有火灾、爆炸危险性装置一侧不满足防火防爆要求', 'Control room facing hazardous units not fire- and blast-proof', TRUE, 'HC_2017', '第十三项'),
 ('HC17_14', 'HAZ_CHEM', '化工生产装置未按要求设置双重电源供电，自动化控制系统未设置不间断电源', 'No dual power supply or no UPS for the control system', TRUE, 'HC_2017', '第十四项'),
 ('HC17_15', 'HAZ_CHEM', '安全阀、爆破片等安全附件未正常投用', 'Safety valves or bursting discs not in service', TRUE, 'HC_2017', '第十五项'),
 ('HC17_16', 'HAZ_CHEM', '未建立与岗位相匹配的全员安全生产责任制，或未制定实施隐患排查治理制度', 'No safety responsibility system for every post or no hazard-elimination system', TRUE, 'HC_2017', '第十六项'),
 ('HC17_17', 'HAZ_CHEM', '未制定操作规程和工艺控制指标', 'No operating procedures or process control limits', TRUE, 'HC_2017', '第十七项'),
 ('HC17_18', 'HAZ_CHEM', '未按国家标准制定动火、进入受限空间等特殊作业管理制度，或制度未有效执行', 'Hot work and confined-space entry not controlled as the standards require', TRUE, 'HC_2017', '第十八项'),
 ('HC17_19', 'HAZ_CHEM', '新开发工艺未经小试、中试、工业化试验直接工业化生产，或未开展反应安全风险评估', 'New process industrialised without trials or reaction risk assessment', TRUE, 'HC_2017', '第十九项'),
-- 烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）(2017)
 ('FW17_01', 'FIREWORKS', '主要负责人、安全生产管理人员未依法经考核合格', 'Principals and safety managers not examined and qualified', TRUE, 'FW_2017', '第一项'),
 ('FW17_02', 'FIREWORKS', '特种作业人员未持证上岗，作业人员带药检维修设备设施', 'Uncertified special workers, or repairs with powder present', TRUE, 'FW_2017', '第二项'),
 ('FW17_03', 'FIREWORKS', '职工自行携带工器具、机器设备进厂进行涉药作业', 'Workers bringing their own tools or machines for powder work', TRUE, 'FW_2017', '第三项'),
 ('FW17_04', 'FIREWORKS', '工（库）房实际作业人员数量超过核定人数', 'More workers in a workshop or store than approved', TRUE, 'FW_2017', '第四项'),
 ('FW17_06', 'FIREWORKS', '工（库）房内、外部安全距离不足，防护屏障缺失或者不符合要求', 'Safety distances too short or barricades missing', TRUE, 'FW_2017', '第六项'),
 ('FW17_07', 'FIREWORKS', '防静电、防火、防雷设备设施缺失或者失效', 'Anti-static, fire or lightning protection missing or failed', TRUE, 'FW_2017', '第七项'),
 ('FW17_08', 'FIREWORKS', '擅自改变工（库）房设计用途', 'Workshop or store used other than designed', TRUE, 'FW_2017', '第八项'),
 ('FW17_09', 'FIREWORKS', '一、二级场所内烟火药、黑火药、引火线的生产、装配未实现机械化', 'Powder mixing, filling or pressing not mechanised in class 1 and 2 areas', TRUE, 'FW_2017', '第九项'),
 ('FW17_10', 'FIREWORKS', '使用新安全设备未进行安全性论证', 'New safety equipment used without a safety appraisal', TRUE, 'FW_2017', '第十项'),
 ('FW17_12', 'FIREWORKS', '批发企业在城市建成区内设立烟花爆竹储存仓库，或在批发仓库内拆箱、包装作业', 'Wholesale store in the built-up area, or unpacking in a wholesale store', TRUE, 'FW_2017', '第十二项'),
 ('FW17_13', 'FIREWORKS', '零售点与居民居住场所设置在同一建筑物内或在零售场所使用明火', 'Retail point in a residential building or open flame in it', TRUE, 'FW_2017', '第十三项'),
-- 房屋市政工程生产安全重大事故隐患判定标准（2022版）
 ('CON22_4_1', 'CONSTRUCTION', '建筑施工企业未取得安全生产许可证擅自从事建筑施工活动', 'Builder working without a safety production licence', TRUE, 'CON_2022', '第四条第（一）项'),
 ('CON22_4_2', 'CONSTRUCTION', '施工单位主要负责人、项目负责人、专职安全生产管理人员未取得安全生产考核合格证书', 'Principals, project managers or safety staff without a safety certificate', TRUE, 'CON_2022', '第四条第（二）项'),
 ('CON22_4_3', 'CONSTRUCTION', '建筑施工特种作业人员未取得特种作业人员操作资格证书上岗作业', 'Special-operation workers without certificates', TRUE, 'CON_2022', '第四条第（三）项'),
 ('CON22_5', 'CONSTRUCTION', '危险性较大的分部分项工程未编制、未审核专项施工方案，或超规模工程方案未经专家论证', 'Dangerous works without a reviewed method statement or expert appraisal', TRUE, 'CON_2022', '第五条'),
 ('CON22_6', 'CONSTRUCTION', '基坑土方超挖且未采取有效措施，或基坑周边荷载超过设计要求', 'Excavation over-dug or overloaded at its edge', TRUE, 'CON_2022', '第六条'),
 ('CON22_9', 'CONSTRUCTION', '起重机械安装、拆卸、顶升加节及附着前未对结构件和安全装置进行检查', 'Cranes erected, raised or tied without checking parts and safety devices', TRUE, 'CON_2022', '第九条'),
 ('CON22_10', 'CONSTRUCTION', '高处作业吊篮超载使用，或安全锁失效、安全绳未独立悬挂', 'Suspended platform overloaded or safety lock and line failed', TRUE, 'CON_2022', '第十条'),
-- 重大火灾隐患判定方法 GB 35181-2017, elements of direct judgement (6.x)
 ('FIRE35181_6_1', 'HAZ_CHEM', '生产、储存和装卸易燃易爆危险品的工厂、仓库和专用车站、码头、储罐区未设置在城市边缘或相对独立的安全地带', 'Flammable-goods plant, store or terminal not at the edge of the city or in a separate safe area', TRUE, 'GB35181', '6.1'),
 ('FIRE35181_6_2', 'HAZ_CHEM', '易燃易爆危险品场所与人员密集场所、居住场所设置在同一建筑物内，或防火间距不足规定值的75%', 'Flammable-goods premises in one building with crowded or residential use, or too close', TRUE, 'GB35181', '6.2'),
 ('FIRE35181_6_3', 'HAZ_CHEM', '城市建成区内加油加气站储量达到或超过一级站的规定', 'Fuel station in the built-up area at or above class-1 storage', TRUE, 'GB35181', '6.3'),
 ('FIRE35181_6_4', 'HAZ_CHEM', '甲、乙类生产场所和仓库设置在建筑的地下室或半地下室', 'Class A or B production or storage in a basement', TRUE, 'GB35181', '6.4'),
 ('FIRE35181_6_5', 'CROWDED_PLACES', '公共娱乐场所、商店、地下人员密集场所安全出口数量不足或总净宽度小于规定值的80%', 'Too few exits, or exits below 80% of the required width, in entertainment, shops or underground crowded places', TRUE, 'GB35181', '6.5'),
 ('FIRE35181_6_6', 'CROWDED_PLACES', '旅馆、公共娱乐场所、商店、地下人员密集场所未按规定设置自动喷水灭火系统或火灾自动报警系统', 'Hotels, entertainment, shops or underground crowded places without sprinklers or fire alarm', TRUE, 'GB35181', '6.6'),
 ('FIRE35181_6_7', 'HAZ_CHEM', '易燃可燃液体、可燃气体储罐（区）未按规定设置固定灭火、冷却、可燃气体浓度报警、火灾报警设施', 'Flammable tank farm without fixed extinguishing, cooling, gas or fire alarms', TRUE, 'GB35181', '6.7'),
 ('FIRE35181_6_8', 'CROWDED_PLACES', '在人员密集场所违反消防安全规定使用、储存或销售易燃易爆危险品', 'Flammable goods used, stored or sold in a crowded place', TRUE, 'GB35181', '6.8'),
 ('FIRE35181_6_9', 'CROWDED_PLACES', '托儿所、幼儿园的儿童用房以及老年人活动场所所在楼层位置不符合规定', 'Nursery or elderly rooms on a storey the standards do not allow', TRUE, 'GB35181', '6.9'),
 ('FIRE35181_6_10', 'CROWDED_PLACES', '人员密集场所的居住场所采用燃烧性能低于A级的彩钢夹芯板搭建', 'Sleeping quarters of a crowded place built of sandwich panels below class A', TRUE, 'GB35181', '6.10');

-- general situations officials see often, so a general hazard is seldom left without a category
INSERT INTO hazard_category (code, industry_code, name_zh, name_en, major) VALUES
 ('CM_RECORDS', 'COAL_MINE', '瓦斯检查记录填写不规范', 'Gas inspection records incomplete', FALSE),
 ('NCM_SIGNS', 'NON_COAL_MINE', '井下避灾路线标识缺失', 'Escape route signs missing underground', FALSE),
 ('HC_LABEL', 'HAZ_CHEM', '危险化学品安全技术说明书和安全标签不全', 'Safety data sheets or labels incomplete', FALSE),
 ('FW_SIGNS', 'FIREWORKS', '工（库）房定员定量标志牌缺失', 'Staffing and quantity signs missing on workshops', FALSE),
 ('CE_RECORDS', 'CIVIL_EXPLOSIVES', '民爆物品出入库登记不全', 'Explosives store records incomplete', FALSE),
 ('IT_ELECTRIC', 'INDUSTRY_TRADE', '临时用电线路私拉乱接', 'Makeshift electrical wiring', FALSE),
 ('HC_PPE', 'HAZ_CHEM', '作业人员未按规定佩戴劳动防护用品', 'Workers without the required protective equipment', FALSE);

CREATE INDEX ix_hazard_category_standard ON hazard_category (standard_code);
-- a situation a standard lists is major, whoever edits the table
ALTER TABLE hazard_category ADD CONSTRAINT ck_hazard_category_standard_major CHECK (standard_code IS NULL OR major = TRUE);
