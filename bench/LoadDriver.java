// A bounded load driver on loopback: sends exactly --count requests, each signed in with the next
// personal access token of a file (one student per request), either as fast as --concurrency
// workers can (a rush) or spread evenly over --seconds (a burst at a fixed rate), and prints one
// WRK_RESULT line (the format of bench/*.lua) plus the count of each HTTP status.
//
//   java bench/LoadDriver.java --url URL --tokens FILE --count N [--concurrency C] [--seconds S]
//        [--method POST] [--body JSON] [--refresh URL --refresh-token T --refresh-every S] [--slow-ms MS]
//
// With --refresh, the driver GETs URL (signed in with token T) every S seconds and puts the JSON
// field "token" of the answer in place of {token} in the body: the rotating check-in code.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        AtomicReference<String> code = new AtomicReference<>("");
        Thread refresher = null;
        if (a.containsKey("refresh")) {
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
            refresher = new Thread(() -> {
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
        }
        long[] latencies = new long[count];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    if (seconds > 0) {
                        long due = start + (long) (i * seconds * 1e9 / count);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            try {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + tokens.get(i)).header("Content-Type", "application/json")
                            .header("Accept-Language", "en")
                            .method(method, HttpRequest.BodyPublishers.ofString(body.replace("{token}", code.get()))).build();
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
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
        System.exit(0);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.round(sorted.length * q + .5) - 1)] / 1e6;
    }
}
