package org.shouwang.demo;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.Audience;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.party.MentorDraft;
import org.shouwang.party.MentorExpertise;
import org.shouwang.party.MentorParticipationKind;
import org.shouwang.party.Mentors;
import org.shouwang.party.PartnerDraft;
import org.shouwang.party.PartnerKind;
import org.shouwang.party.Partners;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.Studios;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.shouwang.party.MentorExpertise.CAREER;
import static org.shouwang.party.MentorExpertise.CULTURE;
import static org.shouwang.party.MentorExpertise.ENTREPRENEURSHIP;
import static org.shouwang.party.MentorExpertise.LAW;
import static org.shouwang.party.MentorExpertise.MEDICINE;
import static org.shouwang.party.MentorExpertise.OTHER;
import static org.shouwang.party.MentorExpertise.PARTY_HISTORY;
import static org.shouwang.party.MentorExpertise.PSYCHOLOGY;
import static org.shouwang.party.MentorExpertise.SAFETY;
import static org.shouwang.party.MentorExpertise.SPORTS;

/**
 * The seed's partners (21, across the six kinds; the names the demo studios and activities carry
 * as partners among them, so those studios and activities show on the partners' pages), 137
 * off-campus mentors and a year of their participation (batch-written; fewer entries on the small
 * test campus). One joint activity of the Red Cross is planned so its page has both.
 */
@Component
@Order(90)
class DemoPartners implements DemoSection {

    private record Plan(String name, PartnerKind kind, String address, String purpose, String contact, String role,
                        Set<MentorExpertise> expertise, String mentorTitle, String studio) {
    }

