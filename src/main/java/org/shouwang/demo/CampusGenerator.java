package org.shouwang.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.shouwang.shared.IdCards;

/**
 * Makes a plausible campus of any size from a seed: five colleges of three majors each, classes
 * of three grade years, counsellors and head teachers, the departments of a real university, and
 * one community whose men's and women's buildings hold about 95% of the students. The same seed
 * gives the same campus, so tests and benchmarks can rely on it.
 */
public final class CampusGenerator {

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
            .split("");
    private static final String GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳晨轩睿博文昊然子豪泽宇航一鸣嘉诚天佑";
    private static final String GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀玲婷雪慧颖琳洁怡欣悦彤萱涵诗雨梦瑶佳琪思雅晓月紫薇可馨婉清";
    private static final String[][] COLLEGES = {
            {"ZN", "智能制造学院", "JX:机械设计制造及其自动化", "DQ:电气自动化技术", "JQ:工业机器人技术"},
            {"XX", "信息工程学院", "RJ:软件技术", "JW:计算机网络技术", "DS:大数据技术"},
            {"JG", "经济管理学院", "KJ:大数据与会计", "DS2:电子商务", "WL:现代物流管理"},
            {"JZ", "建筑工程学院", "JZ:建筑工程技术", "GC:工程造价", "SN:建筑室内设计"},
            {"YS", "艺术设计学院", "SJ:视觉传达设计", "HJ:环境艺术设计", "DM:数字媒体艺术设计"}};
    static final String[][] DEPARTMENTS = {
            {"XGB", "学生工作部"}, {"HQ", "后勤保障处"}, {"ZZ", "学生资助管理中心"}, {"JY", "就业指导中心"},
            {"XL", "心理健康教育中心"}, {"JWC", "教务处"}, {"BW", "保卫处"}, {"TW", "团委"}, {"SQ", "学生社区服务中心"},
            {"XB", "校办"}};
    private static final String[] REGIONS = {"320402", "320404", "320411", "320412", "320481", "320102", "320205",
            "320506", "321002", "340102", "341202", "370102", "410105", "420106", "510107", "530102"};

    private final Random random;
    private int staffSequence;

    private CampusGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static Campus generate(int studentCount, long seed) {
        return new CampusGenerator(seed).campus(studentCount);
    }

    private Campus campus(int studentCount) {
        List<Campus.Department> departments = new ArrayList<>();
        for (String[] d : DEPARTMENTS) {
            departments.add(new Campus.Department(d[0], d[1]));
        }
        List<Campus.Staff> staff = new ArrayList<>();
        for (Campus.Department d : departments) {
            for (int i = 0; i < 3; i++) {
                staff.add(staff(d.code(), null, i == 0 ? "部门负责人" : "科员"));
            }
        }
        List<Campus.College> colleges = new ArrayList<>();
        List<Campus.Major> majors = new ArrayList<>();
        List<Campus.ClassGroup> classes = new ArrayList<>();
        int grades = 3;
        int firstGrade = 2023;
        int classTotal = Math.max(15, Math.round(studentCount / 50f));
        int majorTotal = COLLEGES.length * 3;
        int majorIndex = 0;
        for (String[] c : COLLEGES) {
            colleges.add(new Campus.College(c[0], c[1]));
            List<Campus.Staff> counsellors = new ArrayList<>();
            for (int i = 0; i < Math.max(1, classTotal / COLLEGES.length / 4); i++) {
                Campus.Staff counsellor = staff(null, c[0], "辅导员");
                counsellors.add(counsellor);
                staff.add(counsellor);
            }
            for (int m = 2; m < c.length; m++, majorIndex++) {
                String[] major = c[m].split(":");
                majors.add(new Campus.Major(major[0], major[1], c[0]));
                int classesOfMajor = classTotal / majorTotal + (majorIndex < classTotal % majorTotal ? 1 : 0);
                for (int k = 0; k < classesOfMajor; k++) {
                    int grade = firstGrade + k % grades;
                    int number = k / grades + 1;
                    String shortName = major[1].substring(0, 2);
                    String code = major[0] + (grade % 100) + String.format("%02d", number);
                    Campus.Staff headTeacher = staff(null, c[0], "班主任");
                    staff.add(headTeacher);
                    Campus.Staff counsellor = counsellors.get(classes.size() % counsellors.size());
                    classes.add(new Campus.ClassGroup(code, shortName + (grade % 100) + String.format("%02d", number) + "班",
                            grade, major[0], counsellor.number(), headTeacher.number()));
                }
            }
        }
        List<Campus.Student> students = new ArrayList<>();
        for (int i = 0; i < studentCount; i++) {
            Campus.ClassGroup classGroup = classes.get(i % classes.size());
            String gender = random.nextInt(100) < 52 ? "M" : "F";
            String number = classGroup.gradeYear() + String.format("%06d", i + 1);
            students.add(new Campus.Student(number, name(gender), gender, classGroup.code(),
                    idCard(classGroup.gradeYear() - 18 - random.nextInt(2), gender), phone(), political()));
        }
        return residence(departments, colleges, majors, staff, classes, students);
    }

