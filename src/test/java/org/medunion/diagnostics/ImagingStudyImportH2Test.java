package org.medunion.diagnostics;

import org.medunion.support.H2Test;

@H2Test
class ImagingStudyImportH2Test extends ImagingStudyImportContract {
}
