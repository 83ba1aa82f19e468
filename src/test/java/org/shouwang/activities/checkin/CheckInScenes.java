package org.shouwang.activities.checkin;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityFixtures;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Activities to check in to: published through the real moves (drafted by the demo counsellor,
 * approved by student affairs), starting a few minutes from now so that check-in is already open,
 * with registration open until just before the start; and students registered for them.
 */
@Component
public class CheckInScenes {

    public static final String ORGANISER = "counsellor";

    private final ActivityFixtures fixtures;
    private final Activities activities;
    private final Clock clock;
    private final JdbcClient jdbc;

    CheckInScenes(ActivityFixtures fixtures, Activities activities, Clock clock, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.activities = activities;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The student number of a signed-in student (the demo student signs in as "student", the others by number). */
    public String number(Viewer student) {
        return jdbc.sql("SELECT student_number FROM student WHERE id = ?").param(student.studentId()).query(String.class).single();
    }

    /** A two-hour lecture worth 2 hours, starting in 10 minutes: check-in is open now. */
    public long startingSoon(String title) {
        return startingSoon(title, Duration.ofMinutes(10), Duration.ofHours(2), false, new BigDecimal("2.0"));
    }

    /** A volunteer-style activity whose hours go by the time stayed, at most {@code hours} (0: no cap but its length). */
    public long byDuration(String title, Duration length, BigDecimal hours) {
        return startingSoon(title, Duration.ofMinutes(10), length, true, hours);
    }

    public long startingSoon(String title, Duration startsIn, Duration length, boolean byDuration, BigDecimal hours) {
        Instant now = clock.instant();
        Instant starts = now.plus(startsIn);
        ActivityDraft base = fixtures.lecture(title, 200, 0);
        Instant closes = starts.isAfter(now.plus(Duration.ofMinutes(5))) ? now.plus(Duration.ofMinutes(5)) : starts;
        ActivityDraft draft = new ActivityDraft(base.title(), base.description(), base.type(), base.series(), base.brand(),
                base.educations(), base.organiserKind(), base.organiser(), null, null, base.venue(), starts, starts.plus(length),
                base.audience(), null, null, null, 200, 0, now.minus(Duration.ofHours(1)), closes, closes, hours,
                new BigDecimal("0.5"), byDuration);
        return fixtures.published(draft);
    }

    /** {@code count} students (the first of the demo campus), each registered for the activity. */
    public List<Viewer> registered(long activityId, int count) {
        List<Viewer> students = fixtures.students(count);
        for (Viewer s : students) {
            activities.register(s, activityId);
        }
        return students;
    }

    /** A student who did not register: the {@code n}-th of the demo campus. */
    public Viewer student(int n) {
        return fixtures.students(n + 1).get(n);
    }

    /** A small real PNG picture. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 2, 0x8c1c24);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
