package org.medunion.scheduling.unscoped;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ScheduleView;

/**
 * Scheduling commands without a logged-in caller, for the demo-city loader (and imports): granted through the
 * named interface {@code scheduling :: unscoped} only (decision 0080).
 */
public interface SystemScheduling {

    /** Bulk publication: validated like a caller's publication, batch inserts, one audit row per schedule. */
    List<ScheduleView> publishSchedules(List<PublishSchedule> commands, String createdBy);

    /** Books as the given primary institution's GP would (contract checked, reserved first, priority set). */
    BookingView bookAs(BookSlot command, String bookedBy, @Nullable InstitutionId bookedByInstitution);
}
