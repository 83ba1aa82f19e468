package org.shouwang.activities;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.shouwang.shared.InvalidInput;

/**
 * A term of an academic year, as the growth record counts it: September to January is the first
 * (autumn) term of the academic year that starts in that September, February to August the second
 * (spring) term of the year that started the September before. An activity belongs to the term of
 * its start date in the campus zone.
 *
 * @param startYear the year the academic year starts in (2025 for 2025–2026)
 * @param term      1 (first, autumn) or 2 (second, spring)
 */
public record Semester(int startYear, int term) implements Comparable<Semester> {

    private static final Pattern KEY = Pattern.compile("(\\d{4})-([12])");

    public Semester {
        if (term != 1 && term != 2) {
            throw new IllegalArgumentException("term " + term);
        }
    }

    public static Semester of(LocalDate date) {
        Month m = date.getMonth();
        if (m.getValue() >= Month.SEPTEMBER.getValue()) {
            return new Semester(date.getYear(), 1);
        }
        if (m == Month.JANUARY) {
            return new Semester(date.getYear() - 1, 1);
        }
        return new Semester(date.getYear() - 1, 2);
    }

    /** "2025-1" as the API and forms write it; anything else is a field error on {@code field}. */
    public static Semester parse(String key, String field) {
        Matcher m = key == null ? null : KEY.matcher(key.strip());
        if (m == null || !m.matches()) {
            throw new InvalidInput(field, "growth.badSemester");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1950 || year > 2100) {
            throw new InvalidInput(field, "growth.badSemester");
        }
        return new Semester(year, Integer.parseInt(m.group(2)));
    }

    /** The first day of the term. */
    public LocalDate from() {
        return term == 1 ? LocalDate.of(startYear, 9, 1) : LocalDate.of(startYear + 1, 2, 1);
    }

    /** The day after the last day of the term. */
    public LocalDate until() {
        return term == 1 ? LocalDate.of(startYear + 1, 2, 1) : LocalDate.of(startYear + 1, 9, 1);
    }

    public String key() {
        return startYear + "-" + term;
    }

    /** The academic year's two calendar years, as a label's arguments: strings, so no digit grouping. */
    public Object[] labelArgs() {
        return new Object[] {String.valueOf(startYear), String.valueOf(startYear + 1)};
    }

    /** The message code of the label ("{0}–{1} 第一学期"). */
    public String labelCode() {
        return "growth.semester." + term;
    }

    public Semester next() {
        return term == 1 ? new Semester(startYear, 2) : new Semester(startYear + 1, 1);
    }

    /** The terms from {@code first} to {@code last}, newest first. */
    public static List<Semester> between(Semester first, Semester last) {
        List<Semester> terms = new ArrayList<>();
        for (Semester s = first; s.compareTo(last) <= 0 && terms.size() < 40; s = s.next()) {
            terms.add(0, s);
        }
        return terms;
    }

    @Override
    public int compareTo(Semester o) {
        return startYear != o.startYear ? Integer.compare(startYear, o.startYear) : Integer.compare(term, o.term);
    }

    @Override
    public String toString() {
        return key();
    }
}
