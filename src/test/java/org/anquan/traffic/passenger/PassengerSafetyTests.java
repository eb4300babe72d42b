package org.anquan.traffic.passenger;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** 两客一危: terminals online, violations, the listing policy and the public list that shows no full name. */
@IntegrationTest
class PassengerSafetyTests {

    @Autowired PassengerSafety passenger;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;

    CurrentUser user(String username) {
        return accounts.principalOf(accounts.findByUsername(username).orElseThrow().id()).user();
    }

    @Test
    void terminalsCountOnlineOnlyWhileTheirLastPositionIsFresh() {
        CurrentUser officer = user("county");
        long operator = passenger.addOperator("测试危运公司", "DANGEROUS_GOODS", "平安区", "平安区交通运输局", 3, officer.regionId(), officer);
        passenger.addVehicle("皖AD9001", operator, true, officer);
        passenger.addVehicle("皖AD9002", operator, true, officer);
        passenger.addVehicle("皖AD9003", operator, false, officer);
        OffsetDateTime now = OffsetDateTime.now(clock);
        assertThat(passenger.position("皖AD9001", now.minusMinutes(5))).isTrue();
        assertThat(passenger.position("皖AD9002", now.minusHours(3))).isTrue();
        assertThat(passenger.position("皖AD9003", now)).as("no terminal fitted").isFalse();
        assertThat(passenger.position("皖AD9001", now.minusMinutes(50))).as("an older position changes nothing").isFalse();
        var row = passenger.operators(officer.scope()).stream().filter(o -> o.id() == operator).findFirst().orElseThrow();
        assertThat(row.vehicles()).isEqualTo(3);
        assertThat(row.fitted()).isEqualTo(2);
        assertThat(row.online()).isEqualTo(1);
        assertThatThrownBy(() -> passenger.addVehicle("皖AD9001", operator, true, officer)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> passenger.addVehicle("XYZ", operator, true, officer)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void drunkDrivingListsAtOnceAndSeriousViolationsFromTheThird() throws Exception {
        CurrentUser officer = user("county");
        long operator = passenger.addOperator("测试包车公司", "TOURIST_CHARTER", "平安区", "平安区交通运输局", 5, officer.regionId(), officer);
        long drunk = passenger.addDriver("欧阳测试", "34019988776655", operator, officer);
        long speeder = passenger.addDriver("李测试", "34019988776656", operator, officer);
        OffsetDateTime now = OffsetDateTime.now(clock);
        assertThat(passenger.recordViolation(drunk, "皖AK9001", "DRUNK_DRIVING", now.minusDays(1), "G205", "POLICE", officer)).isTrue();
        assertThat(passenger.recordViolation(speeder, "皖AK9002", "SPEEDING", now.minusDays(400), "G205", "TERMINAL", officer)).isFalse();
        assertThat(passenger.recordViolation(speeder, "皖AK9002", "TERMINAL_OFFLINE", now.minusDays(30), "G205", "TERMINAL", officer)).isFalse();
        assertThat(passenger.recordViolation(speeder, "皖AK9002", "SPEEDING", now.minusDays(20), "G205", "TERMINAL", officer)).isFalse();
        assertThat(passenger.recordViolation(speeder, "皖AK9002", "FATIGUE", now.minusDays(10), "G205", "TERMINAL", officer)).as("two within the year")
                .isFalse();
        assertThat(passenger.recordViolation(speeder, "皖AK9002", "ILLEGAL_CARRYING", now.minusDays(2), "G205", "POLICE", officer)).isTrue();
        var listed = passenger.penalties().stream().filter(p -> p.certificateNo().startsWith("340199887766")).toList();
        assertThat(listed).extracting(PassengerSafety.Penalty::ruleCode).containsExactlyInAnyOrder("DRUNK_DRIVING", "REPEATED_SERIOUS");
        assertThat(listed).filteredOn(p -> p.ruleCode().equals("REPEATED_SERIOUS")).singleElement()
                .satisfies(p -> assertThat(p.violations()).isEqualTo(3));

        String page = mvc.perform(get("/public/traffic/penalties")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("欧***").contains("3401********55").doesNotContain("欧阳测试").doesNotContain("34019988776655");

        assertThatThrownBy(() -> passenger.recordViolation(speeder, "皖AK9002", "SPEEDING", now.plusHours(2), "G205", "POLICE", officer))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> passenger.recordViolation(-1L, "皖AK9002", "SPEEDING", now, "G205", "POLICE", officer))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> passenger.recordViolation(speeder, "皖AK9002", "NAPPING", now, "G205", "POLICE", officer))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> passenger.addDriver("重复", "34019988776655", operator, officer)).isInstanceOf(InvalidInputException.class);
        assertThat(mvc.perform(get("/traffic/passenger").with(as(accounts, "leader"))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
