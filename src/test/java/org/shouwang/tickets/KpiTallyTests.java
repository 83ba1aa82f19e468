package org.shouwang.tickets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Minute histograms keep every minute exactly: the median is percentile_cont(0.5) of the values, also after encoding and merging. */
class KpiTallyTests {

    @Test
    void theMedianOfAHistogramIsThatOfTheValuesBeforeAndAfterEncoding() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(60);
            List<Integer> values = new ArrayList<>();
            KpiTally.Minutes a = new KpiTally.Minutes();
            KpiTally.Minutes b = new KpiTally.Minutes();
            for (int i = 0; i < n; i++) {
                int minute = random.nextInt(10) == 0 ? KpiTally.Minutes.DENSE + random.nextInt(500_000) : random.nextInt(3000);
                values.add(minute);
                (i % 2 == 0 ? a : b).add(minute, 1);
            }
            KpiTally.Minutes merged = new KpiTally.Minutes();
            merged.decode(a.encode());
            KpiTally.Minutes other = new KpiTally.Minutes();
            other.decode(b.encode());
            merged.add(other);
            Collections.sort(values);
            double expected = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
            assertThat(merged.median()).isEqualTo(expected);
            assertThat(merged.total()).isEqualTo(n);
            KpiTally.Minutes again = new KpiTally.Minutes();
            again.decode(merged.encode());
            assertThat(again.encode()).isEqualTo(merged.encode());
        }
        assertThat(new KpiTally.Minutes().median()).isNull();
    }
}
