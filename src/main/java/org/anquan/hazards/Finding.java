package org.anquan.hazards;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anquan.shared.Inputs;

/**
 * What another module hands to the register as a hazard ({@link Hazards#openFrom}): where it is (an
 * enterprise, or a place with its county and, from a citizen, a point), its industry and description,
 * and for an officer's finding the deadline and the person responsible. A place without a point is
 * routed to the county given, for the reason given.
 *
 * @param source whether an officer found it (a rectification order: deadline and person required) or a citizen reported it
 */
public record Finding(Source source, Long enterpriseId, String place, Double lon, Double lat, Long countyId, String industryCode,
                      String description, LocalDate deadline, String responsiblePerson, String routingReason) {

    /** The longest description, as the register's own form takes it. */
    public static final int DESCRIPTION_MAX = 2000;
    public static final int PERSON_MAX = 60;

    public enum Source { INSPECTION, CITIZEN }

    /** An officer's finding at an enterprise, or at a place in a county: rectified by the deadline under the person responsible. */
    public static Finding inspection(Long enterpriseId, String place, Long countyId, String industryCode, String description,
                                     LocalDate deadline, String responsiblePerson, String routingReason) {
        return new Finding(Source.INSPECTION, enterpriseId, place, null, null, countyId, industryCode, description, deadline,
                responsiblePerson, routingReason);
    }

    /** A citizen's report verified by an official: at the place and point described, or in the county it was routed to. */
    public static Finding citizen(String place, Double lon, Double lat, Long countyId, String industryCode, String description,
                                  String routingReason) {
        return new Finding(Source.CITIZEN, null, place, lon, lat, countyId, industryCode, description, null, null, routingReason);
    }

    /**
     * What is missing or too long, field → message key ({@code description}, {@code responsiblePerson},
     * {@code deadline}): a caller with fields of its own checks them together with these, so that the
     * person sees every error at once. The register adds its own checks (a deadline before today).
     */
    public Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        Inputs.text(description, DESCRIPTION_MAX, "description", true, errors);
        if (source == Source.INSPECTION) {
            Inputs.text(responsiblePerson, PERSON_MAX, "responsiblePerson", true, errors);
            if (deadline == null) {
                errors.put("deadline", "validation.required");
            }
        }
        return errors;
    }
}
