package org.anquan.shared;

import java.util.List;

/** One page of a filtered list, with what a pager needs. Pages count from 1. */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalCapped) {

    public static final int MAX_SIZE = 200;

    public PageResult(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    public long offset() {
        return offsetOf(page, size);
    }

    public static long offsetOf(int page, int size) {
        return (long) (Math.max(page, 1) - 1) * size;
    }

    /** Clamps a requested page size to 1..MAX_SIZE, defaulting to 20. */
    public static int clampSize(Integer size) {
        if (size == null || size < 1) {
            return 20;
        }
        return Math.min(size, MAX_SIZE);
    }
}
