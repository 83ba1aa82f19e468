package org.shouwang.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.shouwang.identity.Accounts;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.AppointmentService;
import org.shouwang.studios.AppointmentViews;
import org.shouwang.studios.Appointments;
import org.shouwang.studios.SlotDraft;
import org.shouwang.studios.SlotSeries;
import org.shouwang.studios.SlotState;
import org.shouwang.studios.Slots;
import org.shouwang.studios.StudioViews;
import org.shouwang.studios.Studios;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appointment slots for the next two weeks in the psychology, career, financial-aid, legal-aid and
 * counsellor studios (made by the studios demo section; a studio that is not there is skipped),
 * published by each studio's leader through the real services. Demo students book some of them;
 * a few earlier appointments were booked the same way and then moved back into the past weeks,
 * where their staff marked them attended or missed and wrote a session note.
 */
@Component
@Order(30)
class DemoAppointments implements DemoSection {

    private record Plan(String studio, AppointmentService service, List<LocalTime> times, int minutes, List<String> topics,
                        List<String> notes) {
    }

    /** Their times never overlap, so that one person leading two of these studios publishes both. */
    private static final List<Plan> PLANS = List.of(
            new Plan("心晴心理工作室", AppointmentService.PSYCHOLOGY_COUNSELLING,
                    List.of(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(14, 0), LocalTime.of(15, 0), LocalTime.of(16, 0)),
                    50, List.of("最近睡眠不好，压力很大", "和室友相处有些困扰", "考试焦虑", "想聊聊情绪问题", ""),
                    List.of("来访者情绪平稳，讨论了作息调整，两周后回访。", "讨论人际沟通方式，布置了练习。", "焦虑评估中等，建议放松训练。")),
            new Plan("生涯发展工作室", AppointmentService.CAREER_ADVICE, List.of(LocalTime.of(11, 0), LocalTime.of(17, 0)), 40,
                    List.of("简历修改", "考研还是就业", "实习选择", ""), List.of("修改了简历结构，建议补充项目经历。", "梳理了考研与就业的利弊。")),
            new Plan("资助工作室", AppointmentService.FINANCIAL_AID_ADVICE, List.of(LocalTime.of(8, 0), LocalTime.of(13, 0)), 30,
                    List.of("国家助学金申请材料", "勤工助学岗位", "生源地贷款续贷"), List.of("已说明助学金申请流程与材料。", "推荐了图书馆勤工岗位。")),
            new Plan("普法天平法律援助工作室", AppointmentService.LEGAL_AID, List.of(LocalTime.of(18, 0)), 60,
                    List.of("租房押金纠纷", "兼职被拖欠工资", "网购维权"), List.of("建议先协商并保留聊天记录，必要时申请调解。")),
            new Plan("守望辅导员工作室", AppointmentService.STUDY_ADVICE, List.of(LocalTime.of(12, 0), LocalTime.of(19, 30)), 30,
                    List.of("学业预警怎么办", "转专业咨询", "奖学金评定"), List.of("制定了补考复习计划，每周跟进。")));

    private final Studios studios;
    private final Slots slots;
    private final Appointments appointments;
    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoAppointments(Studios studios, Slots slots, Appointments appointments, Accounts accounts, JdbcTemplate jdbc, Clock clock) {
        this.studios = studios;
        this.slots = slots;
        this.appointments = appointments;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        Map<String, StudioViews.Summary> byName = studios.directory(null, null).stream()
                .collect(Collectors.toMap(StudioViews.Summary::name, Function.identity(), (a, b) -> a));
        Random random = new Random(context.seed() + 30);
        List<String> students = jdbc.queryForList("""
                        SELECT username FROM account WHERE student_id IS NOT NULL AND enabled AND username <> 'student'
                        ORDER BY id LIMIT ?""", String.class, context.small() ? 40 : 200);
        if (students.isEmpty()) {
            return;
        }
        int next = 0;
        LocalDate today = CampusTime.today(clock);
        for (int p = 0; p < PLANS.size(); p++) {
            Plan plan = PLANS.get(p);
            StudioViews.Summary summary = byName.get(plan.studio());
            if (summary == null) {
                continue;
            }
            StudioViews.Studio studio = studios.studio(summary.id());
            Viewer staff = context.viewer(accounts.get(studio.leaderAccountId()).username());
            if (!slots.manages(staff, studio.id())) {
                continue;
            }
            // Two weeks of slots from tomorrow, on working days.
            List<Long> ids = slots.publish(staff, studio.id(), new SlotSeries(plan.service(), null, null, today.plusDays(1),
                    today.plusDays(context.small() ? 7 : 14), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), plan.times(),
                    plan.minutes()));
            // Some of them booked.
            int booked = Math.min(ids.size() / 3, context.small() ? 3 : 12);
            List<Long> drawn = new java.util.ArrayList<>(ids);
            java.util.Collections.shuffle(drawn, random);
            for (int i = 0; i < booked; i++) {
                long slot = drawn.get(i);
                book(context.viewer(students.get(next++ % students.size())), slot, plan.topics().get(random.nextInt(plan.topics().size())));
            }
            if (plan.service() == AppointmentService.CAREER_ADVICE) {
                book(context.viewer("student"), drawn.get(drawn.size() - 1), "想了解实习和简历");
            }
            // Earlier ones: booked for a later day, then moved back to a day of the past weeks and marked.
            int past = context.small() ? 2 : 6;
            for (int i = 0; i < past; i++) {
                LocalDate later = today.plusDays(30 + 10L * p + i);
                LocalTime at = plan.times().get(i % plan.times().size());
                Instant start = later.atTime(at).atZone(CampusTime.ZONE).toInstant();
                long slot = slots.publish(staff, studio.id(), new SlotDraft(plan.service(), null, null, start,
                        start.plusSeconds(plan.minutes() * 60L)));
                Optional<Long> id = book(context.viewer(students.get(next++ % students.size())), slot,
                        plan.topics().get(random.nextInt(plan.topics().size())));
                if (id.isEmpty()) {
                    continue;
                }
                ZonedDateTime then = today.minusDays(3 + 3L * i).atTime(at).atZone(CampusTime.ZONE);
                jdbc.update("UPDATE appointment_slot SET starts_at = ?, ends_at = ?, created_at = ? WHERE id = ?",
                        Timestamps.of(then.toInstant()), Timestamps.of(then.plusMinutes(plan.minutes()).toInstant()),
                        Timestamps.of(then.minusDays(5).toInstant()), slot);
                jdbc.update("UPDATE appointment SET starts_at = ?, booked_at = ?, reminded_at = ? WHERE id = ?",
                        Timestamps.of(then.toInstant()), Timestamps.of(then.minusDays(3).toInstant()),
                        Timestamps.of(then.minusDays(1).toInstant()), id.get());
                boolean came = i % 3 != 2;
                appointments.recordOutcome(staff, id.get(), came ? AppointmentViews.Outcome.ATTENDED : AppointmentViews.Outcome.NO_SHOW);
                if (came) {
                    appointments.writeNote(staff, id.get(), plan.notes().get(i % plan.notes().size()));
                }
            }
        }
    }

    /** Books when the slot is free and the student holds none in the studio (a refusal would spoil the demo's transaction). */
    private Optional<Long> book(Viewer student, long slot, String topic) {
        AppointmentViews.Slot s = slots.slot(student, slot);
        if (s.state() != SlotState.FREE || appointments.holds(student.studentId(), s.studioId(), clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(appointments.book(student, slot, topic));
    }
}