    private Campus residence(List<Campus.Department> departments, List<Campus.College> colleges, List<Campus.Major> majors,
                             List<Campus.Staff> staff, List<Campus.ClassGroup> classes, List<Campus.Student> students) {
        int floors = 6;
        int bedsPerFloor = 88;
        List<Campus.Building> buildings = new ArrayList<>();
        List<Campus.Room> rooms = new ArrayList<>();
        List<Campus.Stay> stays = new ArrayList<>();
        for (String gender : List.of("M", "F")) {
            List<Campus.Student> ofGender = students.stream().filter(s -> s.gender().equals(gender)).toList();
            int buildingCount = Math.max(1, (int) Math.round(ofGender.size() / (double) (floors * bedsPerFloor)));
            List<String[]> beds = new ArrayList<>();
            for (int b = 0; b < buildingCount; b++) {
                String code = (gender.equals("M") ? "N" : "V") + (b + 1);
                String name = (gender.equals("M") ? "明德" : "知行") + (b + 1) + "号楼";
                Campus.Staff manager = staff("HQ", null, "宿管员");
                staff.add(manager);
                buildings.add(new Campus.Building(code, name, gender, floors, manager.number()));
                for (int f = 1; f <= floors; f++) {
                    for (int r = 1; r <= 20; r++) {
                        int capacity = r <= 16 ? 4 : 6;
                        String number = f + String.format("%02d", r);
                        rooms.add(new Campus.Room(code, f, number, r == 1 && f == 1 ? "ACCESSIBLE" : "STANDARD", gender, capacity));
                        for (int bed = 1; bed <= capacity; bed++) {
                            beds.add(new String[]{code, number, String.valueOf(bed)});
                        }
                    }
                }
            }
            // Free beds are scattered, as they are after a year of moves, not all on the top floors.
            Collections.shuffle(beds, random);
            int housed = Math.min(ofGender.size(), (int) (beds.size() * 0.97));
            for (int i = 0; i < housed; i++) {
                String[] bed = beds.get(i);
                stays.add(new Campus.Stay(ofGender.get(i).number(), bed[0], bed[1], bed[2]));
            }
        }
        return new Campus(departments, colleges, majors, staff, classes, students,
                new Campus.Community("SQ1", "守望学生社区"), buildings, rooms, stays);
    }

    private Campus.Staff staff(String department, String college, String title) {
        String gender = random.nextBoolean() ? "M" : "F";
        return new Campus.Staff("T" + String.format("%05d", ++staffSequence), name(gender), gender, phone(), department,
                college, title);
    }

    private String name(String gender) {
        String given = gender.equals("M") ? GIVEN_MALE : GIVEN_FEMALE;
        StringBuilder name = new StringBuilder(SURNAMES[random.nextInt(SURNAMES.length)]);
        int length = random.nextInt(10) < 6 ? 2 : 1;
        for (int i = 0; i < length; i++) {
            name.append(given.charAt(random.nextInt(given.length())));
        }
        return name.toString();
    }

    private String idCard(int birthYear, String gender) {
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String birth = String.format("%04d%02d%02d", birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
        int sequence = random.nextInt(500) * 2 + (gender.equals("M") ? 1 : 0);
        String first17 = region + birth + String.format("%03d", sequence);
        return first17 + IdCards.checkDigit(first17);
    }

    private String phone() {
        String[] prefixes = {"138", "139", "150", "151", "152", "158", "177", "180", "181", "187", "188", "199"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    private String political() {
        int p = random.nextInt(100);
        return p < 3 ? "PARTY_MEMBER" : p < 8 ? "PROBATIONARY_MEMBER" : p < 85 ? "LEAGUE_MEMBER" : "MASSES";
    }
}
