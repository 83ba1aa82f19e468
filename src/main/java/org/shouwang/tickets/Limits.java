package org.shouwang.tickets;

/** Hours allowed to dispatch, respond and resolve one request (working hours, or natural hours when urgent). */
public record Limits(int dispatchHours, int respondHours, int resolveHours) {
}
