package org.shouwang.activities;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.shouwang.shared.QrCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A transcript as an A4 PDF. Text is set in STSong-Light, one of the standard Chinese fonts every
 * PDF reader supplies (Adobe-GB1, Unicode encoding UniGB-UCS2-H): it is not embedded, so the file
 * stays small and needs no font on the server, and the text can be searched and copied. Readers
 * without that font substitute a Chinese font of their own. Characters outside the Basic
 * Multilingual Plane (a few rare name characters) cannot be set in it.
 */
@Component
class TranscriptPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final Color RULE = new Color(0xB0, 0xB0, 0xB0);
    private static final Color HEAD = new Color(0xF1, 0xEC, 0xEC);
    private static final Color BRAND = new Color(0x8C, 0x1C, 0x24);

    private final MessageSource messages;

    TranscriptPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(GrowthViews.Document d, String verificationUrl, Locale locale) {
        BaseFont song = song();
        Type title = new Type(song, 18, BRAND);
        Type heading = new Type(song, 11.5f, BRAND);
        Type text = new Type(song, 9.5f, Color.BLACK);
        Type small = new Type(song, 8f, Color.DARK_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 42, 42, 48, 54);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setPageEvent(new Footer(song, msg(locale, "growth.pdf.footer", d.issued().displayCode())));
            pdf.addTitle(msg(locale, "growth.transcript.title") + " " + d.student().name());
            pdf.addSubject(msg(locale, "growth.transcript.title"));
            pdf.addCreator(msg(locale, "growth.pdf.creator"));
            pdf.open();

            Paragraph head = new Paragraph(title.phrase(msg(locale, "growth.transcript.title")));
            head.setAlignment(Element.ALIGN_CENTER);
            head.setSpacingAfter(10);
            pdf.add(head);

            PdfPTable who = table(new float[] {1.2f, 2.5f, 1.2f, 2.5f});
            label(who, msg(locale, "growth.name"), text);
            value(who, d.student().name(), text);
            label(who, msg(locale, "growth.studentNumber"), text);
            value(who, d.student().studentNumber(), text);
            label(who, msg(locale, "growth.college"), text);
            value(who, d.student().college(), text);
            label(who, msg(locale, "growth.class"), text);
            value(who, d.student().className(), text);
            pdf.add(who);

            GrowthViews.Issued t = d.issued();
            pdf.add(section(msg(locale, "growth.totals"), heading));
            PdfPTable totals = table(new float[] {1, 1, 1, 1});
            for (String h : List.of("growth.activities", "growth.hours", "growth.credits", "growth.volunteerHours")) {
                header(totals, msg(locale, h), text);
            }
            value(totals, String.valueOf(t.activities()), text);
            value(totals, t.hours().toPlainString(), text);
            value(totals, t.credits().toPlainString(), text);
            value(totals, t.volunteerHours().toPlainString(), text);
            pdf.add(totals);

            pdf.add(section(msg(locale, "growth.byEducation"), heading));
            PdfPTable educations = table(new float[] {1, 1, 1, 1, 1});
            for (GrowthViews.EducationTotals e : d.byEducation()) {
                header(educations, msg(locale, "growth.education." + e.education()), text);
            }
            for (GrowthViews.EducationTotals e : d.byEducation()) {
                value(educations, msg(locale, "growth.hoursOf", e.hours().toPlainString()), text);
            }
            pdf.add(educations);
            pdf.add(new Paragraph(small.phrase(msg(locale, "growth.educationNote"))));

            if (!d.bySemester().isEmpty()) {
                pdf.add(section(msg(locale, "growth.bySemester"), heading));
                PdfPTable terms = table(new float[] {2.6f, 1, 1, 1, 1});
                for (String h : List.of("growth.semester", "growth.activities", "growth.hours", "growth.credits", "growth.volunteerHours")) {
                    header(terms, msg(locale, h), text);
                }
                terms.setHeaderRows(1);
                for (GrowthViews.SemesterTotals s : d.bySemester()) {
                    value(terms, s.label(), text);
                    value(terms, String.valueOf(s.activities()), text);
                    value(terms, s.hours().toPlainString(), text);
                    value(terms, s.credits().toPlainString(), text);
                    value(terms, s.volunteerHours().toPlainString(), text);
                }
                pdf.add(terms);
            }

            pdf.add(section(msg(locale, "growth.entries"), heading));
            if (d.entries().isEmpty()) {
                pdf.add(new Paragraph(text.phrase(msg(locale, "growth.noEntries"))));
            } else {
                PdfPTable entries = table(new float[] {1.35f, 4.2f, 1.5f, 1.6f, 0.8f, 0.8f});
                for (String h : List.of("growth.date", "growth.activity", "growth.type", "growth.educations", "growth.hours", "growth.credits")) {
                    header(entries, msg(locale, h), text);
                }
                entries.setHeaderRows(1);
                for (GrowthViews.Entry e : d.entries()) {
                    value(entries, DATE.format(e.date()), text);
                    value(entries, e.series() == null ? e.title() : e.title() + "（" + e.series() + "）", text);
                    value(entries, msg(locale, "growth.type." + e.type()), text);
                    value(entries, e.educations().stream().sorted().map(x -> msg(locale, "growth.educationShort." + x))
                            .collect(Collectors.joining(" ")), text);
                    value(entries, e.hours().toPlainString(), text);
                    value(entries, e.credits().toPlainString(), text);
                }
                pdf.add(entries);
            }

            pdf.add(verification(writer, d, verificationUrl, locale, text, small));
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("transcript " + d.issued().code(), e);
        }
        return out.toByteArray();
    }

    /** Who issued it and when, the code and the address to check it at, with the address as a QR code beside. */
    private PdfPTable verification(PdfWriter writer, GrowthViews.Document d, String url, Locale locale, Type text, Type small)
            throws DocumentException {
        PdfPTable box = new PdfPTable(new float[] {4, 1.3f});
        box.setWidthPercentage(100);
        box.setSpacingBefore(16);
        box.setKeepTogether(true);
        Paragraph lines = new Paragraph();
        lines.setLeading(15);
        lines.add(text.phrase(msg(locale, "growth.issuedOn") + "：" + DATE.format(d.issued().issuedOn())
                + (d.issuedBy().isBlank() ? "" : "　" + msg(locale, "growth.issuedBy") + "：" + d.issuedBy()) + "\n"));
        lines.add(text.phrase(msg(locale, "growth.code") + "：" + d.issued().displayCode() + "\n"));
        lines.add(text.phrase(msg(locale, "growth.verifyAt") + "：" + url + "\n"));
        lines.add(small.phrase(msg(locale, "growth.pdf.verifyNote")));
        PdfPCell left = new PdfPCell(lines);
        left.setBorder(Rectangle.TOP);
        left.setBorderColor(RULE);
        left.setPaddingTop(8);
        box.addCell(left);
        PdfPCell right = new PdfPCell(qr(writer, url), true);
        right.setBorder(Rectangle.TOP);
        right.setBorderColor(RULE);
        right.setPadding(6);
        box.addCell(right);
        return box;
    }

    private static Image qr(PdfWriter writer, String url) throws DocumentException {
        BitMatrix m = QrCode.matrix(url);
        int size = m.getWidth();
        PdfTemplate template = PdfTemplate.createTemplate(writer, size, size);
        template.setColorFill(Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    template.rectangle(x, size - y - 1, 1, 1);
                }
            }
        }
        template.fill();
        return Image.getInstance(template);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        return table;
    }

    private static Paragraph section(String text, Type type) {
        Paragraph p = new Paragraph(type.phrase(text));
        p.setSpacingBefore(10);
        p.setSpacingAfter(2);
        return p;
    }

    private static void label(PdfPTable table, String text, Type type) {
        PdfPCell cell = cell(text, type);
        cell.setBackgroundColor(HEAD);
        table.addCell(cell);
    }

    private static void header(PdfPTable table, String text, Type type) {
        PdfPCell cell = cell(text, type);
        cell.setBackgroundColor(HEAD);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.addCell(cell);
    }

    private static void value(PdfPTable table, String text, Type type) {
        table.addCell(cell(text == null ? "" : text, type));
    }

    private static PdfPCell cell(String text, Type type) {
        PdfPCell cell = new PdfPCell(type.phrase(text));
        cell.setBorderColor(RULE);
        cell.setPadding(4);
        cell.setPaddingTop(2.5f);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private String msg(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    static BaseFont song() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the standard Chinese font STSong-Light is missing from OpenPDF", e);
        }
    }

    /**
     * Text of one size and colour: Latin letters, digits and punctuation in Helvetica (a standard
     * font with proper Latin widths), everything else in STSong-Light.
     */
    private static final class Type {

        private final FontSelector selector = new FontSelector();

        Type(BaseFont song, float size, Color color) {
            selector.addFont(new Font(Font.HELVETICA, size * 0.92f, Font.NORMAL, color));
            selector.addFont(new Font(song, size, Font.NORMAL, color));
        }

        Phrase phrase(String text) {
            return selector.process(text);
        }
    }

    /** The code and the page number at the foot of every page, so a loose page still names its transcript. */
    private static final class Footer extends PdfPageEventHelper {

        private final Type type;
        private final String text;

        Footer(BaseFont font, String text) {
            this.type = new Type(font, 7.5f, Color.GRAY);
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, type.phrase(text + " · " + writer.getPageNumber()),
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
        }
    }
}
