package org.shouwang.insights;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.SmallGroups.Shown.FEWER;
import static org.shouwang.insights.SmallGroups.Shown.NUMBER;
import static org.shouwang.insights.SmallGroups.Shown.WITHHELD;

/** The minimum-group rule of a breakdown by category shown beside its total. */
class SmallGroupsTests {

    @Test
    void aSensitiveGroupBelowFiveIsFewerAndOtherGroupsShowTheirNumber() {
        assertThat(SmallGroups.categories(counts("PSYCHOLOGY", 2L, "LEGAL", 3L, "REPAIRS", 40L)))
                .containsOnly(Map.entry("PSYCHOLOGY", FEWER), Map.entry("LEGAL", FEWER), Map.entry("REPAIRS", NUMBER));
        assertThat(SmallGroups.categories(counts("PSYCHOLOGY", 5L, "REPAIRS", 1L)))
                .containsEntry("PSYCHOLOGY", NUMBER).containsEntry("REPAIRS", NUMBER);
    }

    @Test
    void theOnlyFewerGroupTakesTheSmallestOtherWithItSoTheTotalTellsNothing() {
        Map<String, SmallGroups.Shown> shown = SmallGroups.categories(counts("REPAIRS", 40L, "PSYCHOLOGY", 2L, "ACADEMICS", 7L,
                "LEGAL", 9L));
        assertThat(shown).containsEntry("PSYCHOLOGY", FEWER).containsEntry("ACADEMICS", WITHHELD)
                .containsEntry("REPAIRS", NUMBER).containsEntry("LEGAL", NUMBER);
        // alone, nothing else can be withheld
        assertThat(SmallGroups.categories(counts("SAFETY", 1L))).containsExactlyEntriesOf(Map.of("SAFETY", FEWER));
    }

    private static Map<String, Long> counts(Object... keysAndCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            counts.put((String) keysAndCounts[i], (Long) keysAndCounts[i + 1]);
        }
        return counts;
    }
}
