package org.shouwang.insights;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Export tests download a workbook as a user and read its rows (FastExcel's reader). */
final class Workbooks {

    private Workbooks() {
    }

    /** Every sheet's rows of the workbook at {@code path}, downloaded as {@code user} (200 expected). */
    static List<List<Row>> sheets(MockMvc mvc, RequestPostProcessor user, String path) throws Exception {
        byte[] xlsx = mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheets().map(s -> {
                try {
                    return s.read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** The first sheet's rows. */
    static List<Row> rows(MockMvc mvc, RequestPostProcessor user, String path) throws Exception {
        return sheets(mvc, user, path).get(0);
    }

    /** A cell's text, empty past the row's last cell. */
    static String text(Row row, int c) {
        return c < row.getCellCount() ? row.getCellText(c) : "";
    }

    static long number(Row row, int c) {
        return row.getCellAsNumber(c).orElseThrow().longValue();
    }

    /**
     * The page at {@code page}, opened as {@code user}, shows a link with this id to {@code export}; following it
     * as the same user downloads an xlsx. Returns the link's URL.
     */
    static String linked(MockMvc mvc, RequestPostProcessor user, String page, String id, String export) throws Exception {
        String html = mvc.perform(get(page).with(user)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).as(page).contains("id=\"" + id + "\"").contains(export);
        int at = html.indexOf("id=\"" + id + "\"");
        int href = html.indexOf("href=\"", html.lastIndexOf("<a", at)) + 6;
        String url = html.substring(href, html.indexOf('"', href)).replace("&amp;", "&");
        assertThat(url).as(page).startsWith(export);
        String type = mvc.perform(get(url).with(user)).andExpect(status().isOk()).andReturn().getResponse().getContentType();
        assertThat(type).as(url).contains("spreadsheetml");
        return url;
    }
}
