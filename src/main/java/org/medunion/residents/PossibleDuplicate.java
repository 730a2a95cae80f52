package org.medunion.residents;

/** Two residents with the same name, birth date and sex but different ID numbers, awaiting review. */
public record PossibleDuplicate(ResidentView first, ResidentView second, String reason) {
}
