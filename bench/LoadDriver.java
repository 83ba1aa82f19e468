// A bounded load driver on loopback: sends exactly --count requests, each signed in with the next
// personal access token of a file (one student per request), either as fast as --concurrency
// workers can (a rush) or spread evenly over --seconds (a burst at a fixed rate), and prints one
// WRK_RESULT line (the format of bench/*.lua) plus the count of each HTTP status and its own CPU seconds.
//
//   java bench/LoadDriver.java --url URL --tokens FILE --count N [--concurrency C] [--seconds S]
//        [--method POST] [--body JSON] [--refresh URL --refresh-token T --refresh-every S] [--slow-ms MS]
//
// With --refresh, the driver GETs URL (signed in with token T) every S seconds and puts the JSON
// field "token" of the answer in place of {token} in the body: the rotating check-in code.
//
// Why raw sockets: the JDK HttpClient costs about 0.6 ms of CPU per request, so on a 2-core
// machine the driver took a third of the CPU from the app it measures. The requests therefore go
// through a minimal HTTP/1.1 keep-alive client: one platform thread per connection, each owning a
// blocking java.net.Socket, with the request bytes prebuilt and the response body discarded.
// Only the rare --refresh fetch still uses HttpClient.
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadDriver {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = a.get("url");
        List<String> tokens = Files.readAllLines(Path.of(a.get("tokens"))).stream().filter(s -> !s.isBlank()).toList();
        int count = Integer.parseInt(a.getOrDefault("count", "1000"));
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "32"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "0"));
        String method = a.getOrDefault("method", "POST");
        String body = a.getOrDefault("body", "{}");
        if (tokens.size() < count) {
            throw new IllegalArgumentException(count + " requests need as many tokens; the file has " + tokens.size());
        }
        Target target = Target.of(url, method, body);
        AtomicReference<String> code = new AtomicReference<>("");
        Thread refresher = a.containsKey("refresh") ? startRefresher(a, code) : null;

        long[] latencies = new long[count];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.submit(() -> {
                try (Connection connection = new Connection(target)) {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        if (seconds > 0 && !waitUntil(start + (long) (i * seconds * 1e9 / count))) {
                            return;
                        }
                        byte[] request = target.request(tokens.get(i), code.get());
                        long t0 = System.nanoTime();
                        try {
                            int status = connection.exchange(request);
                            statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (refresher != null) {
            refresher.interrupt();
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        long non2xx = statuses.entrySet().stream().filter(e -> e.getKey() / 100 != 2).mapToLong(e -> e.getValue().get()).sum();
        System.out.printf("WRK_RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d errors=%d%n",
                count, elapsed, count / elapsed, ms(sorted, .50), ms(sorted, .90), ms(sorted, .99), sorted[count - 1] / 1e6, non2xx,
                errors.get());
        if (a.containsKey("slow-ms")) {
            // Where in the sequence the slow requests were, by tenth of the run: a start-up effect, or all along.
            long slow = (long) (Double.parseDouble(a.get("slow-ms")) * 1e6);
            int[] tenths = new int[10];
            for (int i = 0; i < count; i++) {
                if (latencies[i] > slow) {
                    tenths[i * 10 / count]++;
                }
            }
            System.out.println("SLOW_BY_TENTH " + Arrays.toString(tenths));
        }
        List<String> byStatus = new ArrayList<>();
        new TreeMap<>(statuses).forEach((s, n) -> byStatus.add(s + "=" + n.get()));
        System.out.println("STATUSES " + String.join(" ", byStatus));
        // The driver's own CPU seconds (start-up included), to set beside the app's and the database's.
        System.out.printf("DRIVER_CPU_S %.2f%n",
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
        System.exit(0);
    }

    /** Sleeps until System.nanoTime() reaches due (the pacing of --seconds); false if interrupted. */
    private static boolean waitUntil(long due) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    /** Fetches the rotating code now, then every --refresh-every seconds on a daemon thread (rare: HttpClient is fine). */
    private static Thread startRefresher(Map<String, String> a, AtomicReference<String> code) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(a.get("refresh")))
                .header("Authorization", "Bearer " + a.get("refresh-token")).GET().build();
        Pattern field = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
        Runnable fetch = () -> {
            try {
                Matcher m = field.matcher(http.send(get, HttpResponse.BodyHandlers.ofString()).body());
                if (m.find()) {
                    code.set(m.group(1));
                }
            } catch (Exception e) {
                System.err.println("refresh failed: " + e);
            }
        };
        fetch.run();
        long every = (long) (Double.parseDouble(a.getOrDefault("refresh-every", "5")) * 1000);
        Thread refresher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                fetch.run();
            }
        });
        refresher.setDaemon(true);
        refresher.start();
        return refresher;
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.round(sorted.length * q + .5) - 1)] / 1e6;
    }

    /** Where the requests go and their bytes, prebuilt up to the token (and the body when it has no {token}). */
    record Target(InetSocketAddress address, byte[] head, String method, String body, byte[] fixedTail) {

        static Target of(String url, String method, String body) {
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("only http:// URLs are supported: " + url);
            }
            int port = uri.getPort() == -1 ? 80 : uri.getPort();
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port
                    + "\r\nAccept-Language: en\r\nAuthorization: Bearer ";
            byte[] fixedTail = body.contains("{token}") ? null : tail(method, body);
            return new Target(new InetSocketAddress(uri.getHost(), port), ascii(head), method, body, fixedTail);
        }

        /** The request of one student: head, token, then the headers of the body and the body itself. */
        byte[] request(String token, String code) {
            byte[] tail = fixedTail != null ? fixedTail : tail(method, body.replace("{token}", code));
            ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + token.length() + tail.length);
            out.writeBytes(head);
            out.writeBytes(ascii(token));
            out.writeBytes(tail);
            return out.toByteArray();
        }

        /** The end of the token line, the body headers and the body; a GET or HEAD carries no body. */
        private static byte[] tail(String method, String body) {
            if (method.equals("GET") || method.equals("HEAD")) {
                return ascii("\r\n\r\n");
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            byte[] headers = ascii("\r\nContent-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n");
            byte[] tail = Arrays.copyOf(headers, headers.length + content.length);
            System.arraycopy(content, 0, tail, headers.length, content.length);
            return tail;
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** One persistent HTTP/1.1 connection, owned by one worker thread; reopened when the server closes it. */
    static final class Connection implements AutoCloseable {
        private final Target target;
        // The answer is read through this buffer (buf[pos..lim) not yet consumed) rather than a
        // BufferedInputStream, whose read() of one byte takes a lock for each byte of each header.
        private final byte[] buf = new byte[16384];
        private int pos;
        private int lim;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(Target target) {
            this.target = target;
        }

        /**
         * Sends one request and reads the whole response; returns its status. A request that fails on a kept-alive
         * connection before any byte of the answer (the server had closed it meanwhile) is sent once more on a new one.
         */
        int exchange(byte[] request) throws IOException {
            try {
                try {
                    return attempt(request);
                } catch (StaleConnection e) {
                    return attempt(request);
                }
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private int attempt(byte[] request) throws IOException {
            boolean reused = socket != null;
            if (!reused) {
                open();
            }
            String statusLine;
            try {
                out.write(request);
                statusLine = readLine();
                if (statusLine == null) {
                    throw new EOFException("connection closed before the response");
                }
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                close();
                throw reused ? new StaleConnection(e) : e;
            }
            return readResponse(statusLine);
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(target.address(), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            pos = 0;
            lim = 0;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do: the connection is gone either way
                }
                socket = null;
            }
        }

        /** Reads the status line, the headers and the body (discarded); skips interim 1xx answers. */
        private int readResponse(String statusLine) throws IOException {
            while (true) {
                int status = parseStatus(statusLine);
                long contentLength = -1;
                boolean chunked = false;
                boolean closeAfter = false;
                for (String header = requireLine(readLine()); !header.isEmpty(); header = requireLine(readLine())) {
                    if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        contentLength = Long.parseLong(header.substring(15).trim());
                    } else if (header.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)) {
                        chunked = header.toLowerCase().contains("chunked");
                    } else if (header.regionMatches(true, 0, "Connection:", 0, 11)) {
                        closeAfter = header.toLowerCase().contains("close");
                    }
                }
                if (status / 100 == 1 && status != 101) {
                    statusLine = requireLine(readLine());
                    continue;
                }
                if (target.method().equals("HEAD") || status == 204 || status == 304) {
                    // no body
                } else if (chunked) {
                    skipChunkedBody();
                } else if (contentLength >= 0) {
                    skipFully(contentLength);
                } else {
                    skipToEof();
                    closeAfter = true;
                }
                if (closeAfter) {
                    close();
                }
                return status;
            }
        }

        private static int parseStatus(String statusLine) throws IOException {
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new IOException("bad status line: " + statusLine);
            }
            try {
                return Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new IOException("bad status line: " + statusLine);
            }
        }

        /** Chunks: a hex size line (maybe with ;extensions), the data, CRLF; then a 0 chunk, trailer lines and a blank line. */
        private void skipChunkedBody() throws IOException {
            while (true) {
                String sizeLine = requireLine(readLine());
                int semicolon = sizeLine.indexOf(';');
                String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
                long size;
                try {
                    size = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size line: " + sizeLine);
                }
                if (size == 0) {
                    while (!requireLine(readLine()).isEmpty()) {
                        // trailer header: ignored
                    }
                    return;
                }
                skipFully(size);
                if (!requireLine(readLine()).isEmpty()) {
                    throw new IOException("chunk not followed by CRLF");
                }
            }
        }

        private void skipFully(long n) throws IOException {
            while (n > 0) {
                if (pos == lim && !fill()) {
                    throw new EOFException("connection closed in a body");
                }
                int k = (int) Math.min(n, lim - pos);
                pos += k;
                n -= k;
            }
        }

        private void skipToEof() throws IOException {
            while (fill()) {
                pos = lim; // a body delimited by the end of the connection
            }
        }

        /** Reads more of the answer into the empty buffer; false at EOF. */
        private boolean fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            lim = Math.max(n, 0);
            return n > 0;
        }

        /** A line without its CRLF (or bare LF), in ISO-8859-1; null at EOF before any byte. */
        private String readLine() throws IOException {
            StringBuilder partial = null; // only for a line split between two reads
            while (true) {
                if (pos == lim && !fill()) {
                    if (partial == null) {
                        return null;
                    }
                    throw new EOFException("connection closed in a line");
                }
                int start = pos;
                while (pos < lim && buf[pos] != '\n') {
                    pos++;
                }
                String piece = new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
                if (pos < lim) {
                    pos++; // the \n
                    String line = partial == null ? piece : partial.append(piece).toString();
                    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                }
                partial = partial == null ? new StringBuilder(piece) : partial.append(piece);
            }
        }

        private static String requireLine(String line) throws EOFException {
            if (line == null) {
                throw new EOFException("connection closed in a response");
            }
            return line;
        }
    }

    /** A failure on a kept-alive connection before any byte of the answer: the server had closed it meanwhile. */
    static final class StaleConnection extends IOException {
        StaleConnection(IOException cause) {
            super("kept-alive connection closed by the server", cause);
        }
    }
}
