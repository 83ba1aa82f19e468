package org.shouwang.activities;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A class's growth totals as a spreadsheet: a title line, then one row per student (student
 * number, name — no other identifiers) with activities, hours, credits, volunteer hours and the
 * hours of each of the five educations.
 */
@Component
class ClassWorkbook {

    private final MessageSource messages;

    ClassWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(GrowthViews.ClassTotals totals, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Shouwang", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(totals.className()));
            sheet.value(0, 0, msg(locale, "growth.export.title", totals.college(), totals.className(), totals.label()));
            sheet.style(0, 0).bold().set();
            List<String> headers = new ArrayList<>(List.of(msg(locale, "growth.studentNumber"), msg(locale, "growth.name"),
                    msg(locale, "growth.activities"), msg(locale, "growth.hours"), msg(locale, "growth.credits"),
                    msg(locale, "growth.volunteerHours")));
            for (FiveEducation e : FiveEducation.values()) {
                headers.add(msg(locale, "growth.export.educationHours", msg(locale, "growth.education." + e)));
            }
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(2, c, headers.get(c));
                sheet.style(2, c).bold().fillColor("EDEDED").wrapText(true).set();
                sheet.width(c, c == 0 ? 16 : c == 1 ? 12 : 11);
            }
            int r = 3;
            for (GrowthViews.StudentTotals s : totals.students()) {
                sheet.value(r, 0, s.studentNumber());
                sheet.style(r, 0).format("@").set();
                sheet.value(r, 1, s.name());
                sheet.value(r, 2, s.activities());
                number(sheet, r, 3, s.hours());
                number(sheet, r, 4, s.credits());
                number(sheet, r, 5, s.volunteerHours());
                int c = 6;
                for (FiveEducation e : FiveEducation.values()) {
                    number(sheet, r, c++, s.educationHours().getOrDefault(e, GrowthRecords.ZERO));
                }
                r++;
            }
            sheet.freezePane(2, 3);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void number(Worksheet sheet, int r, int c, BigDecimal value) {
        sheet.value(r, c, value);
        sheet.style(r, c).format("0.0").set();
    }

    /** Sheet names are at most 31 characters and may not hold []:*?/\ */
    private static String sheetName(String name) {
        String n = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        n = n.isEmpty() ? "growth" : n;
        return n.length() > 31 ? n.substring(0, 31) : n;
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
