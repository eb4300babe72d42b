package org.anquan.shared;

/**
 * The record does not exist, or the user's data scope does not reach it: both answer 404, so a
 * scope boundary does not reveal which ids exist.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id);
    }
}
