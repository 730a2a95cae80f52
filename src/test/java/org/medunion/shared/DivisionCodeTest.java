package org.medunion.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DivisionCodeTest {

    @Test
    void aProvinceCoversItsCitiesAndDistrictsACityItsDistricts() {
        assertThat(DivisionCode.covers("310000", "310105")).isTrue();
        assertThat(DivisionCode.covers("450100", "450102")).isTrue();
        assertThat(DivisionCode.covers("450100", "450200")).isFalse();
        assertThat(DivisionCode.covers("310105", "310105")).isTrue();
        assertThat(DivisionCode.covers(null, "310105")).isFalse();
        assertThat(DivisionCode.of("310000").contains(DivisionCode.of("310105"))).isTrue();
    }

    @Test
    void significantPrefixAndDepth() {
        assertThat(DivisionCode.significantPrefix("310000")).isEqualTo("31");
        assertThat(DivisionCode.significantPrefix("450100")).isEqualTo("4501");
        assertThat(DivisionCode.significantPrefix("310105")).isEqualTo("310105");
        assertThat(DivisionCode.significantPrefix(null)).isEmpty();
        assertThat(DivisionCode.of("310000").depth()).isZero();
        assertThat(DivisionCode.of("450100").depth()).isEqualTo(1);
        assertThat(DivisionCode.of("310105").depth()).isEqualTo(2);
    }

    @Test
    void parentsAndProvince() {
        assertThat(DivisionCode.of("310105").parent()).isEqualTo(DivisionCode.of("310100"));
        assertThat(DivisionCode.of("450100").parent()).isEqualTo(DivisionCode.of("450000"));
        assertThat(DivisionCode.of("450000").parent()).isEqualTo(DivisionCode.of("450000"));
        assertThat(DivisionCode.provinceOf("310105")).isEqualTo("310000");
        assertThat(DivisionCode.of("310105").isDistrict()).isTrue();
        assertThat(DivisionCode.of("450100").isCity()).isTrue();
    }

    @Test
    void onlySixDigitsUnderAProvinceInForceAreValid() {
        assertThat(DivisionCode.isValid("310105")).isTrue();
        assertThat(DivisionCode.isValid("990000")).isFalse();
        assertThat(DivisionCode.isValid("31010")).isFalse();
        assertThat(DivisionCode.isValid("01010a")).isFalse();
        assertThat(DivisionCode.isKnownProvince("500101")).isTrue();
        assertThatThrownBy(() -> DivisionCode.of("123")).isInstanceOf(IllegalArgumentException.class);
    }
}
