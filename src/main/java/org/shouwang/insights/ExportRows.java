package org.shouwang.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Page;

/**
 * The rows of a paged list for an export: every page of the list the page shows, read in turn. A list
 * longer than an export may hold is refused with a field error before anything is written, so that no
 * export loads an unbounded list into memory or silently stops short.
 */
final class ExportRows {

    /** Most rows an export holds (an xlsx sheet holds 1,048,576). */
    static final int MAX = 100_000;

    private ExportRows() {
    }

    /** Every item, reading pages of {@code size} from page 0; more than {@link #MAX} items is a field error. */
    static <T> List<T> all(int size, IntFunction<Page<T>> page) {
        return all(size, MAX, page);
    }

    static <T> List<T> all(int size, int max, IntFunction<Page<T>> page) {
        List<T> all = new ArrayList<>();
        for (int n = 0; ; n++) {
            Page<T> p = page.apply(n);
            if (p.total() > max) {
                throw new InvalidInput("export", "export.tooManyRows", p.total(), max);
            }
            all.addAll(p.items());
            if (p.items().size() < size || all.size() >= p.total()) {
                return all;
            }
        }
    }
}
