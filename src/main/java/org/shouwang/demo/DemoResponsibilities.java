package org.shouwang.demo;

import java.util.List;

import org.shouwang.people.People;
import org.shouwang.people.Structure;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Category.Subcategory;
import org.shouwang.tickets.Limits;
import org.shouwang.tickets.Responsibilities;
import org.shouwang.tickets.Responsibilities.ClauseDraft;
import org.springframework.stereotype.Component;

/**
 * The demo's published responsibility list (部门责任清单, version 1): which department answers
 * for which kind of request, and in how many hours. Legal and "other" requests have no clause,
 * so they wait for the dispatch desk.
 */
@Component
class DemoResponsibilities {

    private final Responsibilities responsibilities;
    private final People people;

    DemoResponsibilities(Responsibilities responsibilities, People people) {
        this.responsibilities = responsibilities;
        this.people = people;
    }

    void load(Viewer admin) {
        Limits office = new Limits(4, 8, 40);
        Limits repair = new Limits(2, 4, 24);
        Limits urgent = new Limits(1, 1, 8);
        clause(admin, "1.1", Category.ACADEMICS, null, "JWC", "课程、考试、学籍、转专业等学业问题", office, urgent);
        clause(admin, "2.1", Category.EMPLOYMENT, null, "JY", "就业指导、实习、招聘信息与就业手续", office, urgent);
        clause(admin, "3.1", Category.PSYCHOLOGY, null, "XL", "心理咨询、心理危机干预（保密）", new Limits(1, 4, 40), new Limits(1, 1, 24));
        clause(admin, "4.1", Category.FINANCIAL_AID, null, "ZZ", "奖助学金、困难认定、助学贷款、勤工助学", office, urgent);
        clause(admin, "5.1", Category.REPAIRS, Subcategory.WATER, "HQ", "宿舍及公共区域给排水、热水器维修", repair, urgent);
        clause(admin, "5.2", Category.REPAIRS, Subcategory.ELECTRICITY, "HQ", "宿舍用电、照明、空调维修", repair, urgent);
        clause(admin, "5.3", Category.REPAIRS, Subcategory.FURNITURE, "HQ", "床铺、桌椅、柜子等家具维修", repair, urgent);
        clause(admin, "5.4", Category.REPAIRS, Subcategory.DOOR_LOCK, "HQ", "门窗、门锁、门禁维修", repair, urgent);
        clause(admin, "5.5", Category.REPAIRS, null, "HQ", "其他宿舍设施维修", repair, urgent);
        clause(admin, "6.1", Category.SAFETY, null, "BW", "消防、治安、安全隐患", new Limits(1, 2, 24), urgent);
        clause(admin, "7.1", Category.DORM_LIFE, null, "SQ", "宿舍调换、作息、卫生与社区生活", office, urgent);
        responsibilities.publish(admin, "首版部门责任清单");
    }

    private void clause(Viewer admin, String clause, Category category, Subcategory sub, String department, String duty,
                        Limits normal, Limits urgent) {
        long departmentId = people.departments().stream().filter(d -> d.code().equals(department))
                .map(Structure.Department::id).findFirst().orElseThrow();
        responsibilities.saveClause(admin, new ClauseDraft(clause, category, sub, null, departmentId, duty, normal, urgent));
    }

    static List<String> departmentsWithClauses() {
        return List.of("JWC", "JY", "XL", "ZZ", "HQ", "BW", "SQ");
    }
}
