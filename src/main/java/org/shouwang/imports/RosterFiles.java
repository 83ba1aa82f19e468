package org.shouwang.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.shouwang.shared.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded xlsx (first sheet, streamed) or csv (UTF-8, or GB18030 as Excel on Chinese
 * Windows saves it) into rows of text keyed by column. The first non-blank row is the header;
 * blank rows are skipped. Anything that is not such a file is refused with a file-level reason.
 */
@Component
class RosterFiles {

    static final int MAX_ROWS = 100_000;
    private static final Charset GB18030 = Charset.forName("GB18030");

    enum Format { XLSX, CSV }

    private final ColumnLabels labels;

    RosterFiles(ColumnLabels labels) {
        this.labels = labels;
    }

    static Format format(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content.length == 0) {
            throw new RuleViolation("import.file.empty");
        }
        if (name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".xls")) {
            throw new RuleViolation("import.file.legacyXls");
        }
        throw new RuleViolation("import.file.unsupported", fileName);
    }

    /** Refuses, with the reason, a file that is not a roster of these columns with at least one data row. */
    void check(String fileName, byte[] content, List<Column> columns) {
        List<RosterRow> first = read(fileName, content, columns, 1);
        if (first.isEmpty()) {
            throw new RuleViolation("import.file.empty");
        }
    }

    List<RosterRow> read(String fileName, byte[] content, List<Column> columns) {
        return read(fileName, content, columns, MAX_ROWS + 1);
    }

    private List<RosterRow> read(String fileName, byte[] content, List<Column> columns, int limit) {
        Format format = format(fileName, content);
        Collector collector = new Collector(columns, limit);
        if (format == Format.XLSX) {
            readXlsx(content, collector);
        } else {
            readCsv(content, collector);
        }
        if (collector.header == null) {
            throw new RuleViolation("import.file.empty");
        }
        if (collector.rows.size() > MAX_ROWS) {
            throw new RuleViolation("import.file.tooManyRows", MAX_ROWS);
        }
        return collector.rows;
    }

    private static void readXlsx(byte[] content, Collector collector) {
        if (ReadableWorkbook.isOLE2Header(content)) {
            throw new RuleViolation("import.file.legacyXls");
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(content)) {
            throw new RuleViolation("import.file.notSpreadsheet");
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                if (!collector.accept(row.getRowNum(), cells)) {
                    return;
                }
            }
        } catch (RuleViolation e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RuleViolation("import.file.notSpreadsheet");
        }
    }

    private static void readCsv(byte[] content, Collector collector) {
        for (byte b : content) {
            if (b == 0) {
                throw new RuleViolation("import.file.notSpreadsheet");
            }
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(decode(content)), CSVFormat.DEFAULT)) {
            for (CSVRecord record : parser) {
                if (!collector.accept((int) record.getRecordNumber(), record.toList())) {
                    return;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RuleViolation("import.file.notSpreadsheet");
        }
    }

    /** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030. */
    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, GB18030);
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> cell.getValue() instanceof BigDecimal number
                    ? number.stripTrailingZeros().toPlainString() : Objects.toString(cell.getRawValue(), "");
            case STRING -> Objects.toString(cell.asString(), "");
            case BOOLEAN -> String.valueOf(cell.asBoolean()).toUpperCase(Locale.ROOT);
            case FORMULA, ERROR -> Objects.toString(cell.getRawValue(), "");
            case EMPTY -> "";
        };
    }

    static String clean(String cell) {
        return cell == null ? "" : cell.replace('\u00A0', ' ').replace("\uFEFF", "").strip();
    }

    /** Finds the header, maps its cells to columns, and keeps the non-blank rows after it. */
    private final class Collector {
        private final List<Column> columns;
        private final int limit;
        private final List<RosterRow> rows = new ArrayList<>();
        private Map<Integer, String> header;

        Collector(List<Column> columns, int limit) {
            this.columns = columns;
            this.limit = limit;
        }

        boolean accept(int line, List<String> cells) {
            if (cells.stream().allMatch(c -> clean(c).isEmpty())) {
                return true;
            }
            if (header == null) {
                header = header(cells);
                return true;
            }
            Map<String, String> values = new HashMap<>();
            header.forEach((index, key) -> values.put(key, index < cells.size() ? clean(cells.get(index)) : ""));
            if (values.values().stream().allMatch(String::isEmpty)) {
                return true;
            }
            rows.add(new RosterRow(line, values));
            return rows.size() < limit;
        }

        private Map<Integer, String> header(List<String> cells) {
            Map<Integer, String> found = new LinkedHashMap<>();
            for (Column column : columns) {
                Set<String> names = labels.accepted(column);
                for (int i = 0; i < cells.size(); i++) {
                    if (!found.containsKey(i) && names.contains(ColumnLabels.normalise(clean(cells.get(i))))) {
                        found.put(i, column.key());
                        break;
                    }
                }
            }
            List<Column> missing = columns.stream().filter(Column::required).filter(c -> !found.containsValue(c.key())).toList();
            if (!missing.isEmpty()) {
                throw new RuleViolation("import.file.missingColumns", missing.stream()
                        .map(c -> labels.label(c.key()) + " (" + c.key() + ")").collect(Collectors.joining(", ")));
            }
            return found;
        }
    }
}
