package org.shouwang.shared;

import java.util.List;

/** One page of a longer list. Pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
