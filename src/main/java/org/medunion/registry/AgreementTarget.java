package org.medunion.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One quantified target an agreement sets (具体量化指标, seed 000): what is measured, the value to reach, its unit
 * and the day it is due.
 *
 * @param area      talent, discipline, technology or management
 * @param indicator what is measured, e.g. "下沉专家带教基层医生人数" (one line, ≤ 200 characters)
 * @param value     the value to reach (≥ 0)
 * @param unit      the unit of the value, e.g. "人", "%", "项" (optional, ≤ 20 characters)
 * @param dueBy     the day the value is to be reached (optional; within the agreement's term when given)
 */
public record AgreementTarget(@Nullable TargetArea area, @Nullable String indicator, @Nullable BigDecimal value, @Nullable String unit,
                              @Nullable LocalDate dueBy) {
}
