/**
 * The web console: Thymeleaf + htmx pages, one workspace per role, zh-CN first and English second.
 * Module-specific pages live with their modules' controllers here; data comes only through module APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web console")
package org.medunion.web;
