package org.anquan.hazards.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingPolicyTests {

    @ParameterizedTest(name = "lead {0}, enterprise county {1}, located county {2} → department {3}, county {4}")
    @CsvSource(nullValues = "-", value = {
            // the enterprise's county wins over where the reporter stood
            "7, 2, 3, 7, 2",
            "7, 2, -, 7, 2",
            // a place without an enterprise goes to the county holding its location
            "7, -, 3, 7, 3",
            "9, -, 5, 9, 5",
    })
    void routesToTheLeadDepartmentAndTheCounty(Long lead, Long enterpriseCounty, Long locatedCounty, long department, long county) {
        assertThat(RoutingPolicy.route(lead, enterpriseCounty, locatedCounty)).isEqualTo(new RoutingPolicy.Route(department, county));
    }

    @ParameterizedTest(name = "lead {0}, enterprise county {1}, located county {2} → errors on {3}")
    @CsvSource(nullValues = "-", value = {
            "-, 2, -, industryCode",
            "7, -, -, lon",
            "-, -, -, industryCode;lon",
    })
    void refusesWhatCannotBeRouted(Long lead, Long enterpriseCounty, Long locatedCounty, String fields) {
        assertThatThrownBy(() -> RoutingPolicy.route(lead, enterpriseCounty, locatedCounty))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().keySet()).containsExactly(fields.split(";")));
    }
}
