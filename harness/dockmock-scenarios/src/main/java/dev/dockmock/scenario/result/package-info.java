/**
 * What a scenario run produced, as plain values: the runner ({@code dev.dockmock.scenario})
 * builds them, the reports ({@code dev.dockmock.scenario.report}) render them. Nothing here
 * touches a socket, a process or a file.
 */
package dev.dockmock.scenario.result;
