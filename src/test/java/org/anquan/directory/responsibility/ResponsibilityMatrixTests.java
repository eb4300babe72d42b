package org.anquan.directory.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.directory.Responsibility;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ResponsibilityMatrixTests {

    @Autowired ResponsibilityMatrix matrix;
    @Autowired Directory directory;

    long department(String code) {
        return matrix.departments().stream().filter(d -> d.code().equals(code)).map(Department::id).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} is led by {1}")
    @CsvSource({"HAZ_CHEM, EMB, MIIT", "CONSTRUCTION, HOUSING, TRANSPORT", "ROAD_TRANSPORT, TRANSPORT, PSB",
            "CROWDED_PLACES, FIRE, COMMERCE", "CIVIL_EXPLOSIVES, MIIT, PSB", "WATER_TRANSPORT, MSA, TRANSPORT"})
    void whoeverManagesTheIndustrySupervisesItsSafety(String industry, String lead, String aCoSupervisor) {
        Responsibility r = directory.responsibleFor(industry);
        assertThat(r.leadDepartmentId()).isEqualTo(department(lead));
        assertThat(r.coDepartmentIds()).contains(department(aCoSupervisor)).doesNotContain(department(lead));
    }

    @Test
    void reassigningAnIndustryReplacesItsRowAndIsAudited() {
        Responsibility before = matrix.lookup("TOURISM");
        try {
            matrix.assign("TOURISM", department("COMMERCE"), List.of(department("TOURISM"), department("COMMERCE")));
            Responsibility after = matrix.lookup("TOURISM");
            assertThat(after.leadDepartmentId()).isEqualTo(department("COMMERCE"));
            // the lead is never also a co-supervisor
            assertThat(after.coDepartmentIds()).containsExactly(department("TOURISM"));
        } finally {
            matrix.assign("TOURISM", before.leadDepartmentId(), before.coDepartmentIds());
        }
    }

    @Test
    void anIndustryWithoutLeadIsRefusedAndTheRowIsKept() {
        Responsibility before = matrix.lookup("GAS");
        assertThatThrownBy(() -> matrix.assign("GAS", null, List.of(department("URBAN"))))
                .isInstanceOf(BusinessException.class).hasMessage("matrix.lead.required");
        assertThatThrownBy(() -> matrix.assign("GAS", 999_999L, List.of()))
                .isInstanceOf(BusinessException.class).hasMessage("matrix.department.unknown");
        assertThat(matrix.lookup("GAS")).isEqualTo(before);
    }

    @Test
    void aPlaceIsRoutedToTheCountyWhoseBoundaryHoldsIt() {
        // the demo counties are 0.1° wide strips from 118.0° E
        assertThat(directory.countyAt(new GeoPoint(118.05, 30.2))).map(Directory.RegionRef::name).contains("平安区");
        assertThat(directory.countyAt(new GeoPoint(118.45, 30.2))).map(Directory.RegionRef::name).contains("南湖县");
        assertThat(directory.countyAt(new GeoPoint(120.0, 30.2))).isEmpty();
    }
}
