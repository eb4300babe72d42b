package org.anquan.hazards.domain;

import org.springframework.data.repository.ListCrudRepository;

public interface HazardRepository extends ListCrudRepository<Hazard, Long> {
}
