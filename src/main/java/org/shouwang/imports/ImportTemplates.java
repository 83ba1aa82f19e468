package org.shouwang.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/** The file an admin fills in: a bilingual header row and one example row, as xlsx or csv. */
@Component
class ImportTemplates {

    private final ColumnLabels labels;

    ImportTemplates(ColumnLabels labels) {
        this.labels = labels;
    }

    byte[] xlsx(RosterKind kind) {
        List<Column> columns = kind.columns();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Shouwang", "1.0");
            Worksheet sheet = workbook.newWorksheet(kind.kind().slug());
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                sheet.value(0, c, labels.templateHeader(column));
                sheet.style(0, c).bold().fillColor(column.required() ? "FCE4D6" : "EDEDED").set();
                sheet.value(1, c, column.example());
                sheet.style(1, c).format("@").set();
                sheet.width(c, Math.max(14, labels.templateHeader(column).length() * 1.6));
            }
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** UTF-8 with a byte order mark, so that Excel shows the Chinese header correctly. */
    byte[] csv(RosterKind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
                printer.printRecord(kind.columns().stream().map(labels::templateHeader).toList());
                printer.printRecord(kind.columns().stream().map(Column::example).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
