package org.medunion.indicators.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the months that are over (decision 0266): at start and every night after midnight (Asia/Shanghai), each month
 * before the current one that has day rows gets its month rows, one transaction per month. Idempotent: a month closed by
 * another instance meanwhile is left alone.
 */
@Component
class MonthCloser {

    private static final Logger log = LoggerFactory.getLogger(MonthCloser.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final MonthRollups months;
    private final TransactionTemplate tx;
    private final Clock clock;

    MonthCloser(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.months = new MonthRollups(jdbc);
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
    void closeFinishedMonths() {
        try {
            LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
            var closed = new ArrayList<LocalDate>();
            for (LocalDate month : months.toClose(today)) {
                if (Boolean.TRUE.equals(tx.execute(s -> months.close(month, clock.instant())))) {
                    closed.add(month);
                }
            }
            if (!closed.isEmpty()) {
                log.info("indicators: {} month(s) closed, their month rows written: {}", closed.size(), closed);
            }
        } catch (RuntimeException e) {
            log.warn("closing the finished months failed, will retry tomorrow or at the next start: {}", e.getMessage());
        }
    }
}
