package org.shouwang.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports read a paged list page by page, and refuse one longer than an export may hold before writing anything. */
class ExportRowsTests {

    private final List<Integer> asked = new ArrayList<>();

    private Page<Integer> page(int total, int n, int size) {
        asked.add(n);
        return new Page<>(IntStream.range(n * size, Math.min(total, (n + 1) * size)).boxed().toList(), n, size, total);
    }

    @Test
    void everyPageIsReadInTurnUntilTheLastOne() {
        assertThat(ExportRows.all(10, 100, n -> page(95, n, 10))).containsExactlyElementsOf(IntStream.range(0, 95).boxed().toList());
        assertThat(asked).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        asked.clear();
        assertThat(ExportRows.all(10, 100, n -> page(20, n, 10))).hasSize(20);
        assertThat(asked).as("a full last page that reaches the total ends the reading").containsExactly(0, 1);
        asked.clear();
        assertThat(ExportRows.all(10, 100, n -> page(0, n, 10))).isEmpty();
        assertThat(asked).containsExactly(0);
    }

    @Test
    void aListLongerThanAnExportMayHoldIsAFieldErrorOnTheFirstPage() {
        assertThatThrownBy(() -> ExportRows.all(10, 100, n -> page(101, n, 10)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("export");
                    assertThat(e.problems().get(0).code()).isEqualTo("export.tooManyRows");
                    assertThat(e.problems().get(0).args()).containsExactly(101L, 100);
                });
        assertThat(asked).containsExactly(0);
        assertThat(ExportRows.MAX).isLessThan(1_048_576);
    }
}
