package org.shouwang.tickets;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The counts behind the KPIs of one group (DESIGN §5), and the exact distribution of the minutes
 * of first response and of resolution. The one place where a request's columns become KPI counts:
 * the rollup and the query of requests not rolled up yet both add requests through {@link #add}.
 */
final class KpiTally {

    long requests;
    long responded;
    long respondedOnTime;
    long resolved;
    long resolvedOnTime;
    long followedUp;
    long contacted;
    long solved;
    long satisfied;
    long returned;
    long reopened;
    long supervised;
    final Minutes responseMinutes = new Minutes();
    final Minutes resolutionMinutes = new Minutes();

    /** The KPI columns of one request that is not withdrawn. */
    record Facts(boolean responded, boolean respondedOnTime, Integer responseMinutes, boolean resolved,
                 boolean resolvedOnTime, Integer resolutionMinutes, boolean followedUp, boolean contacted, boolean solved,
                 boolean satisfied, boolean returned, boolean reopened, boolean supervised) {
    }

    void add(Facts f) {
        requests++;
        if (f.responded()) {
            responded++;
            if (f.respondedOnTime()) {
                respondedOnTime++;
            }
            if (f.responseMinutes() != null) {
                responseMinutes.add(f.responseMinutes(), 1);
            }
        }
        if (f.resolved()) {
            resolved++;
            if (f.resolvedOnTime()) {
                resolvedOnTime++;
            }
            if (f.resolutionMinutes() != null) {
                resolutionMinutes.add(f.resolutionMinutes(), 1);
            }
        }
        if (f.followedUp()) {
            followedUp++;
            if (f.contacted()) {
                contacted++;
            }
            if (f.solved()) {
                solved++;
            }
            if (f.satisfied()) {
                satisfied++;
            }
        }
        if (f.returned()) {
            returned++;
        }
        if (f.reopened()) {
            reopened++;
        }
        if (f.supervised()) {
            supervised++;
        }
    }

    void add(KpiTally other) {
        requests += other.requests;
        responded += other.responded;
        respondedOnTime += other.respondedOnTime;
        resolved += other.resolved;
        resolvedOnTime += other.resolvedOnTime;
        followedUp += other.followedUp;
        contacted += other.contacted;
        solved += other.solved;
        satisfied += other.satisfied;
        returned += other.returned;
        reopened += other.reopened;
        supervised += other.supervised;
        responseMinutes.add(other.responseMinutes);
        resolutionMinutes.add(other.resolutionMinutes);
    }

    /**
     * A multiset of whole minutes: counts by minute in an array for the first {@link #DENSE}
     * minutes (45 working days; almost every request), (minute, count) pairs packed into longs
     * beyond, compacted (sorted, equal minutes summed) when read. Encoded as varints of the
     * minute's distance from the previous one and of its count.
     */
    static final class Minutes {

        static final int DENSE = 1 << 16;

        private long[] counts = new long[0];
        private long[] pairs = new long[0];
        private int size;
        private boolean compact = true;

        void add(int minute, long count) {
            if (minute < 0) {
                minute = 0;
            }
            if (minute < DENSE) {
                if (minute >= counts.length) {
                    counts = Arrays.copyOf(counts, Math.min(DENSE, Math.max(64, Integer.highestOneBit(minute) << 1)));
                }
                counts[minute] += count;
                return;
            }
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, Math.max(8, size * 2));
            }
            pairs[size++] = ((long) minute << 32) | count;
            compact = false;
        }

        void add(Minutes other) {
            for (int m = 0; m < other.counts.length; m++) {
                if (other.counts[m] != 0) {
                    add(m, other.counts[m]);
                }
            }
            other.compact();
            for (int i = 0; i < other.size; i++) {
                add(minute(other.pairs[i]), count(other.pairs[i]));
            }
        }

        void decode(byte[] bytes) {
            int minute = 0;
            int[] at = {0};
            while (at[0] < bytes.length) {
                minute += (int) readVarint(bytes, at);
                add(minute, readVarint(bytes, at));
            }
        }

        byte[] encode() {
            compact();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64);
            int previous = 0;
            for (int m = 0; m < counts.length; m++) {
                if (counts[m] != 0) {
                    writeVarint(out, m - previous);
                    writeVarint(out, counts[m]);
                    previous = m;
                }
            }
            for (int i = 0; i < size; i++) {
                writeVarint(out, minute(pairs[i]) - previous);
                writeVarint(out, count(pairs[i]));
                previous = minute(pairs[i]);
            }
            return out.toByteArray();
        }

        long total() {
            compact();
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            for (int i = 0; i < size; i++) {
                n += count(pairs[i]);
            }
            return n;
        }

        /** The median as percentile_cont(0.5): the middle value, or the mean of the two middle ones; null when empty. */
        Double median() {
            long n = total();
            if (n == 0) {
                return null;
            }
            long lower = (n - 1) / 2;
            long upper = n / 2;
            Integer low = null;
            long seen = 0;
            for (int m = 0; m < counts.length; m++) {
                if (counts[m] == 0) {
                    continue;
                }
                seen += counts[m];
                if (low == null && seen > lower) {
                    low = m;
                }
                if (seen > upper) {
                    return (low + m) / 2.0;
                }
            }
            for (int i = 0; i < size; i++) {
                seen += count(pairs[i]);
                if (low == null && seen > lower) {
                    low = minute(pairs[i]);
                }
                if (seen > upper) {
                    return (low + minute(pairs[i])) / 2.0;
                }
            }
            throw new IllegalStateException("median beyond the counts");
        }

        private void compact() {
            if (compact) {
                return;
            }
            Arrays.sort(pairs, 0, size);
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (w > 0 && minute(pairs[w - 1]) == minute(pairs[r])) {
                    pairs[w - 1] = ((long) minute(pairs[r]) << 32) | (count(pairs[w - 1]) + count(pairs[r]));
                } else {
                    pairs[w++] = pairs[r];
                }
            }
            size = w;
            compact = true;
        }

        private static int minute(long pair) {
            return (int) (pair >>> 32);
        }

        private static long count(long pair) {
            return pair & 0xFFFFFFFFL;
        }

        private static void writeVarint(ByteArrayOutputStream out, long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }

        private static long readVarint(byte[] bytes, int[] at) {
            long value = 0;
            int shift = 0;
            while (true) {
                byte b = bytes[at[0]++];
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
                shift += 7;
            }
        }
    }
}
