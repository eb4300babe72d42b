package org.anquan.directory.enterprises;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.data.relational.core.mapping.Table;

/** A licence or permit an enterprise holds (安全生产许可证, 危险化学品经营许可证 ...). */
@Table("licence")
record Licence(String kind, String licenceNo, String issuedBy, LocalDate validUntil) {

    public boolean expiredOn(LocalDate day) {
        return validUntil.isBefore(day);
    }

    public long daysLeft(LocalDate day) {
        return ChronoUnit.DAYS.between(day, validUntil);
    }
}
