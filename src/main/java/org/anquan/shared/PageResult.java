package org.anquan.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

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

    /**
     * The requested page, or the last one when the request lies past the end (a bookmark of a list
     * that has since shrunk, a page number typed too large): never an empty page or an error.
     */
    public static <T> PageResult<T> atMostLast(int page, IntFunction<PageResult<T>> fetch) {
        PageResult<T> result = fetch.apply(Math.max(page, 1));
        return result.items().isEmpty() && result.page() > result.totalPages() ? fetch.apply(result.totalPages()) : result;
    }

    /** The page numbers a pager offers: the first, the last, and two either side of the current one; 0 marks a gap. */
    public List<Integer> pageNumbers() {
        List<Integer> numbers = new ArrayList<>();
        int last = totalPages();
        for (int p = 1; p <= last; p++) {
            if (p == 1 || p == last || Math.abs(p - page) <= 2) {
                numbers.add(p);
            } else if (numbers.get(numbers.size() - 1) != 0) {
                numbers.add(0);
            }
        }
        return numbers;
    }

    /** Clamps a requested page size to 1..MAX_SIZE, defaulting to 20. */
    public static int clampSize(Integer size) {
        if (size == null || size < 1) {
            return 20;
        }
        return Math.min(size, MAX_SIZE);
    }
}