    private static final List<Plan> PARTNERS = List.of(
            new Plan("市第一人民医院", PartnerKind.HOSPITAL, "常州市局前街 185 号", "医务社工进社区；健康讲座；新生体检与慢病咨询。",
                    "周主任", "医务处副主任", EnumSet.of(MEDICINE, PSYCHOLOGY), "主治医师", null),
            new Plan("市中医医院", PartnerKind.HOSPITAL, "常州市和平北路 25 号", "中医养生讲座；运动损伤义诊。",
                    "钱医生", "康复科主任", EnumSet.of(MEDICINE, SPORTS), "副主任医师", null),
            new Plan("市红十字会", PartnerKind.HOSPITAL, "常州市晋陵中路 555 号", "共建“救在身边”急救工作室：应急救护培训、AED 教学、急救志愿者。",
                    "孙老师", "救护培训中心主任", EnumSet.of(MEDICINE, SAFETY), "应急救护培训师", "救在身边急救工作室"),
            new Plan("公安分局", PartnerKind.POLICE, "常州市武进区人民中路 18 号", "社区警务室共建：民警驻社区值守、防诈宣传、安全教育。",
                    "李警官", "社区民警", EnumSet.of(SAFETY, LAW), "社区民警", "金盾护航警务工作室"),
            new Plan("湖塘派出所", PartnerKind.POLICE, "常州市武进区湖塘镇花园街 8 号", "校园周边治安联防；防范电信网络诈骗宣传。",
                    "王所长", "副所长", EnumSet.of(SAFETY, LAW), "民警", null),
            new Plan("市反诈中心", PartnerKind.POLICE, "常州市龙城大道 1280 号", "青春护航反诈工作室共建；可疑来电预警。",
                    "陈警官", "宣传科科长", EnumSet.of(SAFETY), "反诈宣传员", "青春护航反诈工作室"),
            new Plan("湖塘实验中学", PartnerKind.SCHOOL, "常州市武进区湖塘镇长安路 6 号", "大学生支教与课后托管；中学生走进大学。",
                    "吴校长", "副校长", EnumSet.of(CULTURE, SPORTS), "高级教师", null),
            new Plan("武进区职业教育中心", PartnerKind.SCHOOL, "常州市武进区湖塘镇广电路 2 号", "技能竞赛交流；工匠进校园。",
                    "郑老师", "教务处主任", EnumSet.of(CAREER), "高级讲师", null),
            new Plan("市特殊教育学校", PartnerKind.SCHOOL, "常州市天宁区青洋路 30 号", "助残志愿服务；融合教育实践。",
                    "冯老师", "德育主任", EnumSet.of(PSYCHOLOGY, OTHER), "特教教师", null),
            new Plan("马杭村", PartnerKind.VILLAGE, "常州市武进区马杭街道", "乡村振兴实践基地；暑期“三下乡”。",
                    "蒋书记", "村党委书记", EnumSet.of(PARTY_HISTORY, OTHER), "村党委书记", null),
            new Plan("新安村", PartnerKind.VILLAGE, "常州市武进区洛阳镇", "农文旅调研；电商助农。",
                    "沈书记", "村党总支书记", EnumSet.of(PARTY_HISTORY, ENTREPRENEURSHIP), "村党总支书记", null),
            new Plan("夏墅村", PartnerKind.VILLAGE, "常州市武进区嘉泽镇", "红色教育基地；党员志愿服务。",
                    "韩主任", "村委会主任", EnumSet.of(PARTY_HISTORY), "村委会主任", null),
            new Plan("湖塘镇社区", PartnerKind.COMMUNITY, "常州市武进区湖塘镇府东路 3 号", "邻里共建工作站：志愿服务对接、社区实践岗位、邻里活动。",
                    "杨主任", "社区居委会主任", EnumSet.of(PARTY_HISTORY, CULTURE), "社区工作者", "邻里共建工作站"),
            new Plan("武进区湖塘镇社区", PartnerKind.COMMUNITY, "常州市武进区湖塘镇人民路 11 号", "社会实践基地：乡村振兴调研、反诈宣传实践。",
                    "朱书记", "社区党委书记", EnumSet.of(PARTY_HISTORY), "社区党委书记", null),
            new Plan("花园街社区", PartnerKind.COMMUNITY, "常州市武进区花园街 99 号", "敬老助老志愿服务；垃圾分类宣传。",
                    "秦主任", "社区居委会副主任", EnumSet.of(CULTURE, OTHER), "社区工作者", null),
            new Plan("大学新村社区", PartnerKind.COMMUNITY, "常州市武进区大学城 5 号", "学生社区与属地社区联席共治；文化节共办。",
                    "许书记", "社区党总支书记", EnumSet.of(PARTY_HISTORY, CULTURE), "社区党总支书记", null),
            new Plan("律师事务所", PartnerKind.ENTERPRISE, "常州市新北区太湖东路 9 号", "普法天平法律援助工作室共建：律师每周驻点、合同审查、普法讲座。",
                    "何律师", "合伙人", EnumSet.of(LAW), "执业律师", "普法天平法律援助工作室"),
            new Plan("常州智造科技有限公司", PartnerKind.ENTERPRISE, "常州市武进区科教城创研港 3 号", "实习基地；订单班；工程师进课堂。",
                    "吕经理", "人力资源经理", EnumSet.of(CAREER, ENTREPRENEURSHIP), "高级工程师", null),
            new Plan("星辰软件有限公司", PartnerKind.ENTERPRISE, "常州市天宁区恒生科技园 12 号", "软件开发实训；创业孵化指导。",
                    "施总", "技术总监", EnumSet.of(CAREER, ENTREPRENEURSHIP), "技术经理", null),
            new Plan("江南农商银行湖塘支行", PartnerKind.ENTERPRISE, "常州市武进区湖塘镇延政中路 2 号", "金融知识进社区；反诈与征信教育。",
                    "张行长", "副行长", EnumSet.of(SAFETY, CAREER), "理财经理", null),
            new Plan("天宁会计师事务所", PartnerKind.ENTERPRISE, "常州市天宁区延陵西路 66 号", "财税实务讲座；创业财务咨询。",
                    "曹所长", "主任会计师", EnumSet.of(ENTREPRENEURSHIP, CAREER), "注册会计师", null));

