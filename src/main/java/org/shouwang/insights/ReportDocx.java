package org.shouwang.insights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Writes a {@link ReportDocument} as a Word document (Apache POI XWPF): the title and period, each
 * section's heading and prose, its tables, and its chart as a native Word chart (bar or pie, with
 * its data in the chart's embedded workbook, so Word can edit it).
 */
final class ReportDocx {

    private static final String FONT = "SimSun";

    private ReportDocx() {
    }

    static byte[] write(ReportDocument report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            text(doc, report.title(), 18, true, ParagraphAlignment.CENTER);
            text(doc, report.period(), 11, false, ParagraphAlignment.CENTER);
            text(doc, report.intro(), 11, false, ParagraphAlignment.BOTH);
            for (ReportDocument.Section section : report.sections()) {
                text(doc, section.heading(), 14, true, ParagraphAlignment.LEFT);
                for (String paragraph : section.paragraphs()) {
                    text(doc, paragraph, 11, false, ParagraphAlignment.BOTH);
                }
                for (ReportDocument.Table table : section.tables()) {
                    text(doc, table.caption(), 10, true, ParagraphAlignment.LEFT);
                    table(doc, table);
                }
                if (section.chart() != null && !section.chart().labels().isEmpty()) {
                    chart(doc, section.chart());
                }
            }
            text(doc, report.closing(), 11, false, ParagraphAlignment.BOTH);
            text(doc, report.generatedNote(), 9, false, ParagraphAlignment.LEFT);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }

    private static void table(XWPFDocument doc, ReportDocument.Table table) {
        XWPFTable t = doc.createTable(table.rows().size() + 1, table.headers().size());
        t.setWidth("100%");
        fill(t.getRow(0), table.headers(), true);
        for (int i = 0; i < table.rows().size(); i++) {
            fill(t.getRow(i + 1), table.rows().get(i), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            XWPFRun run = p.createRun();
            run.setFontFamily(FONT);
            run.setFontSize(10);
            run.setBold(bold);
            run.setText(cells.get(c));
        }
    }

    private static void chart(XWPFDocument doc, ReportDocument.Chart chart)
            throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        XWPFChart c = doc.createChart(15 * Units.EMU_PER_CENTIMETER, 7 * Units.EMU_PER_CENTIMETER);
        c.setTitleText(chart.title());
        c.setTitleOverlay(false);
        int n = chart.labels().size();
        String[] labels = chart.labels().toArray(String[]::new);
        Long[] values = chart.values().toArray(Long[]::new);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(labels,
                c.formatRange(new CellRangeAddress(1, n, 0, 0)), 0);
        XDDFNumericalDataSource<Long> numbers = XDDFDataSourcesFactory.fromArray(values,
                c.formatRange(new CellRangeAddress(1, n, 1, 1)), 1);
        XDDFChartData data;
        if (chart.kind().equals("pie")) {
            data = c.createData(ChartTypes.PIE, null, null);
            data.setVaryColors(true);
            c.getOrAddLegend().setPosition(LegendPosition.RIGHT);
        } else {
            XDDFCategoryAxis bottom = c.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis left = c.createValueAxis(AxisPosition.LEFT);
            left.setCrosses(AxisCrosses.AUTO_ZERO);
            data = c.createData(ChartTypes.BAR, bottom, left);
            ((XDDFBarChartData) data).setBarDirection(BarDirection.COL);
            data.setVaryColors(false);
        }
        XDDFChartData.Series series = data.addSeries(categories, numbers);
        series.setTitle(chart.title(), c.setSheetTitle(chart.title(), 1));
        c.plot(data);
    }
}
