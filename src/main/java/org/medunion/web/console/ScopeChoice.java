package org.medunion.web.console;

/** One entry of a scope picker: what the account's scope reference stores, and the name the user chooses by. */
public record ScopeChoice(String reference, String name) {
}
