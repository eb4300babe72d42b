package org.anquan.duty.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.anquan.duty.watch.RosterStatus.Step;
import org.anquan.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** Every step of a duty roster from both its statuses. */
class RosterStatusTests {

    static void refused(RosterStatus from, Step step, String key) {
        assertThatThrownBy(() -> from.after(step)).as(from + " " + step)
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aDraftIsEditedAndPublishedButNotWorked() {
        assertThat(RosterStatus.DRAFT.after(Step.EDIT)).isEqualTo(RosterStatus.DRAFT);
        assertThat(RosterStatus.DRAFT.after(Step.PUBLISH)).isEqualTo(RosterStatus.PUBLISHED);
        refused(RosterStatus.DRAFT, Step.WORK, "duty.roster.not.published");
    }

    @Test
    void aPublishedRosterIsWorkedButNeitherEditedNorPublishedAgain() {
        assertThat(RosterStatus.PUBLISHED.after(Step.WORK)).isEqualTo(RosterStatus.PUBLISHED);
        refused(RosterStatus.PUBLISHED, Step.EDIT, "duty.roster.published.swap");
        refused(RosterStatus.PUBLISHED, Step.PUBLISH, "duty.roster.not.draft");
    }
}
