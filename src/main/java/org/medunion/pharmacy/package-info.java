/**
 * Pharmacy (issue 16, pharmacy.md): the consortium formulary and each member's catalogue mapped to it (RX-14),
 * prescriptions checked against the RX pack and CQ-5 when written (RX-1…RX-7, RX-13), the rules pre-screen and the
 * pharmacist's review in the owning institution's or the consortium pre-review centre's queue (RX-8…RX-12), and
 * dispensing at the prescribing member, another member or by central distribution (RX-15). Prescriptions are
 * personal data: visible to the prescribing institution, the reviewing centre and the chosen dispensing site only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pharmacy", allowedDependencies = {"shared", "identity", "audit", "registry",
        "residents", "policy", "referral", "web :: console"})
@org.jspecify.annotations.NullMarked
package org.medunion.pharmacy;
