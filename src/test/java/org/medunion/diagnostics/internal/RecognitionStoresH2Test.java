package org.medunion.diagnostics.internal;

import org.medunion.support.H2Test;

@H2Test
class RecognitionStoresH2Test extends RecognitionStoresContract {
}
