package org.medunion.shared;

/** The addressed object does not exist or lies outside the caller's scope (we do not tell which). */
public class NotFoundException extends MedUnionException {

    public NotFoundException(String kind, Object id) {
        super("common.notFound", "id", kind, id);
    }

    @Override
    public int status() {
        return 404;
    }
}
