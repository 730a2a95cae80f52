package org.medunion.web.console;

import org.medunion.identity.CurrentUser;
import org.springframework.ui.Model;

/**
 * A module's figures on the home workbench ({@code workspace.html}): it adds the model attributes its cards
 * read, for the roles it serves, so the shell needs to know no module's data.
 */
public interface WorkbenchFigures {

    void addTo(CurrentUser me, Model model);
}