    /** Mentors not from a partner: alumni, retired teachers, associations. */
    private static final List<Object[]> INDEPENDENT = List.of(
            new Object[] {"校友企业家联谊会", EnumSet.of(ENTREPRENEURSHIP, CAREER), "校友企业家"},
            new Object[] {"市心理卫生协会", EnumSet.of(PSYCHOLOGY), "心理咨询师"},
            new Object[] {"关工委（退休教师）", EnumSet.of(PARTY_HISTORY, CULTURE), "退休教授"},
            new Object[] {"市书法家协会", EnumSet.of(CULTURE), "书法家"},
            new Object[] {"市体育运动学校", EnumSet.of(SPORTS), "教练员"});

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌宇浩凯婷雪琳欣怡晨阳";
    static final int MENTORS = 137;

    private final Partners partners;
    private final Mentors mentors;
    private final Studios studios;
    private final Activities activities;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoPartners(Partners partners, Mentors mentors, Studios studios, Activities activities, JdbcTemplate jdbc, Clock clock) {
        this.partners = partners;
        this.mentors = mentors;
        this.studios = studios;
        this.activities = activities;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        if (partners.idByName("市第一人民医院").isPresent()) {
            return;
        }
        Viewer affairs = context.viewer("affairs");
        Random random = new Random(context.seed() + 90);
        LocalDate today = CampusTime.today(clock);
        List<Long> partnerIds = new ArrayList<>();
        for (int i = 0; i < PARTNERS.size(); i++) {
            Plan p = PARTNERS.get(i);
            // Three agreements run out within the warning window and one has run out (all signed two years
            // before they end); the rest were signed within the last two years and last three.
            LocalDate ends = i % 9 == 2 ? today.plusDays(20 + i) : i == 10 ? today.minusDays(15) : null;
            LocalDate signed = ends != null ? ends.minusYears(2) : today.minusDays(30 + random.nextInt(700));
            if (ends == null) {
                ends = signed.plusYears(3);
            }
            partnerIds.add(partners.create(affairs, new PartnerDraft(p.name(), p.kind(), p.address(), p.purpose(), signed, ends,
                    List.of(new PartnerDraft.Contact(p.contact(), p.role(), phone(random)),
                            new PartnerDraft.Contact(SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "老师", "联络员", phone(random))))));
        }
        List<Long> mentorIds = new ArrayList<>();
        List<Set<MentorExpertise>> mentorExpertise = new ArrayList<>();
        for (int i = 0; i < MENTORS; i++) {
            String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                    + (random.nextBoolean() ? "" + GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
            Set<MentorExpertise> expertise;
            MentorDraft draft;
            if (i % 6 == 5) {
                Object[] other = INDEPENDENT.get((i / 6) % INDEPENDENT.size());
                @SuppressWarnings("unchecked") Set<MentorExpertise> e = (Set<MentorExpertise>) other[1];
                expertise = e;
                draft = new MentorDraft(name, (String) other[0], null, expertise, (String) other[2],
                        "长期关心学生成长，定期到社区开展" + label(expertise.iterator().next()) + "方面的交流。", phone(random));
            } else {
                int k = i % PARTNERS.size();
                Plan p = PARTNERS.get(k);
                expertise = random.nextInt(3) == 0 ? p.expertise() : EnumSet.of(p.expertise().iterator().next());
                draft = new MentorDraft(name, p.name(), partnerIds.get(k), expertise, p.mentorTitle(),
                        "来自" + p.name() + "，" + p.purpose(), phone(random));
            }
            mentorIds.add(mentors.create(affairs, draft));
            mentorExpertise.add(expertise);
        }
        participation(context, mentorIds, mentorExpertise, random, today);
        jointActivity(context);
    }

    private void participation(Context context, List<Long> mentorIds, List<Set<MentorExpertise>> expertise, Random random,
                               LocalDate today) {
        Map<MentorExpertise, Optional<Long>> studioOf = Map.of(
                MEDICINE, studios.idByName("救在身边急救工作室"), LAW, studios.idByName("普法天平法律援助工作室"),
                SAFETY, studios.idByName("金盾护航警务工作室"), PSYCHOLOGY, studios.idByName("心晴心理工作室"),
                CAREER, studios.idByName("生涯发展工作室"));
        long recorder = context.viewer("affairs").accountId();
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        int mentorsLogged = context.small() ? Math.min(30, mentorIds.size()) : mentorIds.size();
        for (int i = 0; i < mentorsLogged; i++) {
            int entries = context.small() ? 2 : 2 + random.nextInt(5);
            MentorExpertise main = expertise.get(i).iterator().next();
            for (int j = 0; j < entries; j++) {
                LocalDate on = today.minusDays(1 + random.nextInt(364));
                MentorParticipationKind kind = MentorParticipationKind.values()[random.nextInt(4)];
                Long studio = studioOf.getOrDefault(main, Optional.empty()).orElse(null);
                if (kind == MentorParticipationKind.STUDIO_SHIFT && studio == null) {
                    kind = MentorParticipationKind.MENTORING;
                }
                String what = switch (kind) {
                    case TALK -> label(main) + "专题讲座";
                    case ACTIVITY -> "社区" + label(main) + "主题活动";
                    case STUDIO_SHIFT -> "工作室驻点值班";
                    case MENTORING -> "学生一对一" + label(main) + "指导";
                };
                BigDecimal hours = BigDecimal.valueOf(kind == MentorParticipationKind.STUDIO_SHIFT ? 30 : 10 + random.nextInt(21), 1);
                rows.add(new Object[] {mentorIds.get(i), Date.valueOf(on), kind.name(), what,
                        kind == MentorParticipationKind.STUDIO_SHIFT ? studio : null, hours, recorder, Timestamps.of(now)});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO mentor_participation (mentor_id, took_place_on, kind, what, studio_id, hours, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows, new int[] {Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR,
                Types.BIGINT, Types.NUMERIC, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE});
    }

    /** A first-aid training the Red Cross runs in ten days, approved, so its page lists a joint activity beside its studio. */
    private void jointActivity(Context context) {
        Viewer studio = context.viewer("studio");
        Viewer affairs = context.viewer("affairs");
        Instant now = clock.instant();
        Instant starts = CampusTime.today(clock).plusDays(10).atTime(15, 0).atZone(CampusTime.ZONE).toInstant();
        long id = activities.create(studio, new ActivityDraft("AED 与心肺复苏实操培训", "市红十字会救护培训师带教，完成考核可获救护员证。",
                ActivityType.EDUCATION_CAMPAIGN, null, "守望", EnumSet.of(FiveEducation.PHYSICAL), OrganiserKind.PARTNER, "市红十字会",
                null, null, "社区活动中心 108", starts, starts.plus(Duration.ofHours(2)), Audience.EVERYONE, null, null, null, 40, 8,
                now.minus(Duration.ofHours(1)), starts.minus(Duration.ofHours(2)), starts.minus(Duration.ofHours(2)),
                new BigDecimal("2.0"), new BigDecimal("0.1"), false, null));
        activities.submit(studio, id, null);
        activities.approve(affairs, id, null);
    }

    private static String phone(Random random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    private static String label(MentorExpertise e) {
        return switch (e) {
            case CAREER -> "职业发展";
            case LAW -> "法律";
            case PSYCHOLOGY -> "心理健康";
            case MEDICINE -> "急救与健康";
            case ENTREPRENEURSHIP -> "创新创业";
            case CULTURE -> "文化艺术";
            case SPORTS -> "体育健身";
            case PARTY_HISTORY -> "党史学习";
            case SAFETY -> "安全教育";
            case OTHER -> "志愿服务";
        };
    }
}
