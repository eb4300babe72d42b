package org.anquan.hazards.register;

import org.springframework.data.repository.ListCrudRepository;

interface HazardRepository extends ListCrudRepository<Hazard, Long> {
}
