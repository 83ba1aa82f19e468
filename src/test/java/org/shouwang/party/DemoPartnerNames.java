package org.shouwang.party;

import java.util.Set;

/** The names of the demo campus's 21 partners (see demo/DemoPartners). */
final class DemoPartnerNames {

    static final Set<String> ALL = Set.of("市第一人民医院", "市中医医院", "市红十字会", "公安分局", "湖塘派出所", "市反诈中心",
            "湖塘实验中学", "武进区职业教育中心", "市特殊教育学校", "马杭村", "新安村", "夏墅村", "湖塘镇社区", "武进区湖塘镇社区",
            "花园街社区", "大学新村社区", "律师事务所", "常州智造科技有限公司", "星辰软件有限公司", "江南农商银行湖塘支行", "天宁会计师事务所");

    private DemoPartnerNames() {
    }
}
