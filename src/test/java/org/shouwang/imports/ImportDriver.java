package org.shouwang.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.shouwang.DemoUsers;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Builds roster files and drives the import API as the admin, waiting for background work. */
final class ImportDriver {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final MockMvc mvc;
    private final DemoUsers users;

    ImportDriver(MockMvc mvc, DemoUsers users) {
        this.mvc = mvc;
        this.users = users;
    }

    /** A short prefix no other test run or test uses, for natural keys. */
    static String unique(String prefix) {
        return prefix + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase()
                + SEQUENCE.incrementAndGet();
    }

    static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("roster");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] csv(List<List<Object>> rows, Charset charset) {
        String text = rows.stream()
                .map(row -> row.stream().map(v -> v == null ? "" : '"' + v.toString().replace("\"", "\"\"") + '"')
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        return text.getBytes(charset);
    }

    MvcResult uploadRaw(String kind, String fileName, byte[] content, String language) throws Exception {
        return mvc.perform(multipart("/api/v1/admin/imports")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .param("kind", kind).header("Accept-Language", language)
                        .with(users.as("admin")).with(csrf()))
                .andReturn();
    }

    /** Uploads a file that must be accepted, and waits until it is validated. */
    Map<String, Object> uploadAndValidate(String kind, String fileName, byte[] content) throws Exception {
        MvcResult result = uploadRaw(kind, fileName, content, "zh-CN");
        if (result.getResponse().getStatus() != 202) {
            throw new AssertionError("upload refused: " + result.getResponse().getStatus() + " "
                    + result.getResponse().getContentAsString());
        }
        long id = ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
        return await(id);
    }

    Map<String, Object> job(long id) throws Exception {
        String json = mvc.perform(get("/api/v1/admin/imports/" + id).with(users.as("admin")))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$");
    }

    /** Polls the job until it is no longer running, for at most 30 seconds. */
    Map<String, Object> await(long id) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Map<String, Object> job = job(id);
            String status = (String) job.get("status");
            if (!status.equals("VALIDATING") && !status.equals("IMPORTING")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import job " + id + " still " + status + " after " + PATIENCE);
            }
            Thread.sleep(50);
        }
    }

    List<Map<String, Object>> problems(long id, String language) throws Exception {
        String json = mvc.perform(get("/api/v1/admin/imports/" + id + "/problems").param("size", "1000")
                        .header("Accept-Language", language).with(users.as("admin")))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.items");
    }

    MvcResult confirmRaw(long id) throws Exception {
        return mvc.perform(post("/api/v1/admin/imports/" + id + "/confirm").with(users.as("admin")).with(csrf()))
                .andReturn();
    }

    /** Confirms a validated job and waits until the import is written. */
    Map<String, Object> confirm(long id) throws Exception {
        MvcResult result = confirmRaw(id);
        if (result.getResponse().getStatus() != 202) {
            throw new AssertionError("confirm refused: " + result.getResponse().getContentAsString());
        }
        return await(id);
    }

    /** Uploads, validates, confirms and waits: the job as it ends. */
    Map<String, Object> importFile(String kind, String fileName, byte[] content) throws Exception {
        Map<String, Object> job = uploadAndValidate(kind, fileName, content);
        if (!"VALIDATED".equals(job.get("status"))) {
            throw new AssertionError("not validated: " + job);
        }
        return confirm(((Number) job.get("id")).longValue());
    }

    static long id(Map<String, Object> job) {
        return ((Number) job.get("id")).longValue();
    }

    static int count(Map<String, Object> job, String field) {
        return ((Number) job.get(field)).intValue();
    }
}
