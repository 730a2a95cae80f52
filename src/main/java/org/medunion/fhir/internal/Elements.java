package org.medunion.fhir.internal;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InvalidInputException;

/**
 * Reading incoming FHIR elements strictly: a wrong reference, value type or date is a 400 whose field is
 * the FHIRPath of the element ({@code Organization.partOf.reference}, {@code Organization.extension('…')}).
 */
final class Elements {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Elements() {
    }

    static String extensionPath(String resource, String url) {
        return resource + ".extension('" + url + "')";
    }

    /** The id of a reference {@code <Type>/<uuid>} (absolute URLs ending so are accepted); null when absent. */
    static @Nullable UUID referenceId(@Nullable Reference reference, String type, String field) {
        if (reference == null || reference.isEmpty() || !reference.hasReference()) {
            return null;
        }
        String ref = reference.getReference().trim();
        int slash = ref.lastIndexOf('/');
        int typeStart = ref.lastIndexOf('/', slash - 1) + 1;
        if (slash < 0 || !ref.substring(typeStart, slash).equals(type)) {
            throw new InvalidInputException(field, "fhir.reference", ref, type);
        }
        try {
            return UUID.fromString(ref.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "fhir.reference", ref, type);
        }
    }

    static UUID uuid(String value, String type, String field) {
        try {
            return UUID.fromString(value.trim());
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "fhir.reference", value, type);
        }
    }

    /** The value of an extension of the expected type, or null when the extension is absent. */
    static <T extends Type> @Nullable T value(DomainResource resource, String url, Class<T> type, String field) {
        var ext = resource.getExtensionByUrl(url);
        return ext == null ? null : value(ext, type, field);
    }

    static <T extends Type> @Nullable T value(@Nullable Extension ext, Class<T> type, String field) {
        if (ext == null || ext.getValue() == null) {
            return null;
        }
        if (!type.isInstance(ext.getValue())) {
            throw new InvalidInputException(field, "fhir.wrongType", "value" + type.getSimpleName().replace("Type", ""));
        }
        return type.cast(ext.getValue());
    }

    static @Nullable String string(DomainResource resource, String url, String field) {
        var v = value(resource, url, StringType.class, field);
        return v == null ? null : v.getValue();
    }

    static @Nullable Boolean bool(DomainResource resource, String url, String field) {
        var v = value(resource, url, BooleanType.class, field);
        return v == null ? null : v.getValue();
    }

    static @Nullable LocalDate localDate(@Nullable Date date) {
        return date == null ? null : date.toInstant().atZone(CHINA).toLocalDate();
    }

    static @Nullable LocalDate localDate(@Nullable DateType date) {
        return date == null || date.getValue() == null ? null
                : LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
    }

    static @Nullable DateType date(@Nullable LocalDate date) {
        return date == null ? null : new DateType(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }

    /** A day-precision dateTime (period bounds), e.g. {@code 2021-07-01}. */
    static @Nullable DateTimeType day(@Nullable LocalDate date) {
        return date == null ? null : new DateTimeType(date.toString());
    }

    static @Nullable LocalDate localDate(@Nullable DateTimeType dateTime) {
        if (dateTime == null || dateTime.getValue() == null) {
            return null;
        }
        if (dateTime.getPrecision().compareTo(TemporalPrecisionEnum.DAY) > 0) {
            return dateTime.getValue().toInstant().atZone(CHINA).toLocalDate();
        }
        return LocalDate.of(dateTime.getYear(), dateTime.getMonth() + 1, dateTime.getDay());
    }

    static @Nullable Date dateTime(@Nullable LocalDate date) {
        return date == null ? null : Date.from(date.atStartOfDay(CHINA).toInstant());
    }
}
