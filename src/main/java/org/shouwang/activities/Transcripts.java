package org.shouwang.activities;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.shouwang.identity.Accounts;
import org.shouwang.people.People;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Printed growth records. Issuing one keeps what it certified (every attended activity with its
 * hours and credits, and the totals) under a random code of 100 bits; anyone holding the paper can
 * check it at the public address {@code /verify/{code}}, which shows the holder masked (张**,
 * 2024****12), the date and the totals as issued. The student and whoever may read their record
 * issue and print transcripts; nobody else learns that a code exists.
 */
@Service
@Transactional(readOnly = true)
public class Transcripts {

    /** Crockford's base 32: no I, L, O or U, so a code read off paper is not misread. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int CODE_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GrowthRecords records;
    private final TranscriptPdf pdf;
    private final People people;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final ActivitiesProperties properties;
    private final Clock clock;

    Transcripts(GrowthRecords records, TranscriptPdf pdf, @Lazy People people, @Lazy Accounts accounts, JdbcClient jdbc,
                ActivitiesProperties properties, Clock clock) {
        this.records = records;
        this.pdf = pdf;
        this.people = people;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Issues a transcript of the student's record as it stands now. */
    @Transactional
    public GrowthViews.Issued issue(Viewer viewer, long studentId) {
        records.visibleStudent(viewer, studentId);
        String code = newCode();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO transcript (code, student_id, issued_at, issued_by, activities, hours, credits, volunteer_hours)
                        VALUES (?, ?, ?, ?, 0, 0, 0, 0)""")
                .params(code, studentId, Timestamps.of(now), viewer.accountId()).update();
        jdbc.sql("""
                        INSERT INTO transcript_entry (code, activity_id, hours, credits)
                        SELECT ?, activity_id, hours, credits FROM attendance WHERE student_id = ? AND state = 'PRESENT'""")
                .params(code, studentId).update();
        GrowthViews.Totals t = GrowthRecords.totals(certified(code));
        jdbc.sql("UPDATE transcript SET activities = ?, hours = ?, credits = ?, volunteer_hours = ? WHERE code = ?")
                .params(t.activities(), t.hours(), t.credits(), t.volunteerHours(), code).update();
        return new GrowthViews.Issued(code, display(code), now, now.atZone(properties.zone()).toLocalDate(), t.activities(), t.hours(), t.credits(), t.volunteerHours());
    }

    /** The signed-in student issues a transcript of their own record. */
    @Transactional
    public GrowthViews.Issued issueMine(Viewer viewer) {
        if (viewer.studentId() == null) {
            throw new NotFoundException("growth", "me");
        }
        return issue(viewer, viewer.studentId());
    }

    /** The transcript to print, for whoever may read the student's record; 404 for anyone else or an unknown code. */
    public GrowthViews.Document document(Viewer viewer, String code) {
        Stored stored = stored(code).orElseThrow(() -> new NotFoundException("transcript", code));
        GrowthViews.Student student = records.visibleStudent(viewer, stored.studentId());
        List<GrowthViews.Entry> entries = certified(stored.code());
        String issuedBy;
        try {
            issuedBy = accounts.get(stored.issuedBy()).displayName();
        } catch (NotFoundException e) {
            issuedBy = "";
        }
        return new GrowthViews.Document(stored.issued(), student, issuedBy, entries, records.bySemester(entries),
                GrowthRecords.byEducation(entries));
    }

    /** The transcript as a PDF (A4) in the given language, with the verification address and its QR code. */
    public byte[] pdf(Viewer viewer, String code, String verificationUrl, Locale locale) {
        return pdf.render(document(viewer, code), verificationUrl, locale);
    }

    /** What anyone may check with a code; 404 for a code that was never issued. */
    public GrowthViews.Verification verify(String code) {
        Stored stored = stored(code).orElseThrow(() -> new NotFoundException("transcript", code));
        Optional<org.shouwang.people.StudentSummary> student = people.student(stored.studentId());
        GrowthViews.Issued issued = stored.issued();
        return new GrowthViews.Verification(issued.code(), issued.displayCode(),
                maskName(student.map(org.shouwang.people.StudentSummary::name).orElse("")),
                maskNumber(student.map(org.shouwang.people.StudentSummary::studentNumber).orElse("")),
                issued.issuedOn(), issued.activities(), issued.hours(), issued.credits(),
                issued.volunteerHours(), GrowthRecords.byEducation(certified(stored.code())));
    }

    // — codes —

    /** The code as stored: upper case, without the dashes and spaces of its printed form; empty when it cannot be one. */
    public static Optional<String> normalise(String code) {
        if (code == null || code.length() > 2 * CODE_LENGTH) {
            return Optional.empty();
        }
        StringBuilder c = new StringBuilder();
        for (char ch : code.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case '-', ' ' -> {
                }
                case 'O' -> c.append('0');
                case 'I', 'L' -> c.append('1');
                default -> {
                    if (ALPHABET.indexOf(ch) < 0) {
                        return Optional.empty();
                    }
                    c.append(ch);
                }
            }
        }
        return c.length() == CODE_LENGTH ? Optional.of(c.toString()) : Optional.empty();
    }

    /** ABCD-EFGH-JKMN-PQRS-TVWX, as printed. */
    public static String display(String code) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                d.append('-');
            }
            d.append(code.charAt(i));
        }
        return d.toString();
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***: the family name's first character only. */
    static String maskName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return "*";
        }
        int rest = n.codePointCount(0, n.length()) - 1;
        return new String(Character.toChars(n.codePointAt(0))) + "*".repeat(Math.max(rest, 1));
    }

    /** 2024000112 → 2024****12. */
    static String maskNumber(String number) {
        String n = number == null ? "" : number.strip();
        if (n.length() < 7) {
            return n.isEmpty() ? "****" : n.charAt(0) + "****";
        }
        return n.substring(0, 4) + "*".repeat(n.length() - 6) + n.substring(n.length() - 2);
    }

    private static String newCode() {
        StringBuilder c = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            c.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return c.toString();
    }

    // — storage —

    private record Stored(String code, long studentId, long issuedBy, GrowthViews.Issued issued) {
    }

    private Optional<Stored> stored(String code) {
        return normalise(code).flatMap(c -> jdbc.sql("""
                        SELECT code, student_id, issued_by, issued_at, activities, hours, credits, volunteer_hours
                        FROM transcript WHERE code = ?""")
                .param(c)
                .query((rs, n) -> new Stored(rs.getString("code"), rs.getLong("student_id"), rs.getLong("issued_by"),
                        new GrowthViews.Issued(rs.getString("code"), display(rs.getString("code")), Timestamps.read(rs, "issued_at"),
                                Timestamps.read(rs, "issued_at").atZone(properties.zone()).toLocalDate(), rs.getInt("activities"), scaled(rs.getBigDecimal("hours")), scaled(rs.getBigDecimal("credits")),
                                scaled(rs.getBigDecimal("volunteer_hours")))))
                .optional());
    }

    /** The activities a transcript certified, newest first. */
    private List<GrowthViews.Entry> certified(String code) {
        return records.entries("transcript_entry x JOIN transcript tr ON tr.code = x.code", "tr.student_id", "x.code = :code",
                Map.of("code", code)).values().stream().findFirst().orElse(List.of());
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(1);
    }
}
